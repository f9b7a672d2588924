package org.clustergrid.register.interventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.app.InterventionGaps;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Intervention grid over HTTP on the demo region: the run's gaps as computed rows, rows added and changed over
 * OGC API – Features Part 4 with their history, lost updates (412), refusals naming the field with nothing stored,
 * roles, the CQL2 filter and CSV.
 */
class InterventionGridHttpTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/interventions/items";

    @Autowired
    Accounts accounts;
    @Autowired
    InterventionGaps gaps;

    String editor;
    String viewer;
    String analyst;

    @BeforeEach
    void keys() {
        editor = accounts.createKey("editor-a", Role.EDITOR, null).secret();
        viewer = accounts.createKey("viewer", Role.VIEWER, null).secret();
        analyst = accounts.createKey("analyst", Role.ANALYST, null).secret();
    }

    HttpResponse<String> call(String method, String path, String key, String body, String... headers)
            throws Exception {
        return exchange(method, path, key, method.equals("PATCH") ? "application/merge-patch+json"
                : "application/geo+json", body, headers);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = call("GET", path, null, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String feature(String properties) {
        return "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{" + properties + "}}";
    }

    /** The first cluster of the run with gaps. */
    GapSource.ClusterGaps withGaps() {
        return gaps.current().clusters().stream().filter(c -> !c.gaps().isEmpty()).findFirst().orElseThrow();
    }

    String finance(String cluster) {
        return "\"cluster_grid_id\":\"" + cluster + "\",\"category\":\"finance\",\"title\":\"Working capital"
                + " credit line for the cluster's firms\",\"agency\":\"District cottage industries office\","
                + "\"budget\":250000,\"currency\":\"NPR\",\"start_date\":\"2027-01-01\",\"end_date\":\"2027-12-31\"";
    }

    int rows(String cluster) throws Exception {
        return get("/api/clusters/" + cluster + "/interventions").path("rows").size();
    }

    @Test
    void computedRowsAreTheRunsGapsWithoutBeingTypedIn() throws Exception {
        GapSource.ClusterGaps c = withGaps();
        JsonNode rows = get("/api/clusters/" + c.clusterGridId() + "/interventions").path("rows");
        List<String> indicators = new ArrayList<>();
        for (JsonNode r : rows) {
            assertThat(r.path("origin").asText()).isEqualTo("computed_gap");
            assertThat(r.path("category").asText()).isEqualTo("infrastructure");
            assertThat(r.path("status").asText()).isEqualTo("identified");
            assertThat(r.path("gap_state").asText()).isEqualTo("open");
            assertThat(r.path("version").asInt()).isZero();
            assertThat(r.path("id").asText()).isEqualTo(c.clusterGridId() + "." + r.path("gap_indicator").asText());
            indicators.add(r.path("gap_indicator").asText());
        }
        assertThat(indicators).containsExactlyElementsOf(c.gaps().stream().map(GapSource.Gap::indicator).toList());
        assertThat(rows.get(0).path("title").asText()).isEqualTo(c.gaps().get(0).intervention());
        // the item carries the cluster's point and the row's ETag
        HttpResponse<String> item = call("GET", ITEMS + "/" + rows.get(0).path("id").asText(), null, null);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.headers().firstValue("ETag")).contains(rows.get(0).path("etag").asText());
        assertThat(JSON.readTree(item.body()).path("geometry").path("type").asText()).isEqualTo("Point");
    }

    @Test
    void editorAddsAChangesAndDeletesARowWithItsHistory() throws Exception {
        String cluster = withGaps().clusterGridId();
        HttpResponse<String> made = call("POST", ITEMS, editor, feature(finance(cluster)),
                "Change-Comment", "cluster meeting");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = JSON.readTree(made.body()).path("id").asText();
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith(ITEMS + "/" + id);
        assertThat(made.headers().firstValue("Intervention-Version")).contains("1");
        String tag = made.headers().firstValue("ETag").orElseThrow();
        JsonNode p = JSON.readTree(made.body()).path("properties");
        assertThat(p.path("origin").asText()).isEqualTo("entered");
        assertThat(p.path("budget").decimalValue()).isEqualByComparingTo("250000");
        assertThat(p.path("created_by").asText()).contains("editor-a");

        HttpResponse<String> planned = call("PATCH", ITEMS + "/" + id, editor,
                "{\"properties\":{\"status\":\"planned\"}}", "If-Match", tag);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        assertThat(planned.headers().firstValue("Intervention-Version")).contains("2");
        // a second editor holding the first tag loses: 412, nothing changes
        HttpResponse<String> lost = call("PATCH", ITEMS + "/" + id, editor,
                "{\"properties\":{\"status\":\"done\"}}", "If-Match", tag);
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(412);
        assertThat(get(ITEMS + "/" + id).path("properties").path("status").asText()).isEqualTo("planned");
        assertThat(call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"status\":\"done\"}}").statusCode())
                .as("If-Match is required").isEqualTo(428);

        JsonNode history = get("/api/interventions/" + id + "/history").path("versions");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("action").asText()).isEqualTo("create");
        assertThat(history.get(0).path("comment").asText()).isEqualTo("cluster meeting");
        assertThat(history.get(1).path("changes").toString()).isEqualTo(
                "[{\"field\":\"status\",\"from\":\"identified\",\"to\":\"planned\"}]");

        String tag2 = planned.headers().firstValue("ETag").orElseThrow();
        assertThat(call("DELETE", ITEMS + "/" + id, editor, null, "If-Match", tag2).statusCode()).isEqualTo(204);
        assertThat(call("GET", ITEMS + "/" + id, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void markingAComputedRowPlannedStoresItUnderTheSameId() throws Exception {
        GapSource.ClusterGaps c = withGaps();
        int before = rows(c.clusterGridId());
        String id = c.clusterGridId() + "." + c.gaps().get(0).indicator();
        HttpResponse<String> read = call("GET", ITEMS + "/" + id, null, null);
        String tag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> planned = call("PATCH", ITEMS + "/" + id, editor,
                "{\"properties\":{\"status\":\"planned\",\"agency\":\"Nepal Electricity Authority\"}}",
                "If-Match", tag);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(planned.body());
        assertThat(p.path("id").asText()).isEqualTo(id);
        assertThat(p.path("properties").path("origin").asText()).isEqualTo("computed_gap");
        assertThat(p.path("properties").path("version").asInt()).isEqualTo(1);
        assertThat(rows(c.clusterGridId())).as("the stored row stands for the gap, not beside it").isEqualTo(before);
        JsonNode history = get("/api/interventions/" + id + "/history").path("versions");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("changes").toString()).contains("\"field\":\"status\"",
                "\"from\":\"identified\"", "\"to\":\"planned\"", "\"field\":\"agency\"");
        // the old (computed) tag no longer matches
        assertThat(call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"status\":\"done\"}}",
                "If-Match", tag).statusCode()).isEqualTo(412);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String cluster = withGaps().clusterGridId();
        int before = rows(cluster);
        String base = finance(cluster);
        String[][] cases = {
            {base.replace("\"finance\"", "\"money\""), "category"},
            {base + ",\"status\":\"finished\"", "status"},
            {base.replace("2027-01-01", "2027-13-01"), "start_date"},
            {base.replace("2027-12-31", "2026-12-31"), "end_date"},
            {base.replace("250000", "-5"), "budget"},
            {base.replace("250000", "\"a lot\""), "budget"},
            {base.replace("\"NPR\"", "\"XYZ\""), "currency"},
            {base.replace("Working capital", "x".repeat(5000)), "title"},
            {base.replace(cluster, "CG-XX-999999"), "cluster_grid_id"},
            {base + ",\"colour\":\"red\"", "colour"},
            {base + ",\"origin\":\"portfolio\"", "origin"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = call("POST", ITEMS, editor, feature(c[0]));
            assertThat(r.statusCode()).as(c[1] + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("field").asText()).as(r.body()).isEqualTo(c[1]);
        }
        assertThat(rows(cluster)).isEqualTo(before);
    }

    @Test
    void onlyEditorsChangeTheGrid() throws Exception {
        String body = feature(finance(withGaps().clusterGridId()));
        assertThat(call("POST", ITEMS, viewer, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", ITEMS, analyst, body).statusCode()).isEqualTo(403);
        assertThat(call("POST", ITEMS, null, body).statusCode()).isEqualTo(401);
        assertThat(call("PATCH", ITEMS + "/1", viewer, "{}", "If-Match", "*").statusCode()).isEqualTo(403);
        assertThat(call("DELETE", ITEMS + "/1", viewer, null, "If-Match", "*").statusCode()).isEqualTo(403);
    }

    @Test
    void filtersOpenFinanceNeedsInACountryAndServesCsv() throws Exception {
        List<GapSource.ClusterGaps> clusters = gaps.current().clusters();
        String a = clusters.get(0).clusterGridId();
        String b = clusters.get(1).clusterGridId();
        String country = a.substring(3, 5);
        String open = JSON.readTree(call("POST", ITEMS, editor, feature(finance(a))).body()).path("id").asText();
        HttpResponse<String> done = call("POST", ITEMS, editor, feature(finance(b) + ",\"status\":\"done\""));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        String filter = URLEncoder.encode("country = '" + country + "' AND category = 'finance' AND status <> 'done'",
                StandardCharsets.UTF_8);
        JsonNode found = get(ITEMS + "?filter=" + filter);
        List<String> ids = new ArrayList<>();
        found.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).contains(open).doesNotContain(JSON.readTree(done.body()).path("id").asText());
        found.path("features").forEach(f -> assertThat(f.path("properties").path("category").asText())
                .isEqualTo("finance"));
        assertThat(get(ITEMS + "?category=finance&status=done").path("features")).isNotEmpty();
        // "in this state": the same need within an area (a state's polygon; here a box around the cluster's point)
        JsonNode at = JSON.readTree(call("GET", ITEMS + "/" + open, null, null).body()).path("geometry");
        double lon = at.path("coordinates").get(0).asDouble();
        double lat = at.path("coordinates").get(1).asDouble();
        java.util.function.DoubleFunction<List<String>> within = shift -> {
            String area = String.format(java.util.Locale.ROOT, "POLYGON((%1$f %2$f,%3$f %2$f,%3$f %4$f,%1$f %4$f,"
                    + "%1$f %2$f))", lon - 0.01 + shift, lat - 0.01, lon + 0.01 + shift, lat + 0.01);
            List<String> out = new ArrayList<>();
            try {
                get(ITEMS + "?filter=" + URLEncoder.encode("S_INTERSECTS(geometry," + area + ") AND category ="
                        + " 'finance' AND status <> 'done'", StandardCharsets.UTF_8)).path("features")
                        .forEach(f -> out.add(f.path("id").asText()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return out;
        };
        assertThat(within.apply(0)).contains(open);
        assertThat(within.apply(1)).doesNotContain(open);
        assertThat(call("GET", ITEMS + "?filter=" + URLEncoder.encode("colour = 'red'", StandardCharsets.UTF_8),
                null, null).statusCode()).isEqualTo(400);

        // rows change without the data changing: no data-version validator may answer 304 for an older grid
        assertThat(call("GET", ITEMS, null, null).headers().firstValue("ETag")).isEmpty();
        assertThat(call("GET", "/api/clusters/" + a + "/interventions", null, null).headers().firstValue("ETag"))
                .isEmpty();

        HttpResponse<String> csv = call("GET", ITEMS + "?f=csv&cluster_grid_id=" + a, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,wkt,cluster_grid_id,country,category,title,status,agency,budget");
        assertThat(csv.body()).contains(open + ",POINT (", "Working capital credit line", "250000.00,NPR");
        assertThat(get("/ogc/features/collections").path("collections").toString()).contains("\"interventions\"");
        assertThat(get("/ogc/features/collections/interventions/queryables").path("properties").has("country"))
                .isTrue();
    }
}
