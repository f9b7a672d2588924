package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scoring API on the demo region; custom profiles and geometries are sent with the admin token. */
class ScoreApiTest extends ServerTest {
    static final String TOKEN = "score-api-token";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", type).header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void ranksEveryClusterAsGeoJsonAndCsv() throws Exception {
        JsonNode fc = json(get("/api/scores"));
        assertThat(fc.path("features")).hasSize(12);
        JsonNode first = fc.path("features").get(0).path("properties");
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("priority").asDouble()).isPositive();
        assertThat(first.path("stability").asDouble()).isBetween(0.0, 1.0);
        for (String dim : new String[] {"roads", "power", "finance", "markets"}) {
            assertThat(first.path(dim).asDouble()).isBetween(0.0, 100.0);
        }
        assertThat(fc.path("run").path("profile").asText()).isEqualTo("default");

        HttpResponse<String> csv = get("/api/scores?f=csv");
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(13);
        assertThat(lines[0]).startsWith("cluster_grid_id,name,size,rank,stability,gap_rank,unranked,priority,gap,"
                + "composite,known,flags,roads,roads_known,");
        // every indicator travels with its score, why it is missing and the feature behind it
        List<String> header = List.of(lines[0].split(","));
        for (String col : List.of("bank_distance", "bank_distance_score", "bank_distance_missing",
                "bank_distance_evidence", "market_potential_missing")) {
            assertThat(header).contains(col);
        }
        String[] row = lines[1].split(",", -1);
        assertThat(row[header.indexOf("bank_distance_evidence")]).startsWith("demo.");
        assertThat(Double.parseDouble(row[header.indexOf("bank_distance")])).isPositive();
        assertThat(first.path("bank_distance_score").asDouble()).isBetween(0.0, 100.0);
        assertThat(first.path("known").asDouble()).isBetween(0.6, 1.0);

        JsonNode runs = json(get("/api/scoring/runs"));
        assertThat(runs).isNotEmpty();
        JsonNode stored = json(get("/api/scoring/runs/" + runs.get(0).path("run").asText()));
        assertThat(stored.path("clusters")).hasSize(12);
        assertThat(stored.path("datasets").has("demo")).isTrue();
    }

    @Test
    void oneClusterWithEvidence() throws Exception {
        String id = json(get("/api/scores")).path("features").get(0).path("id").asText();
        JsonNode b = json(get("/api/scores/" + id));
        JsonNode roads = b.path("dimensions").path("roads");
        assertThat(roads.path("indicators")).isNotEmpty();
        JsonNode nearestRoad = roads.path("indicators").get(0);
        assertThat(nearestRoad.path("id").asText()).isEqualTo("road_all_season_distance");
        assertThat(nearestRoad.path("evidence").path("layer").asText()).isEqualTo("roads");
        assertThat(nearestRoad.path("evidence").path("line")).hasSize(2);
        JsonNode markets = b.path("dimensions").path("markets").path("indicators");
        assertThat(markets.findValues("seconds")).isNotEmpty();
        assertThat(get("/api/scores/CG-XX-999999").statusCode()).isEqualTo(404);
    }

    @Test
    void customWeightsRescore() throws Exception {
        JsonNode roadsOnly = json(get("/api/scores?f=json&roads=1&power=0&finance=0&markets=0"));
        for (JsonNode c : roadsOnly.path("clusters")) {
            assertThat(c.path("composite").asDouble()).isCloseTo(c.path("roads").asDouble(),
                    org.assertj.core.data.Offset.offset(0.011));
        }
        assertThat(roadsOnly.path("weights").path("roads").asDouble()).isEqualTo(1.0);
        assertThat(get("/api/scores?roads=-1").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get("/api/scores?roads=0&power=0&finance=0&markets=0").body()).path("message").asText())
                .contains("sum to something positive");
        assertThat(get("/api/scores?roads=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void scoresAPointAndADrawnPolygon() throws Exception {
        JsonNode p = json(get("/api/scores/point?lon=80.2&lat=20.2&typology=artisanal_craft&markets_served=local&size=100"));
        assertThat(p.path("composite").asDouble()).isBetween(0.0, 100.0);
        assertThat(p.path("priority").asDouble()).isGreaterThanOrEqualTo(0);
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[80.2,20.2],[80.25,20.2],[80.25,20.25],[80.2,20.25],"
                + "[80.2,20.2]]]}";
        JsonNode g = json(post("/api/scores/geometry", "application/geo+json", polygon));
        assertThat(g.path("dimensions").path("roads").path("score").asDouble()).isBetween(0.0, 100.0);

        HttpResponse<String> outside = get("/api/scores/point?lon=10&lat=50");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("outside the extent of every layer");
        assertThat(post("/api/scores/geometry", "application/json", "{\"type\":\"Polygon\"}").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/scores/point?lon=80.2&lat=20.2&typology=steel").statusCode()).isEqualTo(400);
    }

    @Test
    void anIncompleteProfileIsRefusedByName() throws Exception {
        String yaml = Files.readString(Path.of("gis-data/profiles/default.yaml"))
                .replace("  road_density_radius_m:     {value: 5000, source: \"An hour's walk (5 km at GOST's 5 km/h)\"}\n", "");
        HttpResponse<String> r = post("/api/scores/profile", "application/yaml", yaml);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText())
                .isEqualTo("uploaded profile: parameters.road_density_radius_m.value is missing or not a number");
        HttpResponse<String> ok = post("/api/scores/profile", "application/yaml",
                Files.readString(Path.of("gis-data/profiles/default.yaml")));
        assertThat(json(ok).path("clusters")).hasSize(12);
    }
}
