package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proposals over HTTP on the demo region: a viewer proposes, an editor accepts (the cluster changes, its history has
 * the editor's version naming the proposal) or rejects with a note (the proposer reads it, the cluster stays); a stale
 * proposal, a second decision and a viewer's decision are refused and change nothing; bad proposals are refused
 * naming the field and are not stored; a viewer cannot read another's proposal.
 */
class ProposalsHttpTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/clusters/items";
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[80.20,20.20],[80.21,20.20],[80.21,20.21],"
            + "[80.20,20.21],[80.20,20.20]]]}";

    @Autowired
    Accounts accounts;

    String editor;
    String viewer;
    String viewer2;
    String admin;

    @BeforeEach
    void keys() {
        editor = accounts.createKey("proposals-editor", Role.EDITOR, null).secret();
        viewer = accounts.createKey("proposals-viewer", Role.VIEWER, null).secret();
        viewer2 = accounts.createKey("proposals-viewer-2", Role.VIEWER, null).secret();
        admin = accounts.createKey("proposals-admin", Role.ADMIN, null).secret();
    }

    HttpResponse<String> call(String method, String path, String key, String body, String... headers)
            throws Exception {
        return exchange(method, path, key, method.equals("PATCH") ? "application/merge-patch+json" : "application/json", body,
                headers);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String feature(String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + POLYGON + ",\"properties\":{" + properties + "}}";
    }

    /** A cluster of the editor's own, so that each case starts from a state it knows. */
    String cluster(String name) throws Exception {
        HttpResponse<String> r = call("POST", ITEMS, editor, feature("\"name\":\"" + name + "\",\"sector\":\"Textiles\","
                + "\"firms\":40,\"employment\":900"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).path("id").asText();
    }

    JsonNode item(String id) throws Exception {
        HttpResponse<String> r = call("GET", ITEMS + "/" + id, viewer, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    String etag(String id) throws Exception {
        return call("GET", ITEMS + "/" + id, viewer, null).headers().firstValue("ETag").orElseThrow();
    }

    JsonNode history(String id) throws Exception {
        HttpResponse<String> r = call("GET", "/api/clusters/" + id + "/history", viewer, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    HttpResponse<String> propose(String key, String body) throws Exception {
        return call("POST", "/api/proposals", key, body);
    }

    long proposeUpdate(String key, String id, String patch, String comment) throws Exception {
        HttpResponse<String> r = propose(key, "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\",\"body\":" + patch
                + ",\"etag\":" + JSON.writeValueAsString(etag(id)) + ",\"comment\":\"" + comment + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode p = json(r);
        assertThat(p.path("status").asText()).isEqualTo("pending");
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/api/proposals/" + p.path("id").asLong());
        return p.path("id").asLong();
    }

    int proposalCount() throws Exception {
        return json(call("GET", "/api/proposals", editor, null)).path("numberReturned").asInt();
    }

    @Test
    void viewerProposesAndEditorAccepts() throws Exception {
        String id = cluster("Riverside Looms");
        long p = proposeUpdate(viewer, id, "{\"properties\":{\"firms\":45,\"sector\":\"Handloom textiles\"}}",
                "five new units since the survey");
        assertThat(item(id).path("properties").path("firms").asInt()).as("a proposal changes nothing yet")
                .isEqualTo(40);
        JsonNode mine = json(call("GET", "/api/proposals?status=pending", viewer, null));
        assertThat(mine.path("proposals").findValuesAsText("id")).contains(String.valueOf(p));

        HttpResponse<String> byViewer = call("POST", "/api/proposals/" + p + "/accept", viewer, "{\"note\":\"ok\"}");
        assertThat(byViewer.statusCode()).as("only editors decide").isEqualTo(403);
        HttpResponse<String> byViewer2 = call("POST", "/api/proposals/" + p + "/reject", viewer2, "{\"note\":\"no\"}");
        assertThat(byViewer2.statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = call("POST", "/api/proposals/" + p + "/accept", editor,
                "{\"note\":\"checked against the 2024 survey\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode a = json(accepted);
        assertThat(a.path("status").asText()).isEqualTo("accepted");
        assertThat(a.path("decidedBy").asText()).contains("proposals-editor");
        assertThat(a.path("result").path("clusterGridId").asText()).isEqualTo(id);
        assertThat(a.path("result").path("version").asInt()).isEqualTo(2);

        JsonNode now = item(id).path("properties");
        assertThat(now.path("firms").asInt()).isEqualTo(45);
        assertThat(now.path("sector").asText()).isEqualTo("Handloom textiles");
        assertThat(now.path("employment").asInt()).as("the rest stays").isEqualTo(900);
        JsonNode v2 = history(id).path("versions").get(1);
        assertThat(v2.path("action").asText()).isEqualTo("update");
        assertThat(v2.path("actor").asText()).contains("proposals-editor");
        assertThat(v2.path("comment").asText()).startsWith("proposal " + p + " by proposals-viewer")
                .contains("five new units since the survey").contains("checked against the 2024 survey");

        // the proposer sees the outcome
        JsonNode seen = json(call("GET", "/api/proposals/" + p, viewer, null));
        assertThat(seen.path("status").asText()).isEqualTo("accepted");
        assertThat(seen.path("note").asText()).isEqualTo("checked against the 2024 survey");

        // decided once
        String tag = etag(id);
        HttpResponse<String> again = call("POST", "/api/proposals/" + p + "/reject", editor, "{\"note\":\"oops\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again).path("description").asText()).contains("cannot be decided again");
        HttpResponse<String> twice = call("POST", "/api/proposals/" + p + "/accept", editor, null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(etag(id)).isEqualTo(tag);
        assertThat(history(id).path("latest").asInt()).isEqualTo(2);
        assertThat(json(call("GET", "/api/proposals/" + p, viewer, null)).path("status").asText())
                .isEqualTo("accepted");

        // the audit log has the decision, like any write
        JsonNode audit = json(call("GET", "/api/admin/audit?limit=50", admin, null));
        assertThat(audit.toString()).contains("POST /api/proposals/" + p + "/accept");
    }

    @Test
    void rejectedWithANoteTheProposerReads() throws Exception {
        String id = cluster("Hill Potters");
        String tag = etag(id);
        long p = proposeUpdate(viewer, id, "{\"properties\":{\"name\":\"Hill Pottery Works\"}}", "renamed in 2023");
        HttpResponse<String> noNote = call("POST", "/api/proposals/" + p + "/reject", editor, "{}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(json(noNote).path("field").asText()).isEqualTo("note");
        // a client revalidating what it read must not be told "not modified" after a decision (which changes no data)
        HttpResponse<String> read = call("GET", "/api/proposals/" + p, viewer, null);
        assertThat(read.headers().firstValue("ETag")).isEmpty();
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as("not shared with other origins")
                .isEmpty();
        HttpResponse<String> r = call("POST", "/api/proposals/" + p + "/reject", editor,
                "{\"note\":\"the registry still lists the old name\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode seen = json(call("GET", "/api/proposals/" + p, viewer, null));
        assertThat(seen.path("status").asText()).isEqualTo("rejected");
        assertThat(seen.path("note").asText()).isEqualTo("the registry still lists the old name");
        assertThat(seen.has("result")).isFalse();
        assertThat(etag(id)).as("a rejection changes nothing").isEqualTo(tag);
        assertThat(item(id).path("properties").path("name").asText()).isEqualTo("Hill Potters");
        assertThat(json(call("GET", "/api/proposals?status=rejected", viewer, null)).path("proposals")
                .findValuesAsText("id")).contains(String.valueOf(p));
        assertThat(json(call("GET", "/api/proposals?status=pending", viewer, null)).path("proposals")
                .findValuesAsText("id")).doesNotContain(String.valueOf(p));
    }

    @Test
    void staleProposalIsRefusedAndNothingChanges() throws Exception {
        String id = cluster("Lake Weavers");
        long p = proposeUpdate(viewer, id, "{\"properties\":{\"firms\":50}}", "more firms");
        HttpResponse<String> edit = call("PATCH", ITEMS + "/" + id, editor, "{\"properties\":{\"employment\":950}}",
                "If-Match", etag(id));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        String tag = etag(id);
        HttpResponse<String> r = call("POST", "/api/proposals/" + p + "/accept", editor, "{\"note\":\"fine\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(json(r).path("description").asText()).contains("has changed since proposal " + p);
        assertThat(etag(id)).isEqualTo(tag);
        assertThat(item(id).path("properties").path("firms").asInt()).isEqualTo(40);
        assertThat(history(id).path("latest").asInt()).isEqualTo(2);
        assertThat(json(call("GET", "/api/proposals/" + p, viewer, null)).path("status").asText())
                .as("still pending: the editor may reject it, or re-propose").isEqualTo("pending");

        // a proposal against a tag the cluster no longer has is refused when it is made
        HttpResponse<String> late = propose(viewer, "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\","
                + "\"body\":{\"properties\":{\"firms\":51}},\"etag\":" + JSON.writeValueAsString("\"0123\"") + "}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    }

    @Test
    void createAndRetireProposals() throws Exception {
        HttpResponse<String> made = propose(viewer, "{\"kind\":\"create\",\"body\":" + feature("\"name\":\"New Kilns\","
                + "\"typology\":\"artisanal_craft\",\"firms\":12") + ",\"comment\":\"seen on a field visit\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long p = json(made).path("id").asLong();
        JsonNode a = json(call("POST", "/api/proposals/" + p + "/accept", editor, null));
        String id = a.path("result").path("clusterGridId").asText();
        assertThat(a.path("result").path("version").asInt()).isEqualTo(1);
        assertThat(item(id).path("properties").path("name").asText()).isEqualTo("New Kilns");
        assertThat(history(id).path("versions").get(0).path("comment").asText())
                .isEqualTo("proposal " + p + " by " + json(made).path("proposer").asText() + ": seen on a field visit");

        HttpResponse<String> retire = propose(viewer2, "{\"kind\":\"retire\",\"clusterGridId\":\"" + id + "\","
                + "\"comment\":\"closed in 2025\"}");
        assertThat(retire.statusCode()).as(retire.body()).isEqualTo(201);
        long q = json(retire).path("id").asLong();
        assertThat(json(call("POST", "/api/proposals/" + q + "/accept", editor, null)).path("status").asText())
                .isEqualTo("accepted");
        assertThat(call("GET", ITEMS + "/" + id, viewer, null).statusCode()).isEqualTo(404);
        assertThat(history(id).path("retired").asBoolean()).isTrue();
    }

    @Test
    void badProposalsAreRefusedNamingTheFieldAndNotStored() throws Exception {
        String id = cluster("Valley Smiths");
        int before = proposalCount();
        String[][] cases = {
            {"typology", "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\","
                    + "\"body\":{\"properties\":{\"typology\":\"spaceport\"}}}"},
            {"geometry", "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\",\"body\":{\"geometry\":"
                    + "{\"type\":\"Polygon\",\"coordinates\":[[[80.2,20.2],[80.2,20.2]]]}}}"},
            {"firms", "{\"kind\":\"create\",\"body\":" + feature("\"firms\":\"many\"") + "}"},
            {"status", "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\","
                    + "\"body\":{\"properties\":{\"status\":\"booming\"}}}"},
            {"product_markets", "{\"kind\":\"create\",\"body\":" + feature("\"product_markets\":[{\"product\":"
                    + "\"a\",\"market\":\"local\",\"share\":60},{\"product\":\"b\",\"market\":\"local\","
                    + "\"share\":60}]") + "}"},
            {"kind", "{\"kind\":\"merge\",\"clusterGridId\":\"" + id + "\"}"},
            {"clusterGridId", "{\"kind\":\"update\",\"body\":{\"properties\":{\"firms\":1}}}"},
            {"body", "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\"}"},
            {"cluster_grid_id", "{\"kind\":\"update\",\"clusterGridId\":\"" + id + "\","
                    + "\"body\":{\"properties\":{\"cluster_grid_id\":\"CG-XX-000001\"}}}"},
            {"colour", "{\"kind\":\"retire\",\"clusterGridId\":\"" + id + "\",\"colour\":\"red\"}"},
            {"body", "not json"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = propose(viewer, c[1]);
            assertThat(r.statusCode()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).path("field").asText()).as(r.body()).isEqualTo(c[0]);
        }
        HttpResponse<String> unknown = propose(viewer, "{\"kind\":\"update\",\"clusterGridId\":\"CG-XX-999999\","
                + "\"body\":{\"properties\":{\"firms\":1}}}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(proposalCount()).as("nothing stored").isEqualTo(before);
        assertThat(call("POST", "/api/proposals", null, "{\"kind\":\"retire\",\"clusterGridId\":\"" + id + "\"}")
                .statusCode()).as("anonymous").isEqualTo(401);
        assertThat(call("GET", "/api/proposals", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsOnlyTheirOwn() throws Exception {
        String id = cluster("Delta Tanners");
        long p = proposeUpdate(viewer, id, "{\"properties\":{\"employment\":1200}}", "new census");
        HttpResponse<String> other = call("GET", "/api/proposals/" + p, viewer2, null);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        HttpResponse<String> own = call("GET", "/api/proposals/" + p, viewer, null);
        assertThat(own.headers().firstValue("Cache-Control").orElse("")).as("no shared cache keeps someone's own")
                .contains("private").contains("no-store");
        assertThat(call("GET", "/api/proposals", viewer, null).headers().firstValue("Cache-Control").orElse(""))
                .contains("private").contains("no-store");
        assertThat(json(call("GET", "/api/proposals", viewer2, null)).path("proposals").findValuesAsText("id"))
                .doesNotContain(String.valueOf(p));
        assertThat(json(call("GET", "/api/proposals?status=pending", editor, null)).path("proposals")
                .findValuesAsText("id")).as("editors see all").contains(String.valueOf(p));
        assertThat(call("GET", "/api/proposals?status=maybe", viewer, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/proposals/x1", viewer, null).statusCode()).isEqualTo(404);
    }
}
