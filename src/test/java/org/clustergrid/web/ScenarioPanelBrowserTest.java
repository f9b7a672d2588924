package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The map's "Scenarios" panel in a real browser on the demo region: a visitor sees the list but no form; an analyst
 * places a bank with a click on the top-priority cluster and a power line with two clicks, saves both, evaluates the
 * first (the panel's figures are those of {@code /api/scenarios/{id}/evaluation}, the map shows the change, a row
 * selects its cluster), compares the two, sees each problem of a bad upload listed with nothing stored, and deletes
 * one. Once the data change, the one left is listed as stale with the reason.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + ScenarioPanelBrowserTest.TOKEN)
class ScenarioPanelBrowserTest extends ServerTest {
    static final String TOKEN = "scenario-panel-token";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    Accounts accounts;

    Browser browser;

    @Test
    void anAnalystDraftsSavesEvaluatesComparesAndDeletesScenarios() throws Exception {
        accounts.addUser("ana", Role.ANALYST, PASSWORD);
        try (Browser b = Browser.start(1366, 900)) {
            browser = b;
            // a visitor: the scenarios are listed, the form and Delete are not offered
            open("/");
            waitFor(() -> "true".equals(browser.js("return document.getElementById('scenario-list')"
                    + ".getAttribute('data-loaded');")), "scenarios listed");
            assertThat(text(By.id("scenario-list"))).contains("No scenarios yet");
            assertThat(browser.driver.findElement(By.id("scenario-new")).isDisplayed()).isFalse();

            signIn("ana");
            waitFor(() -> browser.driver.findElement(By.id("scenario-new")).isDisplayed(), "the new-scenario form");

            String top = api("/api/scores?f=json").path("clusters").get(0).path("cluster_grid_id").asText();
            String bank = saveBankAt(top);
            String line = saveLine();

            checkEvaluation(bank, top);
            checkComparison(bank, line);
            checkBadUpload();
            delete(line, "An MV line");
            assertThat(browser.errors()).as("console errors").isEmpty();
            checkStale(bank);
        }
    }

