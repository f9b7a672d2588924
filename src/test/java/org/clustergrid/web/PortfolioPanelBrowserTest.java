package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.TopClusterBanks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The "Portfolio" panel in a real browser on the demo region: a visitor does not see it; an analyst weighs a stored
 * scenario's three banks as candidates under a budget set with the slider, and reads the same picks as {@code POST
 * /api/portfolios} gives, the curve drawn, what the curve reaches as the slider moves, and the report of the picks
 * in a new tab; the analyst has no way to accept the picks, an editor accepts them into the Intervention grid.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + PortfolioPanelBrowserTest.TOKEN)
class PortfolioPanelBrowserTest extends ServerTest {
    static final String TOKEN = "portfolio-panel-token";
    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    Accounts accounts;

    @Test
    void anAnalystChoosesWhatABudgetBuys() throws Exception {
        accounts.addUser("ana", Role.ANALYST, PASSWORD);
        accounts.addUser("eda", Role.EDITOR, PASSWORD);
        String banks = banksAtTheTopClusters();
        HttpResponse<String> stored = post("/api/scenarios", banks);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        String scenario = JSON.readTree(stored.body()).path("id").asText();
        JsonNode expected = JSON.readTree(post("/api/portfolios?budget=200000&generate=false", banks).body());

        try (Browser b = Browser.start(1366, 900)) {
            b.open(url("/"));
            b.waitFor(() -> "true".equals(b.js("return document.getElementById('scenario-list')"
                    + ".getAttribute('data-loaded');")), "scenarios listed");
            assertThat(b.driver.findElement(By.id("portfolio")).isDisplayed()).as("visitor").isFalse();

            b.signIn(url("/login.html"), "ana", PASSWORD, "analyst");
            b.waitFor(() -> b.driver.findElement(By.id("portfolio")).isDisplayed(), "the portfolio panel");
            b.waitFor(() -> !b.driver.findElements(By.cssSelector("#portfolio-candidates option[value='" + scenario
                    + "']")).isEmpty(), "the scenario offered as candidates");
            choose(b, scenario);
            assertThat(b.driver.findElement(By.id("portfolio-budget-value")).getText()).isEqualTo("200,000 USD");
            assertThat(b.driver.findElements(By.id("portfolio-accept"))).as("an analyst cannot accept").isEmpty();

            List<String> picks = new ArrayList<>();
            b.driver.findElements(By.cssSelector("#portfolio-picks tbody tr td:first-child"))
                    .forEach(e -> picks.add(e.getText()));
            List<String> want = new ArrayList<>();
            expected.path("picks").forEach(p -> want.add(p.path("id").asText()));
            assertThat(picks).isNotEmpty().isEqualTo(want);
            assertThat(b.driver.findElement(By.id("portfolio-summary")).getText())
                    .contains(want.size() + " of 3 candidates").contains("every subset, optimal");
            assertThat(b.driver.findElements(By.cssSelector("#portfolio-curve polyline"))).hasSize(1);

            // the slider moves along the curve: what the cheapest step buys
            JsonNode first = expected.path("curve").get(0);
            double budget = Math.ceil(first.path("cumulative_cost").asDouble() / 10_000) * 10_000;
            slide(b, budget);
            assertThat(b.driver.findElement(By.id("portfolio-at-budget")).getText()).contains(String.format(
                    Locale.ROOT, "%,.0f USD buys a gain of ", budget));
            b.js("document.getElementById('portfolio').scrollIntoView();");
            b.screenshot("portfolio-panel");
            assertThat(b.errors()).as("console errors").isEmpty();

            // "Report": the report of the picks shown, in a new tab
            String panel = b.driver.getWindowHandle();
            b.driver.findElement(By.id("portfolio-report")).click();
            b.waitFor(() -> b.driver.getWindowHandles().size() == 2, "the report's tab");
            String tab = b.driver.getWindowHandles().stream().filter(h -> !h.equals(panel)).findFirst().orElseThrow();
            b.driver.switchTo().window(tab);
            b.waitFor(() -> b.driver.getTitle().startsWith("Investment portfolio"), "the report");
            String report = b.driver.findElement(By.tagName("body")).getText();
            assertThat(report).contains(want.size() + (want.size() == 1 ? " project for " : " projects for ")
                    + String.format(Locale.ROOT, "%,.0f USD of a 200,000 USD budget", expected.path("cost").asDouble()));
            want.forEach(id -> assertThat(report).contains(id));
            b.screenshot("portfolio-report");
            b.driver.close();
            b.driver.switchTo().window(panel);
            assertThat(b.driver.findElement(By.id("portfolio-report-status")).getText()).isEmpty();

            // an editor accepts the picks: a row per project and cluster it helps, in the Intervention grid
            b.signIn(url("/login.html"), "eda", PASSWORD, "editor");
            b.waitFor(() -> !b.driver.findElements(By.cssSelector("#portfolio-candidates option[value='" + scenario
                    + "']")).isEmpty(), "the scenario offered to the editor");
            choose(b, scenario);
            b.driver.findElement(By.id("portfolio-accept")).click();
            b.waitFor(() -> !b.driver.findElements(By.id("portfolio-accepted")).isEmpty(), "the rows accepted");
            assertThat(b.driver.findElement(By.id("portfolio-accepted")).getText()).contains("written to the"
                    + " Intervention grid");
            List<String> written = new ArrayList<>();
            b.driver.findElements(By.cssSelector("#portfolio-accepted-rows code")).forEach(e -> written.add(e.getText()));
            assertThat(written).isNotEmpty().allMatch(id -> id.contains(".portfolio.bank-"));
            JsonNode rows = JSON.readTree(send("/ogc/features/collections/interventions/items?limit=1000&origin="
                    + "portfolio", HttpResponse.BodyHandlers.ofString()).body());
            List<String> inGrid = new ArrayList<>();
            rows.path("features").forEach(f -> inGrid.add(f.path("id").asText()));
            assertThat(inGrid).containsAll(written);
            assertThat(b.errors()).as("console errors").isEmpty();
        }
    }

    /** Chooses the projects the scenario's candidates alone give for 200,000. */
    private static void choose(Browser b, String scenario) {
        new Select(b.driver.findElement(By.id("portfolio-candidates"))).selectByValue(scenario);
        if (b.driver.findElement(By.id("portfolio-generate")).isSelected()) {
            b.driver.findElement(By.id("portfolio-generate")).click(); // only the scenario's candidates
        }
        slide(b, 200_000);
        b.driver.findElement(By.id("portfolio-run")).click();
        b.waitFor(() -> !b.driver.findElements(By.id("portfolio-summary")).isEmpty(), "the portfolio");
    }

    /** Sets the budget slider as a drag does: its value, then an input event. */
    private static void slide(Browser b, double value) {
        b.js("var s = document.getElementById('portfolio-budget'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input'));", String.valueOf((long) value));
    }

    private String banksAtTheTopClusters() throws Exception {
        return TopClusterBanks.geojson(JSON.readTree(send("/api/scores", HttpResponse.BodyHandlers.ofString())
                .body()), "Three branches");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/geo+json")
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
