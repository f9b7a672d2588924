package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server as the OGC test suites see it: over HTTP on a random port, on a fresh embedded store holding the demo
 * region. Every conformance test class extends this one, so they share one application context (one start, one
 * demo load).
 */
@SpringBootTest(classes = org.clustergrid.app.ClusterGridApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConformanceTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FEATURES = "/ogc/features";
    static final String WMS = "/ogc/wms";
    static final List<String> COLLECTIONS = List.of("clusters", "roads", "power", "finance", "markets",
            "interventions");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String CONF = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    /** The demo region: lon 80.0–80.6, lat 20.0–20.5. */
    static final double[] DEMO = {80.0, 20.0, 80.6, 20.5};

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) throws Exception {
        Path dir = Files.createTempDirectory("clustergrid-conformance-test");
        r.add("clustergrid.data-dir", dir::toString);
    }

    /** An absolute URL: {@code path} below the Features API, or as given when it already is one. */
    String features(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + FEATURES + path;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(features(path)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the Accept header a suite sends, answered 200 with {@code type}; the body as JSON. */
    JsonNode json(String path, String accept, String type) throws Exception {
        HttpResponse<String> r = get(path, "Accept", accept);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(contentType(r)).as(path).startsWith(type);
        return JSON.readTree(r.body());
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static List<JsonNode> links(JsonNode doc, String rel) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("links").forEach(l -> {
            if (l.path("rel").asText().equals(rel)) {
                out.add(l);
            }
        });
        return out;
    }

    static JsonNode link(JsonNode doc, String rel, String type) {
        return links(doc, rel).stream().filter(l -> type == null || l.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel + " type=" + type + " in "
                        + doc.path("links")));
    }

    HttpResponse<byte[]> wms(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + WMS + "?"
                + query.replace(" ", "%20").replace(";", "%3B"))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
