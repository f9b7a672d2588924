package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.clustergrid.ingest.CountryCoverageTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HTTP API on a fresh embedded store, which the server fills with the demo region on start. */
public class ApiTest extends ServerTest {
    static final String TOKEN = "test-token";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void homePageAndHealth() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("ClusterGrid");
        assertThat(get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
        JsonNode health = json("/api/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("store").asText()).isEqualTo("h2gis");
    }

    @Test
    void datasetsSayWhereTheyHaveData() throws Exception {
        JsonNode coverage = json("/api/datasets/demo").path("coverage");
        assertThat(coverage.path("method").asText()).isEqualTo("derived");
        assertThat(coverage.path("layers")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("clusters", "roads", "power", "finance", "markets");
        JsonNode bbox = coverage.path("bbox");
        JsonNode roads = json("/api/layers/roads").path("extent");
        assertThat(bbox.get(0).asDouble()).isLessThanOrEqualTo(roads.get(0).asDouble());
        assertThat(bbox.get(3).asDouble()).isGreaterThanOrEqualTo(roads.get(3).asDouble());

        JsonNode fc = json(coverage.path("geometry").asText());
        assertThat(fc.path("features")).hasSize(1);
        assertThat(fc.path("features").get(0).path("geometry").path("type").asText()).endsWith("Polygon");
        assertThat(get("/api/coverage?dataset=nope").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> map = send("/ogc/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=coverage&STYLES="
                + "&CRS=CRS:84&BBOX=" + bbox.get(0).asDouble() + "," + bbox.get(1).asDouble() + ","
                + bbox.get(2).asDouble() + "," + bbox.get(3).asDouble() + "&WIDTH=64&HEIGHT=64&FORMAT=image/png",
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(map.headers().firstValue("content-type").orElseThrow()).isEqualTo("image/png");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(map.body()));
        assertThat(new java.awt.Color(img.getRGB(32, 32), true).getAlpha()).as("centre of the demo region drawn")
                .isGreaterThan(0);
    }

    @Test
    void demoRegionIsLoadedAndMarkedSynthetic() throws Exception {
        JsonNode datasets = json("/api/datasets");
        assertThat(datasets).hasSize(1);
        JsonNode demo = datasets.get(0);
        assertThat(demo.path("id").asText()).isEqualTo("demo");
        assertThat(demo.path("synthetic").asBoolean()).isTrue();
        assertThat(demo.path("featureCounts").path("clusters").asInt()).isEqualTo(12);
        assertThat(demo.path("featureCounts").path("roads").asInt()).isEqualTo(213);

        JsonNode layers = json("/api/layers");
        assertThat(layers).hasSize(5);
        for (JsonNode l : layers) {
            assertThat(l.path("count").asLong()).as(l.path("id").asText()).isPositive();
            assertThat(l.path("extent")).hasSize(4);
        }
    }

    @Test
    void clustersAsGeoJsonWithStableIds() throws Exception {
        HttpResponse<String> r = get("/api/clusters?limit=5");
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/geo+json");
        JsonNode fc = JSON.readTree(r.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(12);
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(5);
        JsonNode f = fc.path("features").get(0);
        String cgid = f.path("id").asText();
        assertThat(cgid).matches("CG-XX-\\d{6}");
        assertThat(f.path("properties").path("cluster_grid_id").asText()).isEqualTo(cgid);
        assertThat(f.has("crs")).isFalse();
        assertThat(fc.has("crs")).isFalse();
        JsonNode one = json("/api/clusters/" + cgid);
        assertThat(one.path("properties").path("name").asText()).isEqualTo(f.path("properties").path("name").asText());
        assertThat(get("/api/clusters/CG-XX-999999").statusCode()).isEqualTo(404);
    }

    @Test
    void pagingFollowsNextLinksAndKeepsTheBbox() throws Exception {
        String bbox = "80.0,20.0,80.3,20.3";
        JsonNode first = json("/api/layers/roads/items?bbox=" + bbox + "&limit=10");
        long matched = first.path("numberMatched").asLong();
        assertThat(matched).isGreaterThan(10).isLessThan(213);
        Set<String> ids = new HashSet<>();
        JsonNode page = first;
        while (true) {
            for (JsonNode f : page.path("features")) {
                assertThat(ids.add(f.path("id").asText())).isTrue();
                assertThat(f.path("geometry").path("type").asText()).isIn("LineString", "MultiLineString");
            }
            String next = null;
            for (JsonNode l : page.path("links")) {
                if (l.path("rel").asText().equals("next")) {
                    next = l.path("href").asText();
                }
            }
            if (next == null) {
                break;
            }
            assertThat(next).contains("bbox=" + bbox).contains("limit=10");
            page = JSON.readTree(get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery()).body());
        }
        assertThat(ids).hasSize((int) matched);
    }

    @Test
    void polygonsFollowTheRightHandRule() throws Exception {
        for (JsonNode f : json("/api/clusters?limit=100").path("features")) {
            if (f.path("geometry").path("type").asText().equals("Polygon")) {
                JsonNode ring = f.path("geometry").path("coordinates").get(0);
                double area = 0;
                for (int i = 0; i + 1 < ring.size(); i++) {
                    area += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                            - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
                }
                assertThat(area).as("exterior ring counter-clockwise").isPositive();
            }
        }
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        assertError("/api/layers/roads/items?bbox=1,2,3", 400, "bbox must be minLon,minLat,maxLon,maxLat");
        assertError("/api/layers/roads/items?bbox=a,2,3,4", 400, "bbox value 'a' is not a number");
        assertError("/api/layers/roads/items?limit=0", 400, "limit must be between 1 and 10000");
        assertError("/api/layers/roads/items?colour=red", 400, "unknown query parameter 'colour'");
        assertError("/api/layers/rivers/items", 404, "no layer 'rivers'");
        assertError("/api/datasets/nope", 404, "no dataset 'nope'");
        assertError("/api/nope", 404, "No static resource api/nope");
        assertError("/tiles/roads/metadata.json", 404, "No static resource tiles/roads/metadata.json");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url("/api/layers")))
                .header("X-Admin-Token", TOKEN).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
    }

    void assertError(String path, int status, String message) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains(message);
    }

