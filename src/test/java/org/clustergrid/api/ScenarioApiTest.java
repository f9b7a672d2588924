package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Scenarios over HTTP on the demo region: made by an analyst (refused whole, nothing stored, when any intervention is
 * wrong), listed, evaluated as JSON and CSV, marked stale once the data change, deleted.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + ScenarioApiTest.TOKEN)
class ScenarioApiTest extends ServerTest {
    static final String TOKEN = "scenario-token";

    HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/scenarios")))
                .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void makeListEvaluateAndDelete() throws Exception {
        // the cluster with the highest priority, and where it is
        JsonNode scores = JSON.readTree(get("/api/scores").body());
        JsonNode top = null;
        for (JsonNode f : scores.path("features")) {
            if (f.path("properties").path("rank").asInt() == 1) {
                top = f;
            }
        }
        assertThat(top).isNotNull();
        JsonNode geometry = top.path("geometry");
        JsonNode at = geometry.path("type").asText().equals("Point") ? geometry.path("coordinates")
                : geometry.path("coordinates").get(0).get(0);
        String id = top.path("id").asText();
        String bank = "{\"type\":\"FeatureCollection\",\"name\":\"A branch\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":" + at + "},\"properties\":{\"kind\":"
                + "\"finance_point\",\"finance_type\":\"bank\",\"cost\":150000}}]}";

