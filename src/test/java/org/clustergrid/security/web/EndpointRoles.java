package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the server has, found in Spring's handler mapping and the static files, must be in {@link #DECLARED}
 * with the role it needs, and must answer that way: 401 without credentials, 403 one role too low, neither with the
 * role it needs. A new endpoint fails this test until it is declared here (and in AccessRules).
 */
abstract class EndpointRoles extends ServerTest {
    /** Method and path pattern as the handler mapping has them: what each needs. */
    static final Map<String, Need> DECLARED = Map.ofEntries(
            Map.entry("GET /api/health", Need.PUBLIC),
            Map.entry("GET /api/session", Need.PUBLIC),
            Map.entry("GET /api/datasets", Need.READ),
            Map.entry("GET /api/datasets/{id}", Need.READ),
            Map.entry("GET /api/layers", Need.READ),
            Map.entry("GET /api/layers/{layer}", Need.READ),
            Map.entry("GET /api/layers/{layer}/items", Need.READ),
            Map.entry("GET /api/layers/{layer}/items/{featureId}", Need.READ),
            Map.entry("GET /api/clusters", Need.READ),
            Map.entry("GET /api/clusters/{clusterGridId}", Need.READ),
            Map.entry("GET /api/coverage", Need.READ),
            Map.entry("GET /api/context-layers", Need.READ),
            Map.entry("GET /api/context-layers/{name}", Need.READ),
            Map.entry("GET /api/regions/{layer}", Need.READ),
            Map.entry("GET /api/regions/{layer}/{fid}", Need.READ),
            Map.entry("GET /api/context-layers/{name}/style", Need.READ),
            Map.entry("GET /api/raster-layers", Need.READ),
            Map.entry("GET /api/raster-layers/{name}", Need.READ),
            Map.entry("GET /api/scores", Need.READ),
            Map.entry("GET /api/scores/{clusterGridId}", Need.READ),
            Map.entry("GET /api/scores/point", Need.READ),
            Map.entry("GET /api/scoring/profile", Need.READ),
            Map.entry("GET /api/scoring/runs", Need.READ),
            Map.entry("GET /api/scoring/runs/{id}", Need.READ),
            Map.entry("GET /api/reports/clusters/{clusterGridId}", Need.READ),
            Map.entry("GET /api/reports/regions", Need.READ),
            Map.entry("POST /api/session/password", Need.SIGNED_IN),
            Map.entry("POST /api/scores/geometry", Need.ANALYST),
            Map.entry("POST /api/scores/profile", Need.ANALYST),
            Map.entry("GET /api/scenarios", Need.READ),
            Map.entry("GET /api/scenarios/{id}", Need.READ),
            Map.entry("GET /api/scenarios/{id}/evaluation", Need.READ),
            Map.entry("GET /api/scenarios/{id}/interventions", Need.READ),
            Map.entry("GET /api/scenarios/compare", Need.READ),
            Map.entry("GET /api/scenarios/costs", Need.READ),
            Map.entry("POST /api/scenarios", Need.ANALYST),
            Map.entry("DELETE /api/scenarios/{id}", Need.ANALYST),
            Map.entry("POST /api/portfolios", Need.ANALYST),
            Map.entry("POST /api/portfolios/accept", Need.EDITOR),
            Map.entry("POST /api/reports/portfolios", Need.ANALYST),
            Map.entry("POST /api/admin/imports", Need.ADMIN),
            Map.entry("GET /api/admin/imports/jobs/{id}", Need.ADMIN),
            Map.entry("DELETE /api/admin/datasets/{id}", Need.ADMIN),
            Map.entry("DELETE /api/admin/layers/{name}", Need.ADMIN),
            Map.entry("PUT /api/admin/layers/{name}/style", Need.ADMIN),
            Map.entry("DELETE /api/admin/layers/{name}/style", Need.ADMIN),
            Map.entry("GET /api/admin/users", Need.ADMIN),
            Map.entry("POST /api/admin/users", Need.ADMIN),
            Map.entry("PATCH /api/admin/users/{username}", Need.ADMIN),
            Map.entry("DELETE /api/admin/users/{username}", Need.ADMIN),
            Map.entry("GET /api/admin/keys", Need.ADMIN),
            Map.entry("POST /api/admin/keys", Need.ADMIN),
            Map.entry("DELETE /api/admin/keys/{id}", Need.ADMIN),
            Map.entry("GET /api/admin/audit", Need.ADMIN),
            Map.entry("GET /ogc/features", Need.READ),
            Map.entry("GET /ogc/features/", Need.READ),
            Map.entry("GET /ogc/features/conformance", Need.READ),
            Map.entry("GET /ogc/features/api", Need.READ),
            Map.entry("GET /ogc/features/**", Need.READ),
            Map.entry("GET /ogc/features/collections", Need.READ),
            Map.entry("GET /ogc/features/collections/{collectionId}", Need.READ),
            Map.entry("GET /ogc/features/collections/{collectionId}/items", Need.READ),
            Map.entry("GET /ogc/features/collections/{collectionId}/items/{featureId}", Need.READ),
            Map.entry("GET /ogc/features/collections/{collectionId}/queryables", Need.READ),
            Map.entry("POST /ogc/features/collections/{collectionId}/items", Need.EDITOR),
            Map.entry("PUT /ogc/features/collections/{collectionId}/items/{featureId}", Need.EDITOR),
            Map.entry("PATCH /ogc/features/collections/{collectionId}/items/{featureId}", Need.EDITOR),
            Map.entry("DELETE /ogc/features/collections/{collectionId}/items/{featureId}", Need.EDITOR),
            Map.entry("GET /api/clusters/{clusterGridId}/history", Need.READ),
            Map.entry("GET /api/clusters/{clusterGridId}/interventions", Need.READ),
            Map.entry("GET /api/interventions/{id}/history", Need.READ),
            Map.entry("GET /ogc/features/collections/interventions", Need.READ),
            Map.entry("GET /ogc/features/collections/interventions/queryables", Need.READ),
            Map.entry("GET /ogc/features/collections/interventions/items", Need.READ),
            Map.entry("GET /ogc/features/collections/interventions/items/{featureId}", Need.READ),
            Map.entry("POST /ogc/features/collections/interventions/items", Need.EDITOR),
            Map.entry("PUT /ogc/features/collections/interventions/items/{featureId}", Need.EDITOR),
            Map.entry("PATCH /ogc/features/collections/interventions/items/{featureId}", Need.EDITOR),
            Map.entry("DELETE /ogc/features/collections/interventions/items/{featureId}", Need.EDITOR),
            Map.entry("GET /api/register/export", Need.READ),
            Map.entry("GET /api/clusters/{clusterGridId}/history/{version}", Need.READ),
            Map.entry("POST /api/clusters/{clusterGridId}/history/{version}/restore", Need.EDITOR),
            Map.entry("POST /api/proposals", Need.SIGNED_IN),
            Map.entry("GET /api/proposals", Need.SIGNED_IN),
            Map.entry("GET /api/proposals/{id}", Need.SIGNED_IN),
            Map.entry("POST /api/proposals/{id}/accept", Need.EDITOR),
            Map.entry("POST /api/proposals/{id}/reject", Need.EDITOR),
            Map.entry("GET /ogc/wms", Need.READ),
            Map.entry("GET /tiles/{collection}/{z}/{x}/{y}.mvt", Need.READ),
            Map.entry("GET /tiles/{collection}.json", Need.READ),
            // Spring Boot's error page, mapped for every method; reached directly only by GET
            Map.entry("GET /error", Need.READ));

