package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Identification grid over HTTP on the demo region: made and changed over OGC API – Features Part 4 with its
 * history naming each field, restored, served as JSON arrays (items, /api/clusters), JSON text (CSV) and a list
 * (HTML); its scalars are queryables a CQL2 filter selects by; bad values are 400 naming the field, nothing changed.
 */
class ClusterIdentificationHttpTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/clusters/items";
    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[80.25,20.31]}";
    static final String GRID = "\"status\":\"growing\",\"emergence_year\":1978,\"product_markets\":["
            + "{\"product\":\"brass lamps\",\"market\":\"global\",\"share\":55},"
            + "{\"product\":\"utensils\",\"market\":\"local\"}],\"informal_share\":33.5,"
            + "\"associations\":[\"Riverside Brass Guild\"],\"support_institutions\":[\"Metal Craft Design Centre\","
            + "\"State Export Agency\"],\"contact_organisation\":\"Riverside Brass Guild\","
            + "\"contact_email\":\"guild@example.org\",\"contact_url\":\"https://example.org/guild\"";

    @Autowired
    Accounts accounts;

    String editor;

    @BeforeEach
    void keys() {
        editor = accounts.createKey("editor-grid", Role.EDITOR, null).secret();
    }

    HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        return exchange(method, path, editor, method.equals("PATCH") ? "application/merge-patch+json"
                : "application/geo+json", body, headers);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = call("GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String feature(String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + POINT + ",\"properties\":{" + properties + "}}";
    }

    String create(String properties) throws Exception {
        HttpResponse<String> r = call("POST", ITEMS, feature(properties));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    String etag(String id) throws Exception {
        return call("GET", ITEMS + "/" + id, null).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void madeChangedRestoredAndServedWithItsHistoryNamingEachField() throws Exception {
        String id = create("\"name\":\"Riverside Brass\"," + GRID);
        JsonNode p = get(ITEMS + "/" + id).path("properties");
        assertThat(p.path("status").asText()).isEqualTo("growing");
        assertThat(p.path("emergence_year").asInt()).isEqualTo(1978);
        assertThat(p.path("product_markets").toString()).isEqualTo("[{\"product\":\"brass lamps\",\"market\":"
                + "\"global\",\"share\":55.0},{\"product\":\"utensils\",\"market\":\"local\"}]");
        assertThat(p.path("informal_share").asDouble()).isEqualTo(33.5);
        assertThat(p.path("support_institutions").toString())
                .isEqualTo("[\"Metal Craft Design Centre\",\"State Export Agency\"]");
        assertThat(p.path("contact_url").asText()).isEqualTo("https://example.org/guild");
        assertThat(get("/api/clusters/" + id).path("properties").path("associations").toString())
                .as("the web map's JSON").isEqualTo("[\"Riverside Brass Guild\"]");

        String tag = etag(id);
        HttpResponse<String> patched = call("PATCH", ITEMS + "/" + id, "{\"properties\":{\"status\":\"mature\","
                + "\"informal_share\":20,\"associations\":[\"Riverside Brass Guild\",\"Lamp Makers Union\"],"
                + "\"contact_email\":null}}", "If-Match", tag);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag").orElseThrow()).as("the tag covers the grid").isNotEqualTo(tag);
        JsonNode after = JSON.readTree(patched.body()).path("properties");
        assertThat(after.path("product_markets")).as("left out, kept").isEqualTo(p.path("product_markets"));
        assertThat(after.has("contact_email") && !after.path("contact_email").isNull()).isFalse();

        JsonNode v2 = get("/api/clusters/" + id + "/history/2").path("version");
        List<String> fields = new ArrayList<>();
        v2.path("changes").forEach(c -> fields.add(c.path("field").asText()));
        assertThat(fields).containsExactly("status", "informal_share", "associations", "contact_email");
        assertThat(v2.path("changes").toString()).contains("{\"field\":\"status\",\"from\":\"growing\",\"to\":"
                + "\"mature\"}").contains("{\"field\":\"associations\",\"from\":[\"Riverside Brass Guild\"],\"to\":"
                + "[\"Riverside Brass Guild\",\"Lamp Makers Union\"]}");
        List<String> created = new ArrayList<>();
        get("/api/clusters/" + id + "/history/1").path("version").path("changes")
                .forEach(c -> created.add(c.path("field").asText()));
        assertThat(created).contains("status", "emergence_year", "product_markets", "informal_share", "associations",
                "support_institutions", "contact_organisation", "contact_email", "contact_url");

        HttpResponse<String> restored = call("POST", "/api/clusters/" + id + "/history/1/restore", null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        JsonNode back = get(ITEMS + "/" + id).path("properties");
        assertThat(back.path("status").asText()).isEqualTo("growing");
        assertThat(back.path("associations").toString()).isEqualTo("[\"Riverside Brass Guild\"]");
        assertThat(back.path("contact_email").asText()).isEqualTo("guild@example.org");

        String csv = call("GET", ITEMS + "?f=csv&limit=100", null).body();
        String header = csv.lines().findFirst().orElseThrow();
        assertThat(header).contains("status,emergence_year,product_markets,informal_share,associations,"
                + "support_institutions,contact_organisation,contact_email,contact_url");
        assertThat(csv).as("lists as their JSON text, which imports back")
                .contains("\"[{\"\"product\"\":\"\"brass lamps\"\",\"\"market\"\":\"\"global\"\",\"\"share\"\":55.0}");
        String html = call("GET", ITEMS + "/" + id + "?f=html", null).body();
        assertThat(html).contains("<li>Metal Craft Design Centre</li><li>State Export Agency</li>");
    }

    @Test
    void theScalarsAreQueryablesACql2FilterSelectsBy() throws Exception {
        JsonNode q = get("/ogc/features/collections/clusters/queryables").path("properties");
        assertThat(q.path("status").path("type").asText()).isEqualTo("string");
        assertThat(q.path("emergence_year").path("type").asText()).isEqualTo("integer");
        assertThat(q.path("informal_share").path("type").asText()).isEqualTo("number");
        assertThat(q.has("contact_organisation")).isTrue();
        assertThat(q.has("product_markets") || q.has("associations")).as("lists are not queryable").isFalse();

        assertThat(names("status = 'declining'")).containsExactly("Hollowbrook Handloom");
        assertThat(names("emergence_year < 1900")).containsExactly("Hollowbrook Handloom");
        assertThat(names("informal_share >= 80")).containsExactly("Fernhill Pottery");
        assertThat(names("informal_share > 10 AND status IN ('growing', 'declining') AND emergence_year >= 1990"))
                .containsExactly("Ambervale Garment Cluster");
        assertThat(names("status IS NULL")).as("unknown is null, never a default").hasSize(9)
                .contains("Brookmoor Auto Components");
        assertThat(names("status = 'growing'")).contains("Ambervale Garment Cluster")
                .doesNotContain("Hollowbrook Handloom");
        HttpResponse<String> list = call("GET", ITEMS + "?filter=" + URLEncoder.encode("associations = 'x'",
                StandardCharsets.UTF_8), null);
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("no queryable 'associations'");
    }

    /** The names of the demo clusters (dataset demo) a CQL2 Text filter selects. */
    List<String> names(String cql) throws Exception {
        JsonNode fc = get(ITEMS + "?limit=100&filter=" + URLEncoder.encode(cql + " AND dataset = 'demo'",
                StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        fc.path("features").forEach(f -> out.add(f.path("properties").path("name").asText()));
        return out;
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String id = create("\"name\":\"Checked Brass\"," + GRID);
        String tag = etag(id);
        String[][] cases = {
            {"status", "\"status\":\"booming\""},
            {"status", "\"status\":3"},
            {"emergence_year", "\"emergence_year\":1978.5"},
            {"emergence_year", "\"emergence_year\":\"1978\""},
            {"emergence_year", "\"emergence_year\":999"},
            {"emergence_year", "\"emergence_year\":2999"},
            {"informal_share", "\"informal_share\":\"12%\""},
            {"informal_share", "\"informal_share\":100.5"},
            {"product_markets", "\"product_markets\":\"brass lamps:global\""},
            {"product_markets", "\"product_markets\":[{\"product\":\"a\",\"market\":\"global\",\"share\":70},"
                    + "{\"product\":\"b\",\"market\":\"local\",\"share\":31}]"},
            {"product_markets", "\"product_markets\":[{\"product\":\"a\",\"market\":\"mars\"}]"},
            {"product_markets", "\"product_markets\":[{\"product\":\"a\",\"market\":\"local\",\"share\":\"half\"}]"},
            {"product_markets", "\"product_markets\":[{\"product\":\"a\",\"market\":\"local\",\"colour\":\"red\"}]"},
            {"product_markets", "\"product_markets\":[{\"market\":\"local\"}]"},
            {"associations", "\"associations\":[1]"},
            {"associations", "\"associations\":\"Guild A;Guild B\""},
            {"associations", "\"associations\":[\"" + "x".repeat(1001) + "\"]"},
            {"support_institutions", "\"support_institutions\":{\"name\":\"Centre\"}"},
            {"contact_organisation", "\"contact_organisation\":\"" + "x".repeat(1001) + "\""},
            {"contact_email", "\"contact_email\":\"guild at example\""},
            {"contact_url", "\"contact_url\":\"javascript:alert(1)\""},
        };
        int versions = get("/api/clusters/" + id + "/history").path("versions").size();
        for (String[] c : cases) {
            HttpResponse<String> post = call("POST", ITEMS, feature("\"name\":\"Bad\"," + c[1]));
            assertThat(post.statusCode()).as("POST " + c[1] + ": " + post.body()).isEqualTo(400);
            assertThat(JSON.readTree(post.body()).path("field").asText()).as(post.body()).isEqualTo(c[0]);
            HttpResponse<String> patch = call("PATCH", ITEMS + "/" + id, "{\"properties\":{" + c[1] + "}}",
                    "If-Match", tag);
            assertThat(patch.statusCode()).as("PATCH " + c[1] + ": " + patch.body()).isEqualTo(400);
            assertThat(JSON.readTree(patch.body()).path("field").asText()).as(patch.body()).isEqualTo(c[0]);
        }
        assertThat(etag(id)).as("the cluster as it was").isEqualTo(tag);
        assertThat(get("/api/clusters/" + id + "/history").path("versions").size()).isEqualTo(versions);
        assertThat(names("name = 'Bad'")).isEmpty();
        JsonNode described = JSON.readTree(call("POST", ITEMS, feature("\"product_markets\":[{\"product\":\"a\","
                + "\"market\":\"global\",\"share\":70},{\"product\":\"b\",\"market\":\"local\",\"share\":31}]")).body());
        assertThat(described.path("description").asText()).contains("shares sum to 101.0%, more than 100%");
    }
}