        assertThat(post(bank).statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<String> nameless = post("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":null,\"properties\":{\"kind\":\"upgrade_road\",\"surface\":\"asphalt\",\"roads\":"
                + "[\"demo.r1\"]}}]}", "X-Admin-Token", TOKEN);
        assertThat(JSON.readTree(nameless.body()).path("message").asText()).isEqualTo("scenario refused: name: a"
                + " scenario needs a name (the FeatureCollection's \"name\" member)");
        HttpResponse<String> bad = post("{\"type\":\"FeatureCollection\",\"name\":\"x\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":null,\"properties\":{\"kind\":\"upgrade_road\",\"surface\":\"asphalt\",\"roads\":"
                + "[\"demo.nowhere\"]}}]}", "X-Admin-Token", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("message").asText())
                .contains("intervention 'i1' (upgrade_road): no road 'demo.nowhere' in the data");
        assertThat(JSON.readTree(bad.body()).path("problems")).extracting(JsonNode::asText).containsExactly(
                "intervention 'i1' (upgrade_road): no road 'demo.nowhere' in the data", "intervention 'i1'"
                        + " (upgrade_road): no cost entered, and cost profile 'default.yaml' has no rate"
                        + " 'road_upgrade_km': enter its cost, or add the rate with its source");
        assertThat(JSON.readTree(get("/api/scenarios").body())).as("nothing stored").isEmpty();
        // the list changes without the data changing: no data-version validator
        assertThat(get("/api/scenarios").headers().firstValue("ETag")).isEmpty();
        JsonNode costs = JSON.readTree(get("/api/scenarios/costs").body());
        assertThat(costs.path("currency").asText()).isEqualTo("USD");
        assertThat(costs.path("rates").path("mv_line_km").path("value").asDouble()).isEqualTo(7000);
        assertThat(costs.path("rates").path("mv_line_km").path("source").asText()).contains("OnSSET");

        HttpResponse<String> made = post(bank, "X-Admin-Token", TOKEN);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode scenario = JSON.readTree(made.body());
        String location = made.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/scenarios/" + scenario.path("id").asText());
        assertThat(scenario.path("name").asText()).isEqualTo("A branch");
        assertThat(scenario.path("created_by").asText()).isNotBlank();
        assertThat(scenario.path("stale").asBoolean()).isFalse();
        assertThat(JSON.readTree(get("/api/scenarios").body())).hasSize(1);
        assertThat(JSON.readTree(get(location).body()).path("geojson").asText()).isEqualTo(bank);

        HttpResponse<String> evaluated = get(location + "/evaluation");
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
        JsonNode e = JSON.readTree(evaluated.body());
        assertThat(e.path("summary").path("total_cost").asDouble()).isEqualTo(150000);
        assertThat(e.path("summary").path("priority_gain").asDouble()).isPositive();
        assertThat(e.path("clusters")).hasSize(scores.path("features").size());
        JsonNode row = null;
        for (JsonNode c : e.path("clusters")) {
            if (c.path("cluster_grid_id").asText().equals(id)) {
                row = c;
            }
        }
        assertThat(row.path("changed").asBoolean()).isTrue();
        assertThat(row.path("indicators_changed").asText()).contains("bank_distance: ").contains(" -> 0");
        assertThat(row.path("priority_after").asDouble()).isLessThan(row.path("priority_before").asDouble());

        HttpResponse<String> csv = get(location + "/evaluation?f=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(scores.path("features").size() + 1);
        assertThat(get(location + "/evaluation?f=xml").statusCode()).isEqualTo(400);
        JsonNode map = JSON.readTree(get(location + "/evaluation?f=geojson").body());
        assertThat(map.path("features")).hasSize(scores.path("features").size());
        assertThat(map.path("features")).anySatisfy(c -> {
            assertThat(c.path("id").asText()).isEqualTo(id);
            assertThat(c.path("geometry")).isEqualTo(geometry);
            assertThat(c.path("properties").path("changed").asBoolean()).isTrue();
        });
        JsonNode planned = JSON.readTree(get(location + "/interventions").body());
        assertThat(planned.path("features")).singleElement().satisfies(x -> {
            assertThat(x.path("geometry").path("coordinates")).isEqualTo(at);
            assertThat(x.path("properties").path("kind").asText()).isEqualTo("finance_point");
            assertThat(x.path("properties").path("finance_type").asText()).isEqualTo("bank");
            assertThat(x.path("properties").path("cost").asDouble()).isEqualTo(150000);
            assertThat(x.path("properties").path("planned").asBoolean()).isTrue();
        });

        // a second scenario, the same bank for less, compared with the first
        HttpResponse<String> cheaper = post(bank.replace("\"A branch\"", "\"A cheaper branch\"")
                .replace("150000", "90000"), "X-Admin-Token", TOKEN);
        String other = JSON.readTree(cheaper.body()).path("id").asText();
        HttpResponse<String> compared = get("/api/scenarios/compare?ids=" + scenario.path("id").asText() + ","
                + other);
        assertThat(compared.statusCode()).as(compared.body()).isEqualTo(200);
        JsonNode both = JSON.readTree(compared.body());
        assertThat(both.path("scenarios")).hasSize(2);
        assertThat(both.path("scenarios").get(1).path("summary").path("gain_per_cost").asDouble())
                .isGreaterThan(both.path("scenarios").get(0).path("summary").path("gain_per_cost").asDouble());
        assertThat(both.path("clusters")).anySatisfy(c -> {
            assertThat(c.path("cluster_grid_id").asText()).isEqualTo(id);
            assertThat(c.path("after").path(other).path("priority").asDouble())
                    .isEqualTo(c.path("after").path(scenario.path("id").asText()).path("priority").asDouble());
        });
        assertThat(get("/api/scenarios/compare?ids=" + other).statusCode()).isEqualTo(400);
        assertThat(get("/api/scenarios/compare?ids=" + other + ",nope").statusCode()).isEqualTo(404);
        http.send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/" + other))).header("X-Admin-Token", TOKEN)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        // the data change: the scenario is stale, with the reason
        var delete = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/datasets/demo-markets")))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode datasets = JSON.readTree(get("/api/datasets").body());
        if (delete.statusCode() != 204) {
            // the demo region names its datasets otherwise: delete the last one listed
            String last = datasets.get(datasets.size() - 1).path("id").asText();
            delete = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/datasets/" + last)))
                    .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(delete.statusCode()).as(delete.body()).isIn(200, 204);
        JsonNode listed = JSON.readTree(get("/api/scenarios").body()).get(0);
        assertThat(listed.path("stale").asBoolean()).isTrue();
        assertThat(listed.path("stale_reason").asText()).startsWith("made on data version ");

        var deleted = http.send(HttpRequest.newBuilder(URI.create(url(location))).header("X-Admin-Token", TOKEN)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get(location).statusCode()).isEqualTo(404);
    }
}
