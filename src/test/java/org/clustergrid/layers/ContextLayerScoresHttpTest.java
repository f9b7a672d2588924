package org.clustergrid.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's profile declares indicators on a context layer: before the layer is imported they are unknown with
 * the reason, after it the cluster breakdown, the summaries and the profile show them with evidence and source.
 */
class ContextLayerScoresHttpTest extends ServerTest {
    static final String TOKEN = "layer-scores-token";
    static final String LAYER_INDICATORS = """

            layer_indicators:
              zone_poverty:
                kind: containing_value
                layer: zones
                attribute: poverty
                unit: share
                dimension: finance
                weight: 1
                curve: [[0, 100], [1, 0]]
                source: "A test curve: the poorer the zone, the lower"
              zones_flooded:
                kind: containing_value
                layer: zones
                attribute: flooded
                dimension: roads
                weight: 0
                curve: [[0, 100], [1, 0]]
            """;
    /** One zone around the whole demo region, poverty 0.4, flooded. */
    static final String ZONES = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
            + "{\"type\":\"Polygon\",\"coordinates\":[[[60,0],[100,0],[100,40],[60,40],[60,0]]]},"
            + "\"properties\":{\"poverty\":0.4,\"flooded\":true}}]}";

    @DynamicPropertySource
    static void profileWithLayerIndicators(DynamicPropertyRegistry r) throws Exception {
        Path profile = Files.createTempFile("with-layers", ".yaml");
        Files.writeString(profile, Files.readString(Path.of("gis-data/profiles/default.yaml")) + LAYER_INDICATORS);
        r.add("clustergrid.scoring.profile", profile::toString);
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode indicator(JsonNode breakdown, String dimension, String id) {
        for (JsonNode i : breakdown.path("dimensions").path(dimension).path("indicators")) {
            if (i.path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + dimension);
    }

    @Test
    void layerIndicatorsAreUnknownUntilTheLayerIsImportedThenShownWithEvidence() throws Exception {
        String id = get("/api/scores?f=json").path("clusters").get(0).path("cluster_grid_id").asText();
        JsonNode before = indicator(get("/api/scores/" + id), "finance", "zone_poverty");
        assertThat(before.path("value").isNull()).isTrue();
        assertThat(before.path("missing").asText()).isEqualTo("empty_layer");
        assertThat(before.path("reason").asText()).isEqualTo("no context layer 'zones' in the store");

        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "layer") + ApiTest.part(boundary, "as", null, "zones")
                + ApiTest.part(boundary, "file", "zones.geojson", ZONES) + "--" + boundary + "--\r\n";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode after = get("/api/scores/" + id);
        JsonNode poverty = indicator(after, "finance", "zone_poverty");
        assertThat(poverty.path("title").asText()).isEqualTo("poverty of the polygon of zones containing the cluster");
        assertThat(poverty.path("unit").asText()).isEqualTo("share");
        assertThat(poverty.path("value").asDouble()).isEqualTo(0.4);
        assertThat(poverty.path("score").asDouble()).isEqualTo(60.0);
        assertThat(poverty.path("evidence").path("layer").asText()).isEqualTo("zones");
        assertThat(poverty.path("evidence").path("feature").asText()).isEqualTo("1");
        assertThat(poverty.path("source").asText()).isEqualTo("A test curve: the poorer the zone, the lower");
        assertThat(poverty.path("kind").asText()).isEqualTo("containing_value");
        JsonNode flooded = indicator(after, "roads", "zones_flooded");
        assertThat(flooded.path("value").asDouble()).isEqualTo(1.0);
        assertThat(after.path("zone_poverty_evidence").asText()).isEqualTo("zones.1");

        String csv = send("/api/scores?f=csv", HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",zones_flooded,zones_flooded_score,"
                + "zones_flooded_missing,zones_flooded_evidence");
        JsonNode declared = get("/api/scoring/profile").path("layer_indicators");
        assertThat(declared.get(0).path("id").asText()).isEqualTo("zone_poverty");
        assertThat(declared.get(0).path("dimension").asText()).isEqualTo("finance");
        assertThat(declared.get(1).path("weight").asDouble()).isZero();
    }
}
