package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The planner's web map in a real headless Chromium against the running server with the synthetic demo region:
 * it loads without console errors, every layer toggles and draws, a clicked cluster shows the API's numbers, a
 * weight slider re-ranks exactly as {@code /api/scores} does, and a shared URL restores the view. Screenshots go to
 * {@code target/screenshots/}; the load time to drawn clusters to {@code target/screenshots/load-time.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMapBrowserTest extends ServerTest {
    static final String[] DIMENSIONS = {"roads", "power", "finance", "markets"};
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, String> TYPOLOGY_LABELS = Map.of("high_tech_knowledge", "High-tech / knowledge",
            "dynamic_export", "Dynamic export", "low_tech_domestic", "Low-tech domestic",
            "artisanal_craft", "Artisanal / craft", "service_based", "Service-based");

    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = Browser.start(1366, 768);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void desktopWindow() {
        browser.driver.manage().window().setSize(new Dimension(1366, 768));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void loadsWithoutConsoleErrorsAndDrawsTheClustersQuickly() throws Exception {
        JsonNode scores = api("/api/scores?f=json").path("clusters");
        open("/");
        assertThat(browser.errors()).as("console errors").isEmpty();
        assertThat(count(".leaflet-clusters-pane path")).as("cluster shapes on the map").isEqualTo(scores.size());
        assertThat(rowIds()).as("ranking rows, by rank").isEqualTo(ids(scores));
        assertThat(browser.driver.findElement(By.id("synthetic-banner")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("own-layers")).isDisplayed()).as("no layers of your own").isFalse();
        assertThat(text(By.cssSelector(".leaflet-control-attribution"))).contains("Synthetic");
        assertThat(text(By.cssSelector(".leaflet-control-scale"))).matches("(?s).*\\d+ (m|km).*");
        // the legend's classes are the colours drawn: every cluster's fill is one of the legend's swatches
        List<String> legendColours = strings(browser.js("return Array.from(document.querySelectorAll("
                + "'#legend .legend-row .swatch')).map(function (s) { return getComputedStyle(s).backgroundColor; });"));
        List<String> drawn = strings(browser.js("return Array.from(document.querySelectorAll("
                + "'.leaflet-clusters-pane path')).map(function (p) { return p.getAttribute('fill'); });"));
        assertThat(legendColours).hasSize(5);
        assertThat(drawn).allSatisfy(fill -> assertThat(legendColours).contains(rgb(fill)));
        browser.screenshot("01-load-1366x768");

        // load time: navigation start to the clusters drawn, cold (above) and then warm, median of three
        double cold = clustersDrawnMs();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open("/");
            warm.add(clustersDrawnMs());
        }
        warm.sort(Double::compare);
        String report = String.format(java.util.Locale.ROOT,
                "page load to clusters drawn (performance.now() at draw, ms since navigation start): first %.0f ms,"
                        + " warm median %.0f ms (%s)%n", cold, warm.get(1), warm);
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("load-time.txt"), report);
        System.out.print(report);
        // the target is 2 s; the bound is looser so a busy CI machine does not fail on timing alone
        assertThat(warm.get(1)).as("warm load to drawn clusters, ms").isLessThan(5000);
    }

    @Test
    void everyLayerTogglesAndDraws() throws Exception {
        open("/#layers=clusters,roads,power,finance,markets");
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode l : api("/api/layers")) {
            counts.put(l.path("id").asText(), l.path("count").asInt());
        }
        for (String layer : List.of("power", "finance", "markets", "clusters")) {
            String paths = ".leaflet-" + layer + "-pane path";
            waitFor(() -> count(paths) == counts.get(layer), layer + " drawn");
            toggle(layer);
            waitFor(() -> count(paths) == 0, layer + " switched off");
            assertThat(hash()).doesNotContain(layer + ",").doesNotEndWith(layer);
            toggle(layer);
            waitFor(() -> count(paths) == counts.get(layer), layer + " switched on again");
        }
        // roads come as one WMS image of the view: loaded, the size of the map, and gone when switched off
        String image = ".leaflet-roads-pane img.wms-image";
        waitFor(() -> wmsImageLoaded(image), "roads WMS image loaded");
        assertThat(browser.js("return document.querySelector(arguments[0]).src;", image).toString())
                .contains("/ogc/wms?SERVICE=WMS").contains("LAYERS=roads").contains("CRS=EPSG:3857");
        toggle("roads");
        waitFor(() -> count(image) == 0, "roads switched off");
        toggle("roads");
        waitFor(() -> wmsImageLoaded(image), "roads switched on again");
        assertThat(browser.errors()).isEmpty();
        browser.screenshot("02-all-layers");
    }

    @Test
    void theGapSurfaceIsAWmsOverlayOffUnlessAskedFor() throws Exception {
        open("/");
        assertThat(browser.driver.findElement(By.id("layer-toggle-gap_surface")).isSelected()).isFalse();
        String image = ".leaflet-gap_surface-pane img.wms-image";
        assertThat(count(image)).isZero();
        toggle("gap_surface");
        waitFor(() -> wmsImageLoaded(image), "gap surface WMS image loaded");
        assertThat(browser.js("return document.querySelector(arguments[0]).src;", image).toString())
                .contains("LAYERS=gap_surface").contains("CRS=EPSG:3857").contains("TRANSPARENT=TRUE");
        assertThat(hash()).contains("gap_surface");
        assertThat(count("#legend img[src*='LAYER=gap_surface']")).isEqualTo(1);
        browser.screenshot("03-gap-surface");
        toggle("gap_surface");
        waitFor(() -> count(image) == 0, "gap surface switched off");
        // a shared link with the surface on draws it at once
        open("/#layers=clusters,gap_surface");
        waitFor(() -> wmsImageLoaded(image), "gap surface restored from the link");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void clickingAClusterOpensItsPanelWithTheApiNumbers() throws Exception {
        open("/");
        String id = api("/api/scores?f=json").path("clusters").get(0).path("cluster_grid_id").asText();
        browser.driver.findElement(By.cssSelector(".leaflet-clusters-pane path[data-id='" + id + "']")).click();
        waitFor(() -> id.equals(browser.js("return document.getElementById('detail').getAttribute('data-id');")),
                "the panel of " + id);

        JsonNode s = api("/api/scores/" + id);
        JsonNode reg = api("/api/clusters/" + id).path("properties");
        assertThat(text(By.id("detail-title"))).isEqualTo(s.path("name").asText());
        assertThat(text(By.id("detail-id"))).isEqualTo(id);
        assertThat(text(By.id("detail-rank"))).isEqualTo(s.path("rank").asText());
        assertNumber(By.id("detail-composite"), s.path("composite").asDouble(), 1);
        assertNumber(By.id("detail-gap"), s.path("gap").asDouble(), 1);
        assertNumber(By.id("detail-priority"), s.path("priority").asDouble(), 0);
        assertNumber(By.id("detail-stability"), s.path("stability").asDouble(), 2);
        String facts = text(By.cssSelector("#detail .facts"));
        assertThat(facts).contains(reg.path("sector").asText()).contains(TYPOLOGY_LABELS.get(reg.path("typology").asText()));
        for (String m : reg.path("markets_served").asText().split(";")) {
            assertThat(facts).contains(m);
        }

        int evidenceLines = 0;
        for (String dim : DIMENSIONS) {
            JsonNode d = s.path("dimensions").path(dim);
            WebElement section = browser.driver.findElement(By.cssSelector("#detail section[data-dim='" + dim + "']"));
            assertNumber(section.findElement(By.className("dim-score")), d.path("score").asDouble(), 1);
            assertNumber(section.findElement(By.className("dim-target")), d.path("target").asDouble(), 0);
            assertNumber(section.findElement(By.className("dim-gap")), d.path("gap").asDouble(), 1);
            List<WebElement> rows = section.findElements(By.cssSelector("tr[data-indicator]"));
            assertThat(rows).hasSize(d.path("indicators").size());
            java.util.Set<String> lines = new java.util.HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode ind = d.path("indicators").get(i);
                WebElement row = rows.get(i);
                assertThat(row.getAttribute("data-indicator")).isEqualTo(ind.path("id").asText());
                WebElement value = row.findElement(By.className("ind-value"));
                assertThat(value.getAttribute("data-unit")).isEqualTo(ind.path("unit").asText());
                if (!ind.path("value").isNull()) {
                    assertThat(Double.parseDouble(value.getAttribute("data-raw"))).isEqualTo(ind.path("value").asDouble());
                    assertThat(value.getText()).isEqualTo(expectedValue(ind));
                }
                if (!ind.path("score").isNull()) {
                    assertNumber(row.findElement(By.className("ind-score")), ind.path("score").asDouble(), 1);
                }
                JsonNode ev = ind.path("evidence");
                if (ev.isObject()) {
                    String rowText = row.getText();
                    if (!ev.path("name").isNull()) {
                        assertThat(rowText).contains(ev.path("name").asText());
                    }
                    if (!ev.path("metres").isNull()) {
                        assertThat(rowText).contains(distance(ev.path("metres").asDouble()));
                    }
                    if (!ev.path("seconds").isNull()) {
                        assertThat(rowText).contains(duration(ev.path("seconds").asDouble()));
                    }
                    JsonNode line = ev.path("line");
                    if (line.isArray() && !line.get(0).equals(line.get(1))) {
                        lines.add(line.toString());
                    }
                }
            }
            evidenceLines += lines.size();
        }
        // one dashed line per distinct evidence line, each with its distance / time label
        assertThat(count(".leaflet-evidence-pane path[stroke-dasharray]")).isEqualTo(evidenceLines);
        assertThat(count(".leaflet-tooltip.evidence-label")).isEqualTo(evidenceLines);
        assertThat(browser.errors()).isEmpty();
        Thread.sleep(800); // let the zoom to the cluster finish before the picture
        browser.screenshot("03-cluster-panel");
    }

    @Test
    void aWeightSliderReranksExactlyAsTheApi() throws Exception {
        open("/");
        List<String> before = rowIds();
        JsonNode defaults = api("/api/scores?f=json").path("clusters");
        Map<String, Integer> baseline = new HashMap<>();
        defaults.forEach(c -> baseline.put(c.path("cluster_grid_id").asText(), c.path("rank").asInt()));

        // the first dimension whose full weight changes the order (on the demo region, roads already does)
        String dim = null;
        JsonNode expected = null;
        for (String d : DIMENSIONS) {
            JsonNode c = api("/api/scores?f=json&" + weightsQuery(d)).path("clusters");
            if (!ids(c).equals(before)) {
                dim = d;
                expected = c;
                break;
            }
        }
        assertThat(dim).as("a weight that changes the ranking").isNotNull();

        WebElement slider = browser.driver.findElement(By.id("weight-" + dim));
        slider.sendKeys(Keys.END); // keyboard: the slider's maximum, 100
        List<String> want = ids(expected);
        waitFor(() -> rowIds().equals(want) && browser.js("return document.body.getAttribute('data-rescoring');") == null,
                "the ranking under " + weightsQuery(dim));
        assertThat(slider.getAttribute("value")).isEqualTo("100");
        assertThat(hash()).contains("w=" + String.join(",", Arrays.stream(DIMENSIONS)
                .map(d -> d.equals(slider.getAttribute("data-dim")) ? "100" : "25").toList()));

        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#ranking-table tbody tr[data-id]"));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode c = expected.get(i);
            WebElement row = rows.get(i);
            assertThat(row.findElement(By.className("rank")).getText()).isEqualTo(c.path("rank").asText());
            assertThat(row.findElement(By.className("stability")).getText())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", c.path("stability").asDouble()));
            int change = baseline.get(c.path("cluster_grid_id").asText()) - c.path("rank").asInt();
            String arrow = row.findElement(By.className("change")).getText();
            assertThat(arrow).isEqualTo(change > 0 ? "▲" + change : change < 0 ? "▼" + (-change) : "–");
        }
        browser.screenshot("04-reweighted");

        browser.driver.findElement(By.id("weights-reset")).click();
        waitFor(() -> rowIds().equals(before), "the ranking back at the profile's weights");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void thePanelShowsTheIdentificationGridAndSaysNotKnownForWhatIsMissing() throws Exception {
        // demo-02 (the garment cluster) has all of it, demo-03 none
        open("/#sel=CG-XX-000002");
        waitFor(() -> "CG-XX-000002".equals(browser.js("return document.getElementById('detail')"
                + ".getAttribute('data-id');")) && count("#detail-identification") == 1, "the garment cluster's grid");
        assertThat(text(By.cssSelector("#detail-identification [data-field='status']")))
                .isEqualTo("growing; emerged in 1994");
        assertThat(text(By.cssSelector("#detail-identification [data-field='product-markets']")))
                .contains("knitwear (global, 45% of output)").contains("denim (regional)");
        assertThat(text(By.cssSelector("#detail-identification [data-field='informal-share']")))
                .isEqualTo("12.5% of enterprises");
        assertThat(text(By.cssSelector("#detail-identification [data-field='support-institutions']")))
                .isEqualTo("Ambervale Apparel Testing Centre; Demo Valley Skills Institute; District Industries Centre");
        assertThat(browser.driver.findElement(By.cssSelector("#detail-identification [data-field='contact'] a[href^="
                + "'https://']")).getText()).isEqualTo("https://garments.example.org/cluster");

        open("/#sel=CG-XX-000003");
        waitFor(() -> "CG-XX-000003".equals(browser.js("return document.getElementById('detail')"
                + ".getAttribute('data-id');")) && count("#detail-identification") == 1, "an unknown grid");
        for (WebElement dd : browser.driver.findElements(By.cssSelector("#detail-identification dd"))) {
            assertThat(dd.getText()).as(dd.getAttribute("data-field")).isEqualTo("not known");
        }
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aSharedUrlRestoresTheView() throws Exception {
        String id = "CG-XX-000003";
        open("/#map=12/20.30000/80.30000&score=priority&w=25,75,25,25&layers=clusters,power"
                + "&sel=" + id + "&typology=dynamic_export");
        waitFor(() -> id.equals(browser.js("return document.getElementById('detail').getAttribute('data-id');")),
                "the shared selection");
        assertThat(hash()).startsWith("map=12/20.30000/80.30000");
        assertThat(value(By.id("score-select"))).isEqualTo("priority");
        assertThat(value(By.id("weight-power"))).isEqualTo("75");
        assertThat(value(By.id("weight-roads"))).isEqualTo("25");
        assertThat(value(By.id("filter-typology"))).isEqualTo("dynamic_export");
        assertThat(browser.driver.findElement(By.id("layer-toggle-power")).isSelected()).isTrue();
        assertThat(browser.driver.findElement(By.id("layer-toggle-roads")).isSelected()).isFalse();
        assertThat(browser.driver.findElement(By.id("layer-toggle-finance")).isSelected()).isFalse();
        assertThat(count(".leaflet-finance-pane path")).isZero();
        assertThat(count(".leaflet-roads-pane img")).isZero();
        assertThat(count(".leaflet-power-pane path")).isPositive();
        assertThat(text(By.cssSelector("#legend .legend-title"))).contains("Priority");
        browser.screenshot("05-shared-url");

        // the ranking behind the panel is the re-weighted one, filtered to the typology
        browser.driver.findElement(By.id("detail-close")).click();
        JsonNode expected = api("/api/scores?f=json&roads=0.25&power=0.75&finance=0.25&markets=0.25").path("clusters");
        List<String> dynamic = new ArrayList<>();
        for (JsonNode c : expected) {
            String t = api("/api/clusters/" + c.path("cluster_grid_id").asText()).path("properties").path("typology")
                    .asText();
            if (t.equals("dynamic_export")) {
                dynamic.add(c.path("cluster_grid_id").asText());
            }
        }
        waitFor(() -> rowIds().equals(dynamic), "filtered, re-weighted ranking");

        // round trip: what the page writes into its URL brings the same state back
        browser.driver.findElement(By.id("score-select")).sendKeys("Markets gap");
        waitFor(() -> hash().contains("score=markets_gap"), "score in the URL");
        String url = browser.driver.getCurrentUrl();
        open(url.substring(url.indexOf('/', "http://".length())));
        assertThat(value(By.id("score-select"))).isEqualTo("markets_gap");
        assertThat(value(By.id("weight-power"))).isEqualTo("75");
        assertThat(rowIds()).isEqualTo(dynamic);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void keyboardSearchAndTabletLayout() throws Exception {
        open("/");
        // Enter on a row selects its cluster; Escape goes back to the ranking
        WebElement row = browser.driver.findElement(By.cssSelector("#ranking-table tbody tr[data-id]"));
        String id = row.getAttribute("data-id");
        row.sendKeys(Keys.ENTER);
        waitFor(() -> id.equals(browser.js("return document.getElementById('detail').getAttribute('data-id');")),
                "panel by keyboard");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor(() -> !browser.driver.findElement(By.id("detail")).isDisplayed(), "panel closed by Escape");

        // sortable by a column: priority, largest first
        browser.driver.findElement(By.cssSelector("button.sort[data-key='priority']")).sendKeys(Keys.ENTER);
        List<Double> priorities = new ArrayList<>();
        for (WebElement td : browser.driver.findElements(By.cssSelector("#ranking-table tbody td.priority"))) {
            priorities.add(Double.parseDouble(td.getText().replace(",", "")));
        }
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // search by part of a name
        JsonNode last = api("/api/scores?f=json").path("clusters");
        JsonNode target = last.get(last.size() - 1);
        WebElement search = browser.driver.findElement(By.id("search"));
        search.sendKeys(target.path("name").asText().split(" ")[0].toLowerCase(), Keys.ENTER);
        waitFor(() -> browser.js("return document.getElementById('detail').getAttribute('data-id');") != null,
                "search result");

        // a tablet: map, controls and ranking stacked, nothing wider than the window
        browser.driver.manage().window().setSize(new Dimension(800, 1100));
        open("/");
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow, px").isLessThanOrEqualTo(0);
        browser.screenshot("06-tablet-800x1100");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aFailedRequestSaysSoAndTheRestStillWorks() throws Exception {
        // the browser refuses the scores, as a server error or a dropped connection would
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/scores*")));
        try {
            open("/");
            assertThat(text(By.id("messages"))).contains("could not be scored");
            assertThat(text(By.id("ranking-status"))).isNotEmpty();
            assertThat(count(".leaflet-power-pane path")).as("the other layers still draw").isPositive();
            browser.screenshot("07-request-failed");
            // the console check the other tests rely on does see errors the page logs
            browser.js("console.error('probe from the test');");
            assertThat(browser.errors()).anySatisfy(e -> assertThat(e).contains("probe from the test"));
        } finally {
            browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            browser.errors(); // drained: whatever was logged here belongs to this test only
        }
    }

    @Test
    void downloadsTheClustersInViewAndOffersTheGisUrls() throws Exception {
        Path downloads = Files.createDirectories(Path.of("target", "downloads", "web-map")).toAbsolutePath();
        try (var old = Files.list(downloads)) {
            old.forEach(f -> f.toFile().delete());
        }
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        // the whole region in view: the CSV is the server's, rows for every cluster
        open("/");
        browser.driver.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("clusters-in-view.csv");
        waitFor(() -> Files.exists(csv), "the CSV download");
        String expected = get("/api/scores?f=csv&roads=0.25&power=0.25&finance=0.25&markets=0.25");
        waitFor(() -> read(csv).equals(expected), "the CSV equal to /api/scores?f=csv");

        // zoomed in on one cluster: only what is in view
        JsonNode first = api("/api/scores?f=geojson").path("features").get(0);
        JsonNode point = first.path("geometry");
        double lon;
        double lat;
        if (point.path("type").asText().equals("Point")) {
            lon = point.path("coordinates").get(0).asDouble();
            lat = point.path("coordinates").get(1).asDouble();
        } else {
            lon = point.path("coordinates").get(0).get(0).get(0).asDouble();
            lat = point.path("coordinates").get(0).get(0).get(1).asDouble();
        }
        open(String.format(java.util.Locale.ROOT, "/#map=16/%.5f/%.5f", lat, lon));
        browser.driver.findElement(By.id("download-geojson")).click();
        Path geojson = downloads.resolve("clusters-in-view.geojson");
        waitFor(() -> Files.exists(geojson) && !read(geojson).isEmpty(), "the GeoJSON download");
        JsonNode fc = JSON.readTree(read(geojson));
        List<String> inView = new ArrayList<>();
        fc.path("features").forEach(f -> inView.add(f.path("properties").path("cluster_grid_id").asText()));
        assertThat(inView).containsExactly(
                first.path("properties").path("cluster_grid_id").asText());

        assertThat(value(By.id("wms-url"))).isEqualTo("http://localhost:" + port
                + "/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertThat(value(By.id("oapif-url"))).isEqualTo("http://localhost:" + port + "/ogc/features");
        assertThat(get("/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")).contains("WMS_Capabilities");
        assertThat(browser.errors()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    void open(String path) {
        // a fresh document each time, also when only the hash differs
        browser.driver.get("about:blank");
        browser.driver.get(url(path));
        waitFor(() -> "true".equals(browser.js("return document.body && document.body.getAttribute('data-ready');")),
                "page ready");
    }

    double clustersDrawnMs() {
        return ((Number) browser.js("return window.clusterGridMetrics.clustersDrawnMs;")).doubleValue();
    }

    void toggle(String layer) {
        browser.driver.findElement(By.id("layer-toggle-" + layer)).click();
    }

    boolean wmsImageLoaded(String css) {
        return Boolean.TRUE.equals(browser.js("var i = document.querySelector(arguments[0]);"
                + " return !!i && i.complete && i.naturalWidth > 0;", css));
    }

    String hash() {
        return String.valueOf(browser.js("return window.location.hash.replace(/^#/, '');"));
    }

    int count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    String text(By by) {
        return browser.driver.findElement(by).getText();
    }

    String value(By by) {
        return browser.driver.findElement(by).getAttribute("value");
    }

    List<String> rowIds() {
        return strings(browser.js("return Array.from(document.querySelectorAll('#ranking-table tbody tr[data-id]'))"
                + ".map(function (r) { return r.getAttribute('data-id'); });"));
    }

    static List<String> strings(Object jsList) {
        List<String> out = new ArrayList<>();
        ((List<?>) jsList).forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

    static List<String> ids(JsonNode clusters) {
        List<String> out = new ArrayList<>();
        clusters.forEach(c -> out.add(c.path("cluster_grid_id").asText()));
        return out;
    }

    static String weightsQuery(String full) {
        return String.join("&", Arrays.stream(DIMENSIONS).map(d -> d + "=" + (d.equals(full) ? "1" : "0.25")).toList());
    }

    /** "#fd8d3c" as the "rgb(253, 141, 60)" computed styles report. */
    static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 255) + ", " + (v & 255) + ")";
    }

    /** A shown number is the API's, to the decimals shown. */
    void assertNumber(By by, double expected, int decimals) {
        assertNumber(browser.driver.findElement(by), expected, decimals);
    }

    static void assertNumber(WebElement e, double expected, int decimals) {
        double shown = Double.parseDouble(e.getText().replace(",", "").trim());
        assertThat(shown).as(e.getText()).isCloseTo(expected, within(0.5 * Math.pow(10, -decimals) + 1e-9));
    }

    /** What the panel shows for an indicator's value, by unit (the page's own formatting rules). */
    static String expectedValue(JsonNode ind) {
        double v = ind.path("value").asDouble();
        return switch (ind.path("unit").asText()) {
            case "m" -> distance(v);
            case "s" -> duration(v);
            case "share" -> Math.round(v * 100) + " %";
            case "flag" -> v >= 1 ? "yes" : "no";
            case "count" -> String.format(java.util.Locale.ENGLISH, "%,d", Math.round(v));
            default -> otherUnit(ind, v);
        };
    }

    private static String otherUnit(JsonNode ind, double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v))
                .setScale(v >= 100 ? 0 : 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH));
        return f.format(d) + " " + ind.path("unit").asText();
    }

    static String distance(double m) {
        if (m < 1000) {
            return Math.round(m) + " m";
        }
        return m < 10000 ? String.format(java.util.Locale.ROOT, "%.1f km", m / 1000)
                : String.format(java.util.Locale.ENGLISH, "%,d km", Math.round(m / 1000));
    }

    static String duration(double s) {
        if (s < 60) {
            return s <= 0 ? "0 min" : "< 1 min";
        }
        long min = Math.round(s / 60);
        if (min < 60) {
            return min + " min";
        }
        return (min / 60) + " h" + (min % 60 != 0 ? " " + (min % 60) + " min" : "");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    String get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString()).body();
    }

    JsonNode api(String path) throws Exception {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    void waitFor(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(browser.driver, WAIT).withMessage(() -> "waiting for " + what + "; hash=" + hash()
                + "; errors=" + browser.errors()).until(d -> condition.getAsBoolean());
    }
}
