package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.TopClusterBanks;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The portfolio report over HTTP on the demo region, from the inputs of {@code POST /api/portfolios} (banks at the
 * three clusters of highest priority): the same picks as that API, in CSV to the digit; the changed clusters adding
 * up to its joint evaluation; the PDF on both papers; candidates from a stored scenario; every refusal names its
 * field; analysts only.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + PortfolioReportApiTest.TOKEN)
class PortfolioReportApiTest extends ServerTest {
    static final String TOKEN = "portfolio-report-token";

    <T> HttpResponse<T> post(String path, String body, HttpResponse.BodyHandler<T> handler, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), handler);
    }

    HttpResponse<String> text(String path, String body) throws Exception {
        return post(path, body, HttpResponse.BodyHandlers.ofString(), "X-Admin-Token", TOKEN);
    }

    @Test
    void theReportIsThePortfolioTheApiChooses() throws Exception {
        JsonNode scores = JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString()).body());
        String banks = TopClusterBanks.geojson(scores, "branches");
        String query = "?budget=200000&objective=priority";

        assertThat(post("/api/reports/portfolios" + query, banks, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("anonymous").isEqualTo(401);

        HttpResponse<String> api = text("/api/portfolios" + query + "&f=csv", banks);
        HttpResponse<String> csv = text("/api/reports/portfolios" + query + "&f=csv", banks);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo(api.body());
        assertThat(csv.body().lines().count()).isGreaterThan(1);

        JsonNode p = JSON.readTree(text("/api/portfolios" + query, banks).body());
        HttpResponse<String> clusters = text("/api/reports/portfolios" + query + "&f=clusters-csv", banks);
        assertThat(clusters.statusCode()).as(clusters.body()).isEqualTo(200);
        List<String> rows = clusters.body().lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        int fall = header.indexOf("priority_fall");
        double sum = 0;
        for (String row : rows.subList(1, rows.size())) {
            String cell = row.split(",", -1)[fall];
            sum += cell.isEmpty() ? 0 : Double.parseDouble(cell);
        }
        assertThat(rows.size()).isGreaterThan(1);
        double gain = p.path("evaluated_gain").asDouble();
        assertThat(gain).isPositive();
        assertThat(sum).isCloseTo(gain, within(1e-6 * Math.max(1, gain)));

        HttpResponse<byte[]> pdf = post("/api/reports/portfolios" + query + "&f=pdf", banks,
                HttpResponse.BodyHandlers.ofByteArray(), "X-Admin-Token", TOKEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        PdfText a4 = new PdfText(pdf.body());
        String squashed = a4.text.replaceAll("\\s+", "");
        for (JsonNode pick : p.path("picks")) {
            assertThat(a4.text).contains(pick.path("id").asText());
            assertThat(squashed).contains(String.format(Locale.ROOT, "%,.0f", pick.path("cost").asDouble()));
        }
        assertThat(squashed).contains(("TOTAL COST " + Plain.money(p.path("cost").asDouble(), "USD"))
                .replaceAll("\\s+", "")).contains(Plain.decimal(p.path("gain").asDouble(), 2));
        assertThat(a4.text).contains("Scoring run ").contains("Methodology and provenance");
        assertThat(a4.sizes.get(0)[0]).isCloseTo(595.28f, within(0.5f));
        HttpResponse<byte[]> letter = post("/api/reports/portfolios" + query + "&f=pdf&paper=letter", banks,
                HttpResponse.BodyHandlers.ofByteArray(), "X-Admin-Token", TOKEN);
        assertThat(new PdfText(letter.body()).sizes.get(0)[0]).isCloseTo(612f, within(0.5f));

        HttpResponse<String> html = text("/api/reports/portfolios" + query, banks);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("Investment portfolio").contains("<svg").contains(
                p.path("picks").get(0).path("id").asText());
    }

    @Test
    void candidatesComeFromAStoredScenario() throws Exception {
        JsonNode scores = JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString()).body());
        String banks = TopClusterBanks.geojson(scores, "Branches");
        HttpResponse<String> made = text("/api/scenarios", banks);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = JSON.readTree(made.body()).path("id").asText();
        HttpResponse<String> byScenario = post("/api/reports/portfolios?budget=200000&f=csv&scenario=" + id, "",
                HttpResponse.BodyHandlers.ofString(), "X-Admin-Token", TOKEN);
        assertThat(byScenario.statusCode()).as(byScenario.body()).isEqualTo(200);
        assertThat(byScenario.body()).isEqualTo(text("/api/portfolios?budget=200000&f=csv", banks).body());
        HttpResponse<String> html = post("/api/reports/portfolios?budget=200000&scenario=" + id, "",
                HttpResponse.BodyHandlers.ofString(), "X-Admin-Token", TOKEN);
        assertThat(html.body()).contains("interventions of scenario &#39;Branches&#39;");

        HttpResponse<String> unknown = text("/api/reports/portfolios?budget=200000&scenario=no-such", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("message").asText()).startsWith("scenario: no stored scenario"
                + " with id 'no-such'");
        assertThat(message(text("/api/reports/portfolios?budget=200000&scenario=" + id, banks)))
                .startsWith("scenario: give the candidates either as the body");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        JsonNode scores = JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString()).body());
        String banks = TopClusterBanks.geojson(scores, "branches");
        String path = "/api/reports/portfolios";
        HttpResponse<String> zero = text(path + "?budget=0&f=pdf", banks);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(zero.body()).path("problems").get(0).asText()).isEqualTo("budget: 0.0 is not an"
                + " amount above 0 (in USD)");
        assertThat(message(text(path, banks))).startsWith("budget: missing");
        assertThat(message(text(path + "?budget=lots", banks))).isEqualTo("budget: 'lots' is not a number");
        assertThat(message(text(path + "?budget=1000&f=docx", banks))).isEqualTo("f must be html, pdf, csv,"
                + " clusters-csv, not 'docx'");
        assertThat(message(text(path + "?budget=1000&f=pdf&paper=a3", banks))).isEqualTo("paper must be a4 or"
                + " letter, not 'a3'");
        assertThat(message(text(path + "?budget=1000&objective=jobs", banks))).isEqualTo("objective: 'jobs' is not"
                + " one of priority, gap");
        assertThat(message(text(path + "?budget=1000", ""))).startsWith("the body is empty and no scenario is named");
        HttpResponse<String> broken = text(path + "?budget=1000", "{\"type\": \"FeatureCollection\", \"features\":"
                + " [{\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"kind\": \"tunnel\"}}]}");
        assertThat(broken.statusCode()).isEqualTo(400);
    }

    private static String message(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return JSON.readTree(r.body()).path("message").asText();
    }
}
