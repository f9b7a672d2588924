package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.app.ScoringService;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing the register over OGC API – Features Part 4 and reading its history, on the demo region: create, replace,
 * update, retire, restore, lost updates, refusals by role and of bad values (each naming the field, the register
 * unchanged), and the scores following an edit.
 */
class ClusterRegisterHttpTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/clusters/items";
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[80.20,20.20],[80.21,20.20],[80.21,20.21],"
            + "[80.20,20.21],[80.20,20.20]]]}";

    @Autowired
    Accounts accounts;
    @Autowired
    ScoringService scoring;

    String editor;
    String editor2;
    String viewer;
    String analyst;

    @BeforeEach
    void keys() {
        editor = accounts.createKey("editor-a", Role.EDITOR, null).secret();
        editor2 = accounts.createKey("editor-b", Role.EDITOR, null).secret();
        viewer = accounts.createKey("viewer", Role.VIEWER, null).secret();
        analyst = accounts.createKey("analyst", Role.ANALYST, null).secret();
    }

    HttpResponse<String> call(String method, String path, String key, String body, String... headers)
            throws Exception {
        return exchange(method, path, key, method.equals("PATCH") ? "application/merge-patch+json" : "application/geo+json", body,
                headers);
    }

    HttpResponse<String> get(String path) throws Exception {
        return call("GET", path, null, null);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + properties + "}}";
    }

    String create(String properties) throws Exception {
        HttpResponse<String> r = call("POST", ITEMS, editor, feature(properties, POLYGON));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).path("id").asText();
    }

    String etag(String id) throws Exception {
        HttpResponse<String> r = get(ITEMS + "/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("ETag").orElseThrow();
    }

    long dataVersion() throws Exception {
        return json(get("/api/health")).path("dataVersion").asLong();
    }

    int editedClusters() throws Exception {
        HttpResponse<String> r = get("/api/datasets/register");
        return r.statusCode() == 404 ? 0 : json(r).path("featureCounts").path("clusters").asInt();
    }

    @Test
    void createReadReplaceUpdateRetireAndRestore() throws Exception {
        long v0 = dataVersion();
        int edited = editedClusters();
        HttpResponse<String> made = call("POST", ITEMS, editor, feature("\"name\":\"Riverside Looms\",\"sector\":"
                + "\"Textiles\",\"typology\":\"artisanal_craft\",\"setting\":\"rural\",\"firms\":40,\"employment\":900,"
                + "\"markets_served\":[\"local\",\"regional\"],"
                + "\"attributes\":{\"country_iso2\":\"IN\",\"founded\":1952},"
                + "\"comment\":\"surveyed 2024\"", POLYGON));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = json(made).path("id").asText();
        assertThat(id).matches("CG-IN-\\d{6}");
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith(ITEMS + "/" + id);
        String tag = made.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).startsWith("\"").doesNotStartWith("W/");
        assertThat(made.headers().firstValue("Cluster-Version")).contains("1");
        assertThat(dataVersion()).as("an edit grows the data version as an import does").isGreaterThan(v0);

        HttpResponse<String> read = get(ITEMS + "/" + id);
        assertThat(read.headers().firstValue("ETag")).contains(tag);
        JsonNode p = json(read).path("properties");
        assertThat(p.path("name").asText()).isEqualTo("Riverside Looms");
        assertThat(p.path("markets_served").asText()).isEqualTo("local;regional");
        assertThat(p.path("dataset").asText()).isEqualTo("register");
        assertThat(editedClusters()).isEqualTo(edited + 1);

        // PUT: the whole state; left-out fields become empty
        HttpResponse<String> put = call("PUT", ITEMS + "/" + id, editor, feature("\"name\":\"Riverside Looms\","
                + "\"typology\":\"artisanal_craft\",\"firms\":45,"
                + "\"attributes\":{\"country_iso2\":\"IN\",\"founded\":1952}",
                "{\"type\":\"Point\",\"coordinates\":[80.3,20.3]}"),
                "If-Match", tag, "Change-Comment", "re-survey%3A%20five%20new%20firms");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String tag2 = put.headers().firstValue("ETag").orElseThrow();
        assertThat(tag2).isNotEqualTo(tag).isEqualTo(etag(id));
        assertThat(json(put).path("properties").path("sector").isNull()).isTrue();

        // PATCH: a merge patch; only what it names changes, the geometry stays exactly as it was
        HttpResponse<String> patch = call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"employment\":1000,"
                + "\"attributes\":{\"founded\":null,\"website\":\"looms.example\"},\"comment\":\"count corrected\"}}",
                "If-Match", tag2);
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        JsonNode patched = json(patch);
        assertThat(patched.path("properties").path("firms").asInt()).isEqualTo(45);
        assertThat(patched.path("properties").path("employment").asInt()).isEqualTo(1000);
        assertThat(patched.path("geometry").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[80.3,20.3]}");
        assertThat(JSON.readTree(patched.path("properties").path("attributes").asText()).toString())
                .isEqualTo("{\"country_iso2\":\"IN\",\"website\":\"looms.example\"}");
        String tag3 = patch.headers().firstValue("ETag").orElseThrow();

        // the same state again makes no version
        HttpResponse<String> same = call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"firms\":45}}",
                "If-Match", tag3);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("Cluster-Version")).contains("3");

        // DELETE retires: gone from the collection, history kept, the ID never reused
        assertThat(call("DELETE", ITEMS + "/" + id, editor, null).statusCode()).as("If-Match required").isEqualTo(428);
        HttpResponse<String> retired = call("DELETE", ITEMS + "/" + id, editor, null, "If-Match", tag3,
                "Change-Comment", "cluster closed");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(204);
        HttpResponse<String> gone = get(ITEMS + "/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).path("description").asText()).contains("is retired");
        assertThat(editedClusters()).isEqualTo(edited);
        HttpResponse<String> again = call("POST", ITEMS, editor,
                feature("\"cluster_grid_id\":\"" + id + "\"", POLYGON));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("field").asText()).isEqualTo("cluster_grid_id");
        assertThat(json(again).path("description").asText()).contains("never reused");
        assertThat(call("PUT", ITEMS + "/" + id, editor, feature("", POLYGON), "If-Match", tag3).statusCode())
                .as("a retired cluster is not edited, it is restored").isEqualTo(404);

        // history: who, when, why, what changed
        JsonNode history = json(get("/api/clusters/" + id + "/history"));
        assertThat(history.path("retired").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        history.path("versions").forEach(v -> actions.add(v.path("version").asInt() + " " + v.path("action").asText()
                + " " + v.path("actor").asText().replaceAll(" \\(key .*", "") + " " + v.path("comment").asText()));
        assertThat(actions).containsExactly("1 create editor-a surveyed 2024",
                "2 replace editor-a re-survey: five new firms", "3 update editor-a count corrected",
                "4 retire editor-a cluster closed");
        JsonNode changes2 = history.path("versions").get(1).path("changes");
        assertThat(changes2.toString()).contains("{\"field\":\"firms\",\"from\":40,\"to\":45}")
                .contains("{\"field\":\"sector\",\"from\":\"Textiles\",\"to\":null}")
                .contains("\"field\":\"geometry\"").contains("\"centroid_moved_m\"");
        assertThat(history.path("versions").get(2).path("changes").toString())
                .contains("{\"field\":\"attributes.founded\",\"from\":1952,\"to\":null}")
                .doesNotContain("\"geometry\"");

        // any earlier version, whole
        JsonNode v1 = json(get("/api/clusters/" + id + "/history/1"));
        assertThat(v1.path("properties").path("sector").asText()).isEqualTo("Textiles");
        assertThat(v1.path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(v1.path("version").path("action").asText()).isEqualTo("create");
        assertThat(get("/api/clusters/" + id + "/history/9").statusCode()).isEqualTo(404);

        // restore: a viewer may not; an editor brings version 1 back as version 5
        assertThat(call("POST", "/api/clusters/" + id + "/history/1/restore", viewer, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> restored = call("POST", "/api/clusters/" + id + "/history/1/restore", editor, null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(restored.headers().firstValue("Cluster-Version")).contains("5");
        JsonNode live = json(get(ITEMS + "/" + id));
        assertThat(live.path("properties").path("sector").asText()).isEqualTo("Textiles");
        assertThat(live.path("properties").path("firms").asInt()).isEqualTo(40);
        assertThat(live.path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(etag(id)).as("the same state, the same tag").isEqualTo(tag);
        JsonNode v5 = json(get("/api/clusters/" + id + "/history/5")).path("version");
        assertThat(v5.path("action").asText()).isEqualTo("restore");
        assertThat(v5.path("comment").asText()).isEqualTo("restored version 1");
        assertThat(v5.path("changes").toString()).contains("{\"field\":\"retired\",\"from\":true,\"to\":false}");
    }

    @Test
    void lostUpdateIsRefusedAndNothingIsLost() throws Exception {
        String id = create("\"name\":\"Shared\",\"firms\":10");
        String tag = etag(id);
        HttpResponse<String> first = call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"firms\":11}}",
                "If-Match", tag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> second = call("PATCH", ITEMS + "/" + id, editor2, "{\"properties\":{\"name\":\"Mine\"}}",
                "If-Match", tag);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(412);
        assertThat(json(second).path("description").asText()).contains("has changed since");
        assertThat(call("PUT", ITEMS + "/" + id, editor2, feature("\"name\":\"Mine\"", POLYGON), "If-Match", tag)
                .statusCode()).isEqualTo(412);
        assertThat(call("DELETE", ITEMS + "/" + id, editor2, null, "If-Match", tag).statusCode()).isEqualTo(412);
        assertThat(call("PATCH", ITEMS + "/" + id, editor2, "{\"properties\":{\"name\":\"Mine\"}}",
                "If-Match", "W/" + first.headers().firstValue("ETag").orElseThrow()).statusCode())
                .as("If-Match compares strongly").isEqualTo(412);
        JsonNode now = json(get(ITEMS + "/" + id)).path("properties");
        assertThat(now.path("firms").asInt()).isEqualTo(11);
        assertThat(now.path("name").asText()).isEqualTo("Shared");
        assertThat(json(get("/api/clusters/" + id + "/history")).path("versions")).hasSize(2);
        // with the new tag the second editor's change goes in on top of the first
        HttpResponse<String> retry = call("PATCH", ITEMS + "/" + id, editor2, "{\"properties\":{\"name\":\"Mine\"}}",
                "If-Match", etag(id));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).path("properties").path("firms").asInt()).isEqualTo(11);
    }

    @Test
    void onlyEditorsWrite() throws Exception {
        String body = feature("\"name\":\"Nope\"", POLYGON);
        assertThat(call("POST", ITEMS, null, body).statusCode()).isEqualTo(401);
        assertThat(call("POST", ITEMS, viewer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", ITEMS, analyst, body).statusCode()).isEqualTo(403);
        String id = create("\"name\":\"Kept\"");
        String tag = etag(id);
        assertThat(call("PUT", ITEMS + "/" + id, viewer, body, "If-Match", tag).statusCode()).isEqualTo(403);
        assertThat(call("PATCH", ITEMS + "/" + id, viewer, "{}", "If-Match", tag).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", ITEMS + "/" + id, viewer, null, "If-Match", tag).statusCode()).isEqualTo(403);
        assertThat(json(get(ITEMS + "/" + id)).path("properties").path("name").asText()).isEqualTo("Kept");
        HttpResponse<String> roads = call("PUT", "/ogc/features/collections/roads/items/demo.r1", editor, body,
                "If-Match", "*");
        assertThat(roads.statusCode()).as("other collections are read-only").isEqualTo(405);
        assertThat(roads.headers().firstValue("Allow").orElseThrow()).contains("GET").doesNotContain("PUT");
        assertThat(call("POST", "/ogc/features/collections/nothing/items", editor, body).statusCode()).isEqualTo(404);
        // writes are audited like admin actions, refusals included
        String admin = accounts.createKey("auditor", Role.ADMIN, null).secret();
        String audit = call("GET", "/api/admin/audit?limit=50", admin, null).body();
        assertThat(audit).contains("POST /ogc/features/collections/clusters/items").contains("editor-a")
                .contains("\"status\":403");
    }

    @Test
    void importedClusterKeepsItsImportedStateAsTheFirstVersion() throws Exception {
        String id = "CG-XX-000001";
        JsonNode before = json(get(ITEMS + "/" + id));
        JsonNode history = json(get("/api/clusters/" + id + "/history"));
        assertThat(history.path("versions")).hasSize(1);
        assertThat(history.path("versions").get(0).path("action").asText()).isEqualTo("import");
        HttpResponse<String> r = call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"firms\":1}}",
                "If-Match", etag(id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode after = json(get("/api/clusters/" + id + "/history"));
        assertThat(after.path("versions")).hasSize(2);
        JsonNode v1 = json(get("/api/clusters/" + id + "/history/1"));
        assertThat(v1.path("properties").path("firms")).isEqualTo(before.path("properties").path("firms"));
        assertThat(v1.path("version").path("dataset").asText()).isEqualTo("demo");
        assertThat(after.path("versions").get(1).path("changes").toString()).contains("{\"field\":\"firms\",\"from\":"
                + before.path("properties").path("firms").asInt() + ",\"to\":1}");
    }

    @Test
    void scoresFollowAnEdit() throws Exception {
        String id = "CG-XX-000002";
        ObjectNode before = (ObjectNode) json(get("/api/scores/" + id));
        long run0 = before.path("run").path("dataVersion").asLong();
        // moved 30 km out, beyond the roads and the grid
        JsonNode item = json(get(ITEMS + "/" + id));
        HttpResponse<String> moved = call("PATCH", ITEMS + "/" + id, editor,
                "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[80.2,20.55]}}", "If-Match", etag(id));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        // scored at once, in the background, without anyone asking: the run of the edit's data version is stored
        long edited = dataVersion();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!json(get("/api/scoring/runs")).path(0).path("dataVersion").asText().equals(edited + "")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(json(get("/api/scoring/runs")).path(0).path("dataVersion").asLong()).isEqualTo(edited);
        // on the engine that was: the clusters the move cannot touch keep what was measured of them
        assertThat(scoring.engine().carriedOver()).isPositive();
        ObjectNode after = (ObjectNode) json(get("/api/scores/" + id));
        assertThat(after.path("run").path("dataVersion").asLong()).isGreaterThan(run0);
        assertThat(after.without(List.of("run")).toString()).as("the moved cluster's scores change")
                .isNotEqualTo(before.without(List.of("run")).toString());
        assertThat(item.path("geometry").path("type").asText()).isNotEqualTo("Point");
        // a new cluster is scored in the next run
        String made = create("\"name\":\"New and scored\",\"employment\":50");
        assertThat(get("/api/scores/" + made).statusCode()).isEqualTo(200);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String id = create("\"name\":\"Steady\",\"firms\":5");
        String tag = etag(id);
        long version = dataVersion();
        int clusters = json(get("/api/layers/clusters")).path("featureCount").asInt();
        String huge = "x".repeat(5_000);
        String[][] cases = {
            {"firms", feature("\"firms\":\"many\"", POLYGON)},
            {"firms", feature("\"firms\":2.5", POLYGON)},
            {"firms", feature("\"firms\":-3", POLYGON)},
            {"employment", feature("\"employment\":99999999999", POLYGON)},
            {"name", feature("\"name\":42", POLYGON)},
            {"name", feature("\"name\":\"" + huge + "\"", POLYGON)},
            {"sector", feature("\"sector\":{\"a\":1}", POLYGON)},
            {"typology", feature("\"typology\":\"bakery\"", POLYGON)},
            {"setting", feature("\"setting\":\"suburban\"", POLYGON)},
            {"markets_served", feature("\"markets_served\":\"local;galactic\"", POLYGON)},
            {"colour", feature("\"colour\":\"red\"", POLYGON)},
            {"attributes", feature("\"attributes\":[1,2]", POLYGON)},
            {"attributes", feature("\"attributes\":{\"k\":\"" + "y".repeat(120_000) + "\"}", POLYGON)},
            {"comment", feature("\"comment\":\"" + huge + "\"", POLYGON)},
            {"geometry", feature("", "null")},
            {"geometry", feature("", "{\"type\":\"LineString\",\"coordinates\":[[80,20],[81,21]]}")},
            {"geometry", feature("", "{\"type\":\"Point\",\"coordinates\":[200,20]}")},
            {"geometry", feature("", "{\"type\":\"Polygon\",\"coordinates\":\"nope\"}")},
            {"geometry", feature("", "{\"type\":\"Polygon\",\"coordinates\":[]}")},
            {"type", "{\"type\":\"FeatureCollection\",\"features\":[]}"},
            {"body", "{not json"},
            {"cluster_grid_id", feature("\"cluster_grid_id\":\"CG-XX-000001\"", POLYGON)},
            {"cluster_grid_id", feature("\"cluster_grid_id\":\"bad id!\"", POLYGON)},
            {"dataset", feature("\"dataset\":\"demo\"", POLYGON)},
        };
        for (String[] c : cases) {
            HttpResponse<String> post = call("POST", ITEMS, editor, c[1]);
            String what = "POST " + (c[1].length() > 120 ? c[1].substring(0, 120) : c[1]);
            assertThat(post.statusCode()).as(what + " -> " + post.body()).isEqualTo(400);
            assertThat(json(post).path("field").asText()).as(what).isEqualTo(c[0]);
            if (!c[0].equals("cluster_grid_id") && !c[0].equals("dataset")) {
                HttpResponse<String> put = call("PUT", ITEMS + "/" + id, editor, c[1], "If-Match", tag);
                assertThat(put.statusCode()).as("PUT " + what + " -> " + put.body()).isEqualTo(400);
                assertThat(json(put).path("field").asText()).as("PUT " + what).isEqualTo(c[0]);
            }
        }
        HttpResponse<String> renamed = call("PUT", ITEMS + "/" + id, editor,
                feature("\"cluster_grid_id\":\"CG-XX-777777\"", POLYGON), "If-Match", tag);
        assertThat(json(renamed).path("field").asText()).isEqualTo("cluster_grid_id");
        HttpResponse<String> badPatch = call("PATCH", ITEMS + "/" + id, editor,
                "{\"properties\":{\"typology\":\"bakery\"}}", "If-Match", tag);
        assertThat(badPatch.statusCode()).isEqualTo(400);
        assertThat(json(badPatch).path("field").asText()).isEqualTo("typology");
        assertThat(json(badPatch).path("description").asText()).contains("artisanal_craft");
        // the register is as it was: same tag, one version, no new data version, no new cluster
        assertThat(etag(id)).isEqualTo(tag);
        assertThat(json(get("/api/clusters/" + id + "/history")).path("versions")).hasSize(1);
        assertThat(dataVersion()).isEqualTo(version);
        assertThat(json(get("/api/layers/clusters")).path("featureCount").asInt()).isEqualTo(clusters);
    }

    @Test
    void invalidFootprintIsRepairedWithAWarning() throws Exception {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[80.0,20.0],[80.01,20.01],[80.01,20.0],"
                + "[80.0,20.01],[80.0,20.0]]]}";
        HttpResponse<String> r = call("POST", ITEMS, editor, feature("\"name\":\"Bow tie\"", bowtie));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Warning").orElseThrow()).contains("geometry: invalid geometry repaired");
        assertThat(json(r).path("geometry").path("type").asText()).isEqualTo("MultiPolygon");
    }

    @Test
    void conformanceDeclaresPart4() throws Exception {
        JsonNode conformance = json(get("/ogc/features/conformance?f=json"));
        assertThat(conformance.path("conformsTo").toString())
                .contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete")
                .contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update")
                .contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features")
                .contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags");
    }
}
