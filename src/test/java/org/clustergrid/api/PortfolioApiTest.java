package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.TopClusterBanks;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Portfolios over HTTP on the demo region: banks proposed at the three clusters of highest priority, a budget that
 * buys some of them; bad budgets, objectives and formats refused; analysts only.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + PortfolioApiTest.TOKEN)
class PortfolioApiTest extends ServerTest {
    static final String TOKEN = "portfolio-token";

    HttpResponse<String> post(String query, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/portfolios" + query)))
                .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBudgetBuysTheBestBranches() throws Exception {
        JsonNode scores = JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString()).body());
        String body = TopClusterBanks.geojson(scores, "branches");

        assertThat(post("?budget=200000", body).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(message(post("", body, "X-Admin-Token", TOKEN))).startsWith("budget: missing");
        assertThat(message(post("?budget=lots", body, "X-Admin-Token", TOKEN))).isEqualTo("budget: 'lots' is not a"
                + " number");
        HttpResponse<String> zero = post("?budget=0", body, "X-Admin-Token", TOKEN);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body()).path("problems").get(0).asText()).isEqualTo("budget: 0.0 is not an"
                + " amount above 0 (in USD)");
        assertThat(message(post("?budget=1&objective=jobs", body, "X-Admin-Token", TOKEN))).isEqualTo("objective:"
                + " 'jobs' is not one of priority, gap");
        assertThat(post("?budget=1&f=xml", body, "X-Admin-Token", TOKEN).statusCode()).isEqualTo(400);

        HttpResponse<String> ok = post("?budget=200000", body, "X-Admin-Token", TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(ok.body());
        assertThat(p.path("method").asText()).isEqualTo("every subset");
        assertThat(p.path("candidates").asInt()).isEqualTo(3);
        assertThat(p.path("cost").asDouble()).isLessThanOrEqualTo(200_000).isPositive();
        assertThat(p.path("gain").asDouble()).isPositive();
        assertThat(p.path("optimality_gap").asDouble()).isZero();
        assertThat(p.path("picks")).isNotEmpty();
        assertThat(p.path("curve")).hasSize(3);
        assertThat(p.path("evaluated_gain").asDouble()).isGreaterThanOrEqualTo(p.path("gain").asDouble() * 0.999999);

        HttpResponse<String> csv = post("?budget=200000&f=csv", body, "X-Admin-Token", TOKEN);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("order,id,kind,origin,cost,basis,gain,"
                + "cumulative_cost,cumulative_gain,stability");
        assertThat(csv.body().lines().count()).isEqualTo(p.path("picks").size() + 1);
        assertThat(post("?budget=200000&f=curve", body, "X-Admin-Token", TOKEN).body().lines().count()).isEqualTo(4);
    }

    private static String message(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return JSON.readTree(r.body()).path("message").asText();
    }
}