    /** Static files anyone may load: the sign-in page and what it needs. Every other static file needs READ. */
    static final Set<String> PUBLIC_FILES = Set.of("/login.html", "/login.js", "/style.css");

    private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("layer", "roads"),
            Map.entry("collectionId", "roads"), Map.entry("collection", "roads"), Map.entry("featureId", "demo.none"),
            Map.entry("clusterGridId", "CG-XX-999999"), Map.entry("id", "no-such"),
            Map.entry("username", "no-such-user"), Map.entry("name", "no-such-layer"), Map.entry("fid", "1"),
            Map.entry("version", "1"), Map.entry("z", "0"),
            Map.entry("x", "0"), Map.entry("y", "0"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    Accounts accounts;

    abstract boolean anonymousRead();

    /** Every mapped method and pattern, as {@code METHOD /pattern}; no method condition counts as GET. */
    Set<String> mappedEndpoints() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                methods.forEach(m -> out.add(m + " " + pattern));
            }
        }
        return out;
    }

    static List<String> staticFiles() throws Exception {
        List<String> out = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*.*")) {
            String u = r.getURL().toString();
            out.add(u.substring(u.indexOf("/static/") + "/static".length()));
        }
        return out;
    }

    @Test
    void everyEndpointHasADeclaredRole() {
        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).as("endpoints without a declared role: add them to DECLARED and AccessRules")
                .isSubsetOf(DECLARED.keySet());
        assertThat(DECLARED.keySet()).as("declared endpoints that no longer exist").isSubsetOf(mapped);
    }

    @Test
    void everyEndpointAnswersByItsRole() throws Exception {
        Map<Role, String> keys = new TreeMap<>();
        for (Role r : Role.values()) {
            keys.put(r, accounts.createKey("roles-" + r.id(), r, null).secret());
        }
        Map<String, Need> cases = new TreeMap<>(DECLARED);
        for (String file : staticFiles()) {
            cases.put("GET " + file, PUBLIC_FILES.contains(file) ? Need.PUBLIC : Need.READ);
        }
        cases.put("GET /webjars/leaflet/1.9.4/dist/leaflet.js", Need.READ);
        cases.put("GET /", Need.READ);
        cases.put("HEAD /api/layers", Need.READ);
        assertSoftly(soft -> cases.forEach((endpoint, need) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = sample(endpoint.substring(endpoint.indexOf(' ') + 1));
            boolean open = need == Need.PUBLIC || need == Need.READ && anonymousRead();
            int anonymous = status(method, path, null);
            if (open) {
                soft.assertThat(anonymous).as(endpoint + " without credentials").isNotIn(401, 403);
            } else {
                soft.assertThat(anonymous).as(endpoint + " without credentials").isEqualTo(401);
            }
            if (need.role() != null) {
                soft.assertThat(status(method, path, keys.get(need.role()))).as(endpoint + " as " + need.role())
                        .isNotIn(401, 403);
                if (need.role().ordinal() > 0) {
                    Role below = Role.values()[need.role().ordinal() - 1];
                    soft.assertThat(status(method, path, keys.get(below))).as(endpoint + " as " + below)
                            .isEqualTo(open ? status(method, path, keys.get(need.role())) : 403);
                }
            }
        }));
    }

    static String sample(String pattern) {
        String path = pattern.replace("/**", "/nothing-here");
        for (Map.Entry<String, String> e : SAMPLES.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    /** The status of a request with an empty body, with {@code key} or none. */
    int status(String method, String path, String key) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
            if (key != null) {
                b.header("X-API-Key", key);
            }
            if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", path.endsWith("/imports") ? "multipart/form-data; boundary=x"
                        : path.endsWith("/profile") ? "application/yaml" : "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(path.endsWith("/profile") ? "x: 1" : "{}"));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
