package org.clustergrid.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A stored scenario as an OGC API – Features collection (demo region, anonymous reads off): listed beside the layers,
 * its items the scenario's interventions (an upgrade on its road), paged, boxed, filtered and in another CRS like any
 * collection's; stale once the data change; gone (404) once deleted, even to a client that kept its ETag.
 */
@TestPropertySource(properties = {"clustergrid.admin.token=" + ScenarioCollectionsTest.TOKEN,
    "clustergrid.security.anonymous-read=false"})
class ScenarioCollectionsTest extends ServerTest {
    static final String TOKEN = "scenario-collections-token";
    static final String GEOJSON = "application/geo+json";

    HttpResponse<String> get(String path, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of("X-Admin-Token", TOKEN));
        h.addAll(List.of(headers));
        return send(path, HttpResponse.BodyHandlers.ofString(), h.toArray(String[]::new));
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Admin-Token", TOKEN)
                .header("Content-Type", "application/geo+json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> ids(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.path("features").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    @Test
    void aScenarioIsACollection() throws Exception {
        JsonNode road = json("/ogc/features/collections/roads/items?limit=1").path("features").get(0);
        String scenario = "{\"type\":\"FeatureCollection\",\"name\":\"Three plans\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[80.1,20.1],[80.2,20.1]]},"
                + "\"properties\":{\"kind\":\"new_power_line\",\"voltage_kv\":66,\"id\":\"hv\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[80.4,20.4]},"
                + "\"properties\":{\"kind\":\"market\",\"market_kind\":\"town\",\"population\":25000,\"cost\":5e5,"
                + "\"id\":\"mkt\",\"name\":\"New town market\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[80.45,20.35]},"
                + "\"properties\":{\"kind\":\"finance_point\",\"finance_type\":\"mobile_money_agent\",\"cost\":2000,"
                + "\"id\":\"agent\"}},"
                + "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"kind\":\"upgrade_road\",\"roads\":[\""
                + road.path("id").asText() + "\"],\"surface\":\"asphalt\",\"class\":\"primary\",\"cost\":1e5,"
                + "\"id\":\"paving\"}}]}";
        HttpResponse<String> made = send("POST", "/api/scenarios", scenario);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = JSON.readTree(made.body()).path("id").asText();
        String cid = "scenario-" + id;
        String path = "/ogc/features/collections/" + cid;

        // anonymous reads are off: the collection needs the read role like any other
        HttpResponse<String> anonymous = send(path + "/items", HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        JsonNode all = json("/ogc/features/collections");
        JsonNode listed = null;
        for (JsonNode c : all.path("collections")) {
            if (c.path("id").asText().equals(cid)) {
                listed = c;
            }
        }
        assertThat(listed).as("listed with the layers").isNotNull();
        JsonNode one = json(path);
        JsonNode oneWithoutLinks = ((com.fasterxml.jackson.databind.node.ObjectNode) one.deepCopy()).without("links");
        JsonNode listedWithoutLinks = ((com.fasterxml.jackson.databind.node.ObjectNode) listed.deepCopy())
                .without("links");
        assertThat(oneWithoutLinks).as("the same as listed, but for the links").isEqualTo(listedWithoutLinks);
        assertThat(one.path("title").asText()).isEqualTo("Three plans (planned)");
        assertThat(one.path("description").asText()).contains("planned, not built").doesNotContain("Stale");
        assertThat(one.path("numberOfFeatures").asInt()).isEqualTo(4);
        assertThat(one.path("crs").toString()).contains("CRS84", "4326", "3857");
        JsonNode box = one.path("extent").path("spatial").path("bbox").get(0);
        assertThat(box.get(0).asDouble()).isLessThanOrEqualTo(80.1);
        assertThat(box.get(2).asDouble()).isGreaterThanOrEqualTo(80.45);

        // the items are the interventions, in order, with their fields, the prices the evaluation gives them
        JsonNode items = json(path + "/items");
        assertThat(ids(items)).containsExactly("hv", "mkt", "agent", "paving");
        assertThat(items.path("numberMatched").asInt()).isEqualTo(4);
        JsonNode planned = json("/api/scenarios/" + id + "/interventions");
        for (int i = 0; i < 4; i++) {
            JsonNode served = items.path("features").get(i);
            JsonNode given = planned.path("features").get(i);
            assertThat(served.path("id").asText()).isEqualTo(given.path("id").asText());
            assertThat(served.path("geometry")).isEqualTo(given.path("geometry"));
            given.path("properties").fields().forEachRemaining(e -> {
                if (!e.getKey().equals("planned")) {
                    assertThat(served.path("properties").path(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
            });
        }
        JsonNode market = items.path("features").get(1).path("properties");
        assertThat(market.path("kind").asText()).isEqualTo("market");
        assertThat(market.path("market_kind").asText()).isEqualTo("town");
        assertThat(market.path("population").asLong()).isEqualTo(25000);
        assertThat(market.path("cost").asDouble()).isEqualTo(500000);
        assertThat(market.path("name").asText()).isEqualTo("New town market");
        assertThat(market.has("voltage_kv")).as("every property on every feature, null where it has none").isTrue();
        JsonNode hv = items.path("features").get(0).path("properties");
        assertThat(hv.path("basis").asText()).contains("hv_line_km");
        // the upgrade lies on the road it paves, as the data hold it
        JsonNode paving = items.path("features").get(3);
        JsonNode roadGeometry = road.path("geometry");
        assertThat(paving.path("geometry").path("coordinates").get(0)).isEqualTo(
                roadGeometry.path("type").asText().equals("LineString") ? roadGeometry.path("coordinates")
                        : roadGeometry.path("coordinates").get(0));
        assertThat(paving.path("properties").path("roads").get(0).asText()).isEqualTo(road.path("id").asText());
        assertThat(paving.path("properties").path("class").asText()).isEqualTo("primary");

        // paging, box, property and CQL2 filters, CRS: as on any collection
        JsonNode first = json(path + "/items?limit=3");
        assertThat(ids(first)).containsExactly("hv", "mkt", "agent");
        String next = null;
        for (JsonNode l : first.path("links")) {
            if (l.path("rel").asText().equals("next")) {
                next = l.path("href").asText();
            }
        }
        assertThat(ids(json(next))).containsExactly("paving");
        assertThat(ids(json(path + "/items?bbox=80.3,20.3,80.5,20.5"))).containsExactly("mkt", "agent");
        assertThat(ids(json(path + "/items?kind=market"))).containsExactly("mkt");
        assertThat(ids(json(path + "/items?population=25000"))).containsExactly("mkt");
        assertThat(ids(json(path + "/items?filter=" + URLEncoder.encode("cost < 10000 OR voltage_kv >= 66",
                StandardCharsets.UTF_8)))).containsExactly("hv", "agent");
        assertThat(ids(json(path + "/items?filter=" + URLEncoder.encode(
                "S_INTERSECTS(geometry, BBOX(80.35, 20.3, 80.5, 20.5)) AND name IS NULL", StandardCharsets.UTF_8))))
                .containsExactly("agent");
        assertThat(get(path + "/items?filter=" + URLEncoder.encode("population = 'many'", StandardCharsets.UTF_8))
                .statusCode()).as("a number compared with a text").isEqualTo(400);
        assertThat(get(path + "/items?filter=nosuch%3D1").statusCode()).isEqualTo(400);
        assertThat(get(path + "/items?unknown=1").statusCode()).isEqualTo(400);
        JsonNode swapped = json(path + "/items/mkt?crs=" + URLEncoder.encode(
                "http://www.opengis.net/def/crs/EPSG/0/4326", StandardCharsets.UTF_8));
        assertThat(swapped.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(20.4);
        assertThat(swapped.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(80.4);
        HttpResponse<String> csv = get(path + "/items?f=csv");
        assertThat(csv.body().lines().count()).isEqualTo(5);
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("wkt,id,kind,name,cost");
        HttpResponse<String> html = get(path + "/items?f=html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("New town market");
        JsonNode queryables = json(path + "/queryables");
        assertThat(queryables.path("properties").path("voltage_kv").path("type").asText()).isEqualTo("number");
        assertThat(queryables.path("additionalProperties").asBoolean()).isFalse();
        assertThat(get(path + "/items/nope").statusCode()).isEqualTo(404);

        // the data change (the demo region's one dataset deleted): the scenario is stale and still served, saying so
        JsonNode datasets = json("/api/datasets");
        String dataset = datasets.get(datasets.size() - 1).path("id").asText();
        assertThat(send("DELETE", "/api/admin/datasets/" + dataset, null).statusCode()).isIn(200, 204);
        JsonNode stale = json(path);
        assertThat(stale.path("stale").asBoolean()).isTrue();
        assertThat(stale.path("description").asText()).contains("Stale: made on data version")
                .contains("road '" + road.path("id").asText() + "' is no longer in the data");
        JsonNode staleItems = json(path + "/items");
        assertThat(ids(staleItems)).containsExactly("hv", "mkt", "agent", "paving");
        assertThat(staleItems.path("features").get(3).path("geometry").isNull()).as("its road is gone").isTrue();

        // deleted: 404, also to a client revalidating what it kept
        HttpResponse<String> kept = get(path + "/items", "Accept", GEOJSON);
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path + "/items", "Accept", GEOJSON, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(send("DELETE", "/api/scenarios/" + id, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = get(path + "/items", "Accept", GEOJSON, "If-None-Match", etag);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).path("description").asText()).contains(cid);
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(json("/ogc/features/collections").path("collections").toString()).doesNotContain(cid);
    }

    @Test
    void anUnknownScenarioIsNoCollection() throws Exception {
        HttpResponse<String> r = get("/ogc/features/collections/scenario-no-such-id/items");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("scenario-no-such-id");
    }
}