    @Test
    void adminUploadImportsAndRejectsBadFilesWithoutChangingAnything() throws Exception {
        String csv = "source_id,name,lat,lon,firms\nu1,Upload one,20.1,80.1,10\nu2,Upload two,20.2,80.2,20\n";
        HttpResponse<String> noToken = upload(csv, "uploaded.csv", null);
        assertThat(noToken.statusCode()).isEqualTo(401);

        HttpResponse<String> ok = upload(csv, "uploaded.csv", TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(JSON.readTree(ok.body()).path("dataset").path("featureCounts").path("clusters").asInt()).isEqualTo(2);
        long version = json("/api/health").path("dataVersion").asLong();

        HttpResponse<String> bad = upload(csv + "u3,Broken,north,80.3,5\n", "uploaded.csv", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(bad.body()).path("report").path("problems").get(0);
        assertThat(problem.path("text").asText()).isEqualTo("ERROR: uploaded.csv, line 4, field 'lat': 'north' is not a number");
        assertThat(json("/api/health").path("dataVersion").asLong()).isEqualTo(version);
        assertThat(json("/api/datasets/uploads").path("featureCount").asInt()).isEqualTo(2);
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadMayCoverCountriesOfAnUploadedBoundaryFile() throws Exception {
        String csv = "source_id,name,lat,lon,firms\nl1,Ludhiana knitwear,30.90,75.85,10\n";
        String borders = Files.readString(CountryCoverageTest.BOUNDARIES);
        HttpResponse<String> ok = upload(csv, "punjab.csv", TOKEN, "punjab",
                "coverage", null, "countries:IN", "boundaries", "borders.geojson", borders);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode coverage = json("/api/datasets/punjab").path("coverage");
        assertThat(coverage.path("method").asText()).isEqualTo("declared");
        assertThat(coverage.path("description").asText()).contains("countries IN").contains("borders.geojson");
        assertThat(coverage.path("bbox").get(0).asDouble()).isBetween(68.0, 69.0);

        HttpResponse<String> noBorders = upload(csv, "punjab.csv", TOKEN, "punjab2", "coverage", null, "countries:IN");
        assertThat(noBorders.statusCode()).isEqualTo(400);
        assertThat(noBorders.body()).contains("--boundaries FILE");
        assertThat(get("/api/datasets/punjab2").statusCode()).isEqualTo(404);
    }

    HttpResponse<String> upload(String csv, String name, String token) throws Exception {
        return upload(csv, name, token, "uploads");
    }

    /** @param more further parts as name, file name (null for a field), value */
    HttpResponse<String> upload(String csv, String name, String token, String dataset, String... more)
            throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < more.length; i += 3) {
            extra.append(part(boundary, more[i], more[i + 1], more[i + 2]));
        }
        String body = part(boundary, "kind", null, "clusters") + part(boundary, "dataset", null, dataset)
                + part(boundary, "file", name, csv) + extra + "--" + boundary + "--\r\n";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("X-Admin-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String part(String boundary, String name, String filename, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv") + "\r\n\r\n"
                + value + "\r\n";
    }
}
