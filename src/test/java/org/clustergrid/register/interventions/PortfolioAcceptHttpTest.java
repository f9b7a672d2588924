package org.clustergrid.register.interventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.TopClusterBanks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accepting a portfolio's projects over HTTP on the demo region (banks at the three clusters of highest priority):
 * rows of origin portfolio, one per project and cluster it helps, each with its first version, found by the CQL2
 * filter; a second acceptance writes nothing; only editors accept; bad input is refused naming the field, with
 * nothing written.
 */
class PortfolioAcceptHttpTest extends ServerTest {
    static final String ACCEPT = "/api/portfolios/accept";
    static final String ITEMS = InterventionGridHttpTest.ITEMS;

    @Autowired
    Accounts accounts;

    String editor;
    String viewer;
    String analyst;
    String banks;

    @BeforeEach
    void setUp() throws Exception {
        editor = accounts.createKey("editor-p", Role.EDITOR, null).secret();
        viewer = accounts.createKey("viewer-p", Role.VIEWER, null).secret();
        analyst = accounts.createKey("analyst-p", Role.ANALYST, null).secret();
        banks = TopClusterBanks.geojson(JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString())
                .body()), "branches");
    }

    HttpResponse<String> accept(String query, String key, String body, String... headers) throws Exception {
        return exchange("POST", ACCEPT + query, key, "application/geo+json", body, headers);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = exchange("GET", path, null, null, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The ids of the portfolio rows, by the CQL2 filter on origin. */
    List<String> portfolioRows() throws Exception {
        JsonNode found = get(ITEMS + "?limit=10000&filter=" + URLEncoder.encode("origin = 'portfolio'",
                StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        found.path("features").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    @Test
    void acceptingWritesARowPerProjectAndClusterOnce() throws Exception {
        HttpResponse<String> first = accept("?budget=200000", editor, banks, "Change-Comment", "investment committee");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(first.body());
        assertThat(a.path("picks")).isNotEmpty();
        List<String> all = new ArrayList<>();
        a.path("written").forEach(w -> all.add(w.path("id").asText()));
        a.path("skipped").forEach(s -> all.add(s.path("id").asText()));
        assertThat(all).isNotEmpty().doesNotHaveDuplicates();
        Map<String, String> budgetOfProject = new HashMap<>();
        for (JsonNode w : a.path("written")) {
            String id = w.path("id").asText();
            assertThat(id).isEqualTo(w.path("clusterGridId").asText() + ".portfolio." + w.path("project").asText());
            assertThat(w.path("project").asText()).matches("bank-[123]~[0-9a-f]{8}");
            HttpResponse<String> item = exchange("GET", ITEMS + "/" + id, null, null, null);
            assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
            assertThat(item.headers().firstValue("ETag")).contains(w.path("etag").asText());
            JsonNode p = JSON.readTree(item.body()).path("properties");
            assertThat(p.path("origin").asText()).isEqualTo("portfolio");
            assertThat(p.path("category").asText()).isEqualTo("infrastructure");
            assertThat(p.path("status").asText()).isEqualTo("planned");
            assertThat(p.path("currency").asText()).isEqualTo("USD");
            assertThat(p.path("project").asText()).isEqualTo(w.path("project").asText());
            assertThat(p.path("title").asText()).startsWith("New bank");
            assertThat(p.path("notes").asText()).containsPattern("Cost [0-9]+,000\\.00 USD \\(entered\\)")
                    .contains("Expected priority gain at this cluster");
            assertThat(p.path("version").asInt()).isEqualTo(1);
            assertThat(p.path("created_by").asText()).contains("editor-p");
            String budget = budgetOfProject.putIfAbsent(p.path("project").asText(), p.path("budget").asText());
            assertThat(budget == null || budget.equals(p.path("budget").asText()))
                    .as("a project's rows repeat its whole budget").isTrue();
            JsonNode history = get("/api/interventions/" + id + "/history").path("versions");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).path("action").asText()).isEqualTo("create");
            assertThat(history.get(0).path("comment").asText()).isEqualTo("investment committee");
            assertThat(history.get(0).path("changes").toString()).contains("\"field\":\"project\"");
        }
        assertThat(portfolioRows()).containsAll(all);
        int before = portfolioRows().size();

        // the same portfolio again: every row is there already, none is written twice
        HttpResponse<String> again = accept("?budget=200000", editor, banks);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode b = JSON.readTree(again.body());
        assertThat(b.path("written")).isEmpty();
        List<String> skipped = new ArrayList<>();
        b.path("skipped").forEach(s -> {
            skipped.add(s.path("id").asText());
            assertThat(s.path("reason").asText()).startsWith("accepted before");
        });
        assertThat(skipped).containsExactlyInAnyOrderElementsOf(all);
        assertThat(portfolioRows()).hasSize(before);

        // one pick named: only its rows
        String pick = a.path("picks").get(0).asText();
        JsonNode one = JSON.readTree(accept("?budget=200000&picks=" + pick, editor, banks).body());
        assertThat(one.path("picks").toString()).isEqualTo("[\"" + pick + "\"]");
        one.path("skipped").forEach(s -> assertThat(s.path("project").asText()).startsWith(pick + "~"));
    }

    @Test
    void onlyEditorsAcceptAndARefusalWritesNothing() throws Exception {
        int before = portfolioRows().size();
        assertThat(accept("?budget=200000", viewer, banks).statusCode()).isEqualTo(403);
        assertThat(accept("?budget=200000", analyst, banks).statusCode()).isEqualTo(403);
        assertThat(accept("?budget=200000", null, banks).statusCode()).isEqualTo(401);
        assertThat(portfolioRows()).hasSize(before);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        int before = portfolioRows().size();
        String[][] cases = {
            {"?budget=0", banks, "budget"},
            {"?budget=-5", banks, "budget"},
            {"", banks, "budget"},
            {"?budget=lots", banks, "budget"},
            {"?budget=200000&objective=jobs", banks, "objective"},
            {"?budget=200000&generate=maybe", banks, "generate"},
            {"?budget=200000", "", "body"},
            {"?budget=200000&picks=no-such-pick", banks, "picks"},
            {"?budget=200000&picks=", banks, "picks"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = accept(c[0], editor, c[1]);
            assertThat(r.statusCode()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("field").asText()).as(r.body()).isEqualTo(c[2]);
        }
        assertThat(portfolioRows()).hasSize(before);
    }
}