    /** Once the data change, the scenario is listed as stale, the reason in the badge's tooltip. */
    private void checkStale(String id) throws Exception {
        JsonNode datasets = api("/api/datasets");
        String last = datasets.get(datasets.size() - 1).path("id").asText();
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/datasets/"
                + last))).header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
        String reason = api("/api/scenarios").get(0).path("stale_reason").asText();
        assertThat(reason).startsWith("made on data version ");
        open("/");
        WebElement badge = browser.driver.findElement(By.cssSelector("#scenario-list li[data-id='" + id
                + "'] .badge-stale"));
        assertThat(badge.getText()).isEqualTo("stale");
        assertThat(badge.getAttribute("title")).isEqualTo(reason);
        browser.js("arguments[0].scrollIntoView({block: 'center'});", badge);
        browser.screenshot("scenario-stale");
    }

    /** A bank placed by a click at the top-priority cluster's pixel, with a cost; its id once saved. */
    private String saveBankAt(String clusterId) throws Exception {
        WebElement form = browser.driver.findElement(By.id("scenario-form"));
        form.findElement(By.name("name")).sendKeys("A branch at the top cluster");
        new Select(form.findElement(By.name("kind"))).selectByValue("finance_point");
        new Select(form.findElement(By.name("finance_type"))).selectByValue("bank");
        assertThat(form.findElement(By.name("voltage_kv")).isDisplayed()).as("no voltage for a bank").isFalse();
        form.findElement(By.name("cost")).sendKeys("150000");
        browser.driver.findElement(By.id("scenario-place")).click();
        assertThat(text(By.id("scenario-place-hint"))).startsWith("Click the map");
        WebElement cluster = browser.driver.findElement(By.cssSelector(".leaflet-clusters-pane path[data-id='"
                + clusterId + "']"));
        new Actions(browser.driver).moveToElement(cluster).click().perform();
        waitFor(() -> count(".leaflet-scenario-pane path.scenario-draft") == 1, "the bank drawn on the map");
        assertThat(browser.driver.findElement(By.id("detail")).isDisplayed()).as("placing selects no cluster")
                .isFalse();
        assertThat(texts("#scenario-draft-list li")).singleElement().asString().contains("Finance point: bank")
                .contains("cost 150,000");
        browser.screenshot("scenario-draft-bank");

        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> text(By.id("scenario-status")).contains("Saved “A branch at the top cluster”"), "saved");
        waitFor(() -> count("#scenario-list li.scenario-item") == 1, "listed");
        assertThat(count(".leaflet-scenario-pane path.scenario-draft")).as("the draft cleared").isZero();
        JsonNode listed = api("/api/scenarios").get(0);
        assertThat(listed.path("created_by").asText()).isEqualTo("ana");
        String meta = text(By.cssSelector("#scenario-list li[data-id='" + listed.path("id").asText()
                + "'] .scenario-meta"));
        assertThat(meta).startsWith("1 intervention · ana · ");
        JsonNode point = JSON.readTree(api("/api/scenarios/" + listed.path("id").asText()).path("geojson").asText())
                .path("features").get(0);
        assertThat(point.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(point.path("properties").path("cost").asDouble()).isEqualTo(150000);
        assertNearCluster(point.path("geometry").path("coordinates"), clusterId);
        return listed.path("id").asText();
    }

    /** A 33 kV line drawn by two clicks, priced by the cost profile (no cost entered); its id once saved. */
    private String saveLine() throws Exception {
        WebElement form = browser.driver.findElement(By.id("scenario-form"));
        form.findElement(By.name("name")).sendKeys("An MV line");
        new Select(form.findElement(By.name("kind"))).selectByValue("new_power_line");
        assertThat(form.findElement(By.name("voltage_kv")).getAttribute("value")).isEqualTo("33");
        browser.driver.findElement(By.id("scenario-place")).click();
        WebElement map = browser.driver.findElement(By.id("map"));
        new Actions(browser.driver).moveToElement(map, -120, -60).click().perform();
        waitFor(() -> text(By.id("scenario-place-hint")).contains("where the line ends"), "asked for the end");
        new Actions(browser.driver).moveToElement(map, 140, 70).click().perform();
        waitFor(() -> count("#scenario-draft-list li") == 1, "the line drafted");
        assertThat(text(By.cssSelector("#scenario-draft-list li"))).contains("Power line: 33 kV (MV)")
                .contains("cost from the profile");
        assertThat(String.valueOf(browser.js("return document.querySelector('.leaflet-scenario-pane path"
                + ".scenario-draft').getAttribute('stroke-dasharray');"))).as("planned lines dashed").isEqualTo("8 6");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> count("#scenario-list li.scenario-item") == 2, "two listed");
        JsonNode newest = api("/api/scenarios").get(0);
        assertThat(newest.path("name").asText()).isEqualTo("An MV line");
        return newest.path("id").asText();
    }

    private void checkEvaluation(String id, String top) throws Exception {
        clickIn(id, "button[data-evaluate]");
        waitFor(() -> count("#scenario-view dd[data-key='total_cost']") == 1, "the evaluation shown");
        JsonNode e = api("/api/scenarios/" + id + "/evaluation");
        JsonNode s = e.path("summary");
        assertThat(text(By.id("scenario-view-title"))).isEqualTo("A branch at the top cluster");
        assertThat(figure("total_cost")).isEqualTo(number(s.path("total_cost").asDouble(), 0) + " "
                + e.path("currency").asText());
        assertThat(s.path("total_cost").asDouble()).isEqualTo(150000);
        assertThat(figure("clusters_changed")).isEqualTo(s.path("clusters_changed").asText());
        assertThat(figure("priority_gain")).isEqualTo(number(s.path("priority_gain").asDouble(), 1));
        assertThat(value("priority_gain")).isEqualTo(s.path("priority_gain").asDouble());
        assertThat(s.path("priority_gain").asDouble()).isPositive();
        assertThat(figure("lifted_to_target")).isEqualTo(s.path("lifted_to_target").asText());
        assertThat(text(By.cssSelector("#scenario-interventions tbody tr"))).contains("entered");

        // the changed clusters, the largest fall of priority first: the top cluster's among them
        List<String> expected = new ArrayList<>();
        List<JsonNode> changed = new ArrayList<>();
        e.path("clusters").forEach(c -> {
            if (c.path("changed").asBoolean()) {
                changed.add(c);
            }
        });
        changed.sort((a, c) -> fall(a) == fall(c) ? a.path("cluster_grid_id").asText()
                .compareTo(c.path("cluster_grid_id").asText()) : Double.compare(fall(c), fall(a)));
        changed.forEach(c -> expected.add(c.path("cluster_grid_id").asText()));
        assertThat(expected).contains(top);
        assertThat(attrs("#scenario-changes tbody tr", "data-id")).isEqualTo(expected);

        // the map's change view: the top cluster in a green of a gap that fell; back to the score's colours
        assertThat(text(By.id("legend"))).contains("fall of the gap");
        String fill = clusterFill(top);
        assertThat(fill).isIn("#c7e9c0", "#74c476", "#31a354", "#006d2c");
        browser.screenshot("scenario-evaluation");
        browser.driver.findElement(By.cssSelector("#legend [data-action='normal-view']")).click();
        waitFor(() -> !text(By.id("legend")).contains("fall of the gap"), "the normal view");
        assertThat(browser.driver.findElement(By.id("scenario-change-toggle")).getAttribute("aria-pressed"))
                .isEqualTo("false");
        browser.driver.findElement(By.id("scenario-change-toggle")).click();
        waitFor(() -> text(By.id("legend")).contains("fall of the gap"), "the change view again");

        // the CSV link is the evaluation's CSV
        String csv = browser.driver.findElement(By.id("scenario-csv")).getAttribute("href");
        assertThat(csv).endsWith("/api/scenarios/" + id + "/evaluation?f=csv");
        HttpResponse<String> got = send(csv, HttpResponse.BodyHandlers.ofString());
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(got.body().lines().count()).isEqualTo(e.path("clusters").size() + 1);

        // a row selects its cluster, as the ranking does; back from the cluster, the scenario is still shown
        browser.driver.findElement(By.cssSelector("#scenario-changes tbody tr[data-id='" + top + "']")).click();
        waitFor(() -> top.equals(browser.js("return document.getElementById('detail').getAttribute('data-id');")),
                "the panel of " + top);
        browser.driver.findElement(By.id("detail-close")).click();
        waitFor(() -> browser.driver.findElement(By.id("scenario-view")).isDisplayed(), "the scenario again");
    }

    private void checkComparison(String first, String second) throws Exception {
        clickIn(first, "input[data-compare]");
        clickIn(second, "input[data-compare]");
        WebElement compare = browser.driver.findElement(By.id("scenario-compare"));
        assertThat(compare.getText()).isEqualTo("Compare 2 scenarios");
        compare.click();
        waitFor(() -> count("#scenario-compare-table tbody tr") == 5, "the comparison");
        List<String> columns = attrs("#scenario-compare-table thead th[data-scenario]", "data-scenario");
        assertThat(columns).containsExactlyInAnyOrder(first, second);
        for (int i = 0; i < columns.size(); i++) {
            JsonNode s = api("/api/scenarios/" + columns.get(i) + "/evaluation").path("summary");
            for (String key : List.of("total_cost", "priority_gain", "clusters_changed", "lifted_to_target")) {
                Object shown = browser.js("return document.querySelectorAll('#scenario-compare-table"
                        + " tr[data-figure=\"" + key + "\"] td')[" + i + "].getAttribute('data-value');");
                assertThat(Double.parseDouble(String.valueOf(shown))).as(key).isEqualTo(s.path(key).asDouble());
            }
        }
        JsonNode line = api("/api/scenarios/" + second + "/evaluation");
        assertThat(line.path("interventions").get(0).path("basis").asText()).contains("mv_line_km");
        browser.screenshot("scenario-comparison");
    }

    /** A file with two bad interventions: each problem listed, nothing stored, nothing else changed. */
    private void checkBadUpload() throws Exception {
        Path file = Files.createTempFile("bad-scenario", ".geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"name\":\"Broken\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[80.3,20.3]},"
                + "\"properties\":{\"kind\":\"finance_point\",\"finance_type\":\"bank\",\"cost\":-5}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[80.31,20.31]},"
                + "\"properties\":{\"kind\":\"teleporter\"}}]}");
        List<String> before = browser.errors();
        assertThat(before).isEmpty();
        WebElement form = browser.driver.findElement(By.id("scenario-form"));
        form.findElement(By.name("upload")).sendKeys(file.toAbsolutePath().toString());
        waitFor(() -> count("#scenario-draft-list li") == 2, "the file's interventions drafted");
        assertThat(browser.driver.findElement(By.name("name")).getAttribute("value")).isEqualTo("Broken");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> count("#scenario-status .scenario-problems li") == 2, "two problems listed");
        List<String> problems = texts("#scenario-status .scenario-problems li");
        assertThat(problems.get(0)).startsWith("features[0].properties.cost: -5 is not a cost");
        assertThat(problems.get(1)).startsWith("features[1].properties.kind: unknown kind 'teleporter'");
        assertThat(count("#scenario-draft-list li.has-problem")).isEqualTo(2);
        assertThat(count("#scenario-list li.scenario-item")).isEqualTo(2);
        assertThat(api("/api/scenarios").size()).as("nothing stored").isEqualTo(2);
        // the browser logs the refused request itself, and nothing else
        assertThat(browser.errors()).allSatisfy(err -> assertThat(err).contains("400"));
        browser.screenshot("scenario-refused");
        browser.driver.findElement(By.id("scenario-clear")).click();
        Files.delete(file);
    }

    private void delete(String id, String name) throws Exception {
        clickIn(id, "button[data-delete]");
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.alertIsPresent());
        assertThat(browser.driver.switchTo().alert().getText()).contains(name);
        browser.driver.switchTo().alert().accept();
        waitFor(() -> count("#scenario-list li.scenario-item") == 1, "one left");
        assertThat(api("/api/scenarios").size()).isEqualTo(1);
        assertThat(send("/api/scenarios/" + id, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    /** The point clicked lies on the cluster: within a few pixels of its point, or in its polygon's bounds. */
    private void assertNearCluster(JsonNode lonLat, String clusterId) throws Exception {
        double lon = lonLat.get(0).asDouble();
        double lat = lonLat.get(1).asDouble();
        JsonNode geometry = null;
        for (JsonNode f : api("/api/scores").path("features")) {
            if (f.path("properties").path("cluster_grid_id").asText().equals(clusterId)) {
                geometry = f.path("geometry");
            }
        }
        assertThat(geometry).as(clusterId + " on the map").isNotNull();
        if (geometry.path("type").asText().equals("Point")) {
            double dLat = Math.toRadians(lat - geometry.path("coordinates").get(1).asDouble());
            double dLon = Math.toRadians(lon - geometry.path("coordinates").get(0).asDouble())
                    * Math.cos(Math.toRadians(lat));
            // the view fits the whole region (about 150 m a pixel): the click is at the circle's centre pixel
            assertThat(6_371_000 * Math.hypot(dLat, dLon)).as("metres from the cluster").isLessThan(500);
        } else {
            double[] box = {180, 90, -180, -90};
            collect(geometry.path("coordinates"), box);
            assertThat(lon).isBetween(box[0], box[2]);
            assertThat(lat).isBetween(box[1], box[3]);
        }
    }

    private static void collect(JsonNode coordinates, double[] box) {
        if (coordinates.isArray() && coordinates.size() >= 2 && coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
        } else {
            coordinates.forEach(c -> collect(c, box));
        }
    }

    private void signIn(String user) {
        browser.signIn(url("/login.html"), user, PASSWORD, "analyst");
    }

    private void open(String path) {
        browser.open(url(path));
    }

    private void clickIn(String scenarioId, String css) {
        browser.driver.findElement(By.cssSelector("#scenario-list li[data-id='" + scenarioId + "'] " + css)).click();
    }

    private String figure(String key) {
        return text(By.cssSelector("#scenario-view dd[data-key='" + key + "']"));
    }

    private double value(String key) {
        return Double.parseDouble(browser.driver.findElement(By.cssSelector("#scenario-view dd[data-key='" + key
                + "']")).getAttribute("data-value"));
    }

    private String clusterFill(String id) {
        return String.valueOf(browser.js("return document.querySelector('.leaflet-clusters-pane path[data-id=\""
                + id + "\"]').getAttribute('fill');"));
    }

    private static double fall(JsonNode row) {
        return row.path("priority_before").isNumber() && row.path("priority_after").isNumber()
                ? row.path("priority_before").asDouble() - row.path("priority_after").asDouble()
                : Double.NEGATIVE_INFINITY;
    }

    /** A number as the page writes it (toLocaleString('en'), at most so many decimals, half away from zero). */
    private static String number(double v, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText();
    }

    private List<String> texts(String css) {
        List<String> out = new ArrayList<>();
        browser.driver.findElements(By.cssSelector(css)).forEach(e -> out.add(e.getText()));
        return out;
    }

    private List<String> attrs(String css, String attribute) {
        List<String> out = new ArrayList<>();
        browser.driver.findElements(By.cssSelector(css)).forEach(e -> out.add(e.getAttribute(attribute)));
        return out;
    }

    private int count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    private void waitFor(BooleanSupplier condition, String what) {
        browser.waitFor(condition, what);
    }
}
