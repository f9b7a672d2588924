package org.clustergrid.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clustergrid.testing.ServerTest;
import java.nio.file.Path;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Injection payloads in every parameter of every read endpoint, found in Spring's handler mapping: SQL and CQL2
 * injections, path traversal, markup, huge and non-finite numbers, control characters, a long value. None may fail
 * the server (5xx), echo markup unescaped into HTML, send a stack trace or an unbounded error, or change the data. An
 * endpoint missing from {@link #PARAMETERS} fails the test until its parameters are listed there.
 */
class InjectionPayloadsTest extends ServerTest {
    static final String TOKEN = "injection-token";

    static final List<String> PAYLOADS = List.of("' OR '1'='1", "1; DROP TABLE clusters; --",
            "x') OR 1=1 --", "name = 'a' OR 1=1", "\" OR \"\"=\"", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "1e999999999", "-1e308", "NaN", "-Infinity",
            "99999999999999999999999999", "-2147483649", "\u0000", "\u202e\u0007", "S_INTERSECTS(geom, BBOX(-1e308,0,1,1))",
            "x".repeat(20_000));

    /**
     * Each GET endpoint as the handler mapping names it: a valid request for it, and the parameters to put payloads
     * in (path variables are replaced in the path itself).
     */
    static final Map<String, Endpoint> PARAMETERS = Map.ofEntries(
            e("/api/health", "/api/health"),
            e("/api/session", "/api/session"),
            e("/api/datasets", "/api/datasets"),
            e("/api/datasets/{id}", "/api/datasets/{id:demo}"),
            e("/api/layers", "/api/layers"),
            e("/api/layers/{layer}", "/api/layers/{layer:roads}"),
            e("/api/layers/{layer}/items", "/api/layers/{layer:roads}/items?limit=5", "bbox", "limit", "offset"),
            e("/api/layers/{layer}/items/{featureId}", "/api/layers/{layer:roads}/items/{featureId:demo.r1}"),
            e("/api/clusters", "/api/clusters?limit=5", "bbox", "limit", "offset"),
            e("/api/clusters/{clusterGridId}", "/api/clusters/{clusterGridId:CG-XX-000001}"),
            e("/api/clusters/{clusterGridId}/history", "/api/clusters/{clusterGridId:CG-XX-000001}/history"),
            e("/api/clusters/{clusterGridId}/history/{version}",
                    "/api/clusters/{clusterGridId:CG-XX-000001}/history/{version:1}"),
            e("/api/clusters/{clusterGridId}/interventions",
                    "/api/clusters/{clusterGridId:CG-XX-000001}/interventions"),
            e("/api/interventions/{id}/history", "/api/interventions/{id:CG-XX-000001.bank_distance}/history"),
            e("/api/register/export", "/api/register/export?f=csv&dataset=demo&table=datasets", "f", "dataset",
                    "table"),
            e("/api/proposals", "/api/proposals?status=pending", "status"),
            e("/api/proposals/{id}", "/api/proposals/{id:1}"),
            e("/api/coverage", "/api/coverage", "dataset"),
            e("/api/context-layers", "/api/context-layers"),
            e("/api/context-layers/{name}", "/api/context-layers/{name:countries}"),
            e("/api/context-layers/{name}/style", "/api/context-layers/{name:countries}/style"),
            e("/api/raster-layers", "/api/raster-layers"),
            e("/api/raster-layers/{name}", "/api/raster-layers/{name:relief}"),
            e("/api/regions/{layer}", "/api/regions/{layer:countries}", "name", "top", "f", "roads", "markets"),
            e("/api/regions/{layer}/{fid}", "/api/regions/{layer:countries}/{fid:2}", "name", "top"),
            e("/api/scores", "/api/scores", "f", "roads", "power", "finance", "markets", "size", "typology", "setting",
                    "markets_served"),
            e("/api/scores/{clusterGridId}", "/api/scores/{clusterGridId:CG-XX-000001}", "roads", "size"),
            e("/api/scores/point", "/api/scores/point?lon=80.1&lat=20.1", "lon", "lat", "typology", "setting",
                    "markets_served", "roads"),
            e("/api/scoring/profile", "/api/scoring/profile"),
            e("/api/reports/clusters/{clusterGridId}", "/api/reports/clusters/{clusterGridId:CG-XX-000001}", "f",
                    "paper"),
            e("/api/reports/regions", "/api/reports/regions?layer=countries", "layer", "feature", "by", "bbox",
                    "area", "country", "top", "f", "paper"),
            e("/api/scenarios", "/api/scenarios"),
            e("/api/scenarios/{id}", "/api/scenarios/{id:no-such}"),
            e("/api/scenarios/{id}/evaluation", "/api/scenarios/{id:no-such}/evaluation", "f"),
            e("/api/scenarios/{id}/interventions", "/api/scenarios/{id:no-such}/interventions"),
            e("/api/scenarios/compare", "/api/scenarios/compare?ids=a,b", "ids"),
            e("/api/scenarios/costs", "/api/scenarios/costs"),
            e("/api/scoring/runs", "/api/scoring/runs"),
            e("/api/scoring/runs/{id}", "/api/scoring/runs/{id:1}"),
            e("/api/admin/imports/jobs/{id}", "/api/admin/imports/jobs/{id:7d444840-9dc0-11d1-b245-5ffdce74fad2}"),
            e("/api/admin/users", "/api/admin/users"),
            e("/api/admin/keys", "/api/admin/keys"),
            e("/api/admin/audit", "/api/admin/audit?limit=5", "limit", "offset"),
            e("/ogc/features", "/ogc/features", "f"),
            e("/ogc/features/", "/ogc/features/", "f"),
            e("/ogc/features/conformance", "/ogc/features/conformance", "f"),
            e("/ogc/features/api", "/ogc/features/api", "f"),
            e("/ogc/features/**", "/ogc/features/{rest:nothing-here}"),
            e("/ogc/features/collections", "/ogc/features/collections", "f"),
            e("/ogc/features/collections/{collectionId}", "/ogc/features/collections/{collectionId:clusters}", "f"),
            e("/ogc/features/collections/{collectionId}/items",
                    "/ogc/features/collections/{collectionId:clusters}/items?limit=5", "f", "bbox", "bbox-crs", "crs",
                    "limit", "offset", "datetime", "filter", "filter-lang", "filter-crs", "name", "sector"),
            e("/ogc/features/collections/{collectionId}/items/{featureId}",
                    "/ogc/features/collections/{collectionId:clusters}/items/{featureId:CG-XX-000001}", "f", "crs"),
            e("/ogc/features/collections/{collectionId}/queryables",
                    "/ogc/features/collections/{collectionId:clusters}/queryables", "f"),
            e("/ogc/features/collections/interventions", "/ogc/features/collections/interventions", "f"),
            e("/ogc/features/collections/interventions/items",
                    "/ogc/features/collections/interventions/items?limit=5", "f", "bbox", "bbox-crs", "crs", "limit",
                    "offset", "datetime", "filter", "filter-lang", "filter-crs", "category", "status", "country",
                    "cluster_grid_id"),
            e("/ogc/features/collections/interventions/items/{featureId}",
                    "/ogc/features/collections/interventions/items/{featureId:CG-XX-000001.bank_distance}", "f",
                    "crs"),
            e("/ogc/features/collections/interventions/queryables",
                    "/ogc/features/collections/interventions/queryables", "f"),
            e("/ogc/wms", "/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=roads,clusters&STYLES=&CRS=EPSG:4326"
                    + "&BBOX=19.9,79.9,20.4,80.4&WIDTH=64&HEIGHT=64&FORMAT=image/png&QUERY_LAYERS=clusters&I=3&J=3"
                    + "&INFO_FORMAT=application/json", "SERVICE", "VERSION", "REQUEST", "LAYERS", "STYLES", "CRS",
                    "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "EXCEPTIONS", "QUERY_LAYERS", "I",
                    "J", "INFO_FORMAT", "FEATURE_COUNT", "UPDATESEQUENCE"),
            e("/tiles/{collection}/{z}/{x}/{y}.mvt", "/tiles/{collection:roads}/{z:10}/{x:739}/{y:453}.mvt"),
            e("/tiles/{collection}.json", "/tiles/{collection:roads}.json"),
            e("/error", "/error"));

    record Endpoint(String request, List<String> parameters) {}

    static Map.Entry<String, Endpoint> e(String pattern, String request, String... parameters) {
        return Map.entry(pattern, new Endpoint(request, List.of(parameters)));
    }

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyReadEndpointIsListedWithItsParameters() {
        Set<String> gets = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals("GET"))) {
                gets.addAll(info.getPatternValues());
            }
        }
        assertThat(gets).as("GET endpoints without their parameters listed in PARAMETERS")
                .isSubsetOf(PARAMETERS.keySet());
    }

    @Autowired
    ContextLayerImporter contextLayers;

    @Autowired
    RasterImporter rasterLayers;

    /** Layers of the user's own, so that their collection, tiles, maps and regions are tried too. */
    @BeforeEach
    void countries() throws Exception {
        contextLayers.run(new ContextLayerImporter.Request(List.of(Path.of(
                "src/test/resources/boundaries/south-asia-countries.geojson")), null, "countries", null, null, null,
                null, null, null));
        rasterLayers.run(new RasterImporter.Request(Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif"),
                "relief", null, null, null, null, false, null, null, null));
    }

    @Test
    void payloadsInEveryParameterAreRefusedOrHarmless() throws Exception {
        JsonNode before = JSON.readTree(get("/api/health").body());
        int clustersBefore = JSON.readTree(get("/api/layers/clusters").body()).path("featureCount").asInt();
        List<String> tried = new ArrayList<>();
        int[] statuses = new int[6];
        assertSoftly(soft -> {
            for (Endpoint endpoint : PARAMETERS.values()) {
                for (String request : variants(endpoint)) {
                    HttpResponse<String> r;
                    try {
                        r = get(request);
                    } catch (Exception ex) {
                        soft.fail(request + ": " + ex);
                        continue;
                    }
                    tried.add(request);
                    statuses[r.statusCode() / 100]++;
                    String what = request.length() > 200 ? request.substring(0, 200) + "…" : request;
                    soft.assertThat(r.statusCode()).as(what + " -> " + excerpt(r.body())).isLessThan(500);
                    soft.assertThat(r.body()).as(what + " sends no stack trace").doesNotContain("\tat org.")
                            .doesNotContain("Exception:");
                    if (r.statusCode() >= 400) {
                        soft.assertThat(r.body().length()).as(what + " error size").isLessThan(8_000);
                    }
                    if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        soft.assertThat(r.body()).as(what + " escapes markup").doesNotContain("<script>alert(1)");
                    }
                }
            }
        });
        System.out.printf("injection payloads: %d requests over %d endpoints: %d 2xx, %d 3xx, %d 4xx, %d 5xx%n",
                tried.size(), PARAMETERS.size(), statuses[2], statuses[3], statuses[4], statuses[5]);
        JsonNode after = JSON.readTree(get("/api/health").body());
        assertThat(after.path("status").asText()).isEqualTo("UP");
        assertThat(after.path("dataVersion").asLong()).isEqualTo(before.path("dataVersion").asLong());
        assertThat(JSON.readTree(get("/api/layers/clusters").body()).path("featureCount").asInt())
                .isEqualTo(clustersBefore);
    }

    /** The valid request, then each parameter and each path variable with each payload. */
    static List<String> variants(Endpoint endpoint) {
        List<String> out = new ArrayList<>();
        String valid = endpoint.request().replaceAll("\\{[A-Za-z]+:([^}]*)}", "$1");
        out.add(valid);
        for (String payload : PAYLOADS) {
            String enc = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            for (String p : endpoint.parameters()) {
                out.add(withParameter(valid, p, enc));
            }
            var vars = java.util.regex.Pattern.compile("\\{([A-Za-z]+):([^}]*)}").matcher(endpoint.request());
            while (vars.find()) {
                String one = endpoint.request().substring(0, vars.start()) + enc.replace("%2F", "%252F")
                        + endpoint.request().substring(vars.end());
                out.add(one.replaceAll("\\{[A-Za-z]+:([^}]*)}", "$1"));
            }
        }
        return out;
    }

    static String withParameter(String request, String name, String value) {
        String q = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value;
        String replaced = request.replaceAll("([?&])" + java.util.regex.Pattern.quote(name) + "=[^&]*",
                "$1" + java.util.regex.Matcher.quoteReplacement(q));
        return !replaced.equals(request) ? replaced : request + (request.contains("?") ? "&" : "?") + q;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Admin-Token", TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
