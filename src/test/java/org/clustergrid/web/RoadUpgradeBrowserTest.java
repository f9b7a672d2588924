package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A road upgrade picked on the map in a real browser, on the real Pokhara extract: a visitor is offered no draft; an
 * analyst clicks two road segments (each found by the click alone, drawn over the map and listed with its name and
 * class), un-picks one by clicking it again and another by its remove button, adds the upgrade to asphalt, sees the
 * server's refusal of its missing cost marked on it, picks again with a cost and saves: the stored scenario names
 * exactly the two segments clicked. An uploaded upgrade is drawn along its segments, and the one the data lack is
 * refused and marked.
 */
@TestPropertySource(properties = "clustergrid.demo.enabled=false")
class RoadUpgradeBrowserTest extends ServerTest {
    static final String PASSWORD = "a long enough passphrase";
    /** Close enough that roads a few metres apart are a dozen pixels apart: about 1 m a pixel at Pokhara. */
    static final int ZOOM = 17;
    /** Around central Pokhara, where the segments are chosen. */
    static final double[] CENTRE_BOX = {83.96, 28.19, 84.01, 28.23};
    /** A click is meant for a segment when every other road lies this far from the point clicked (the WMS hit
     * tolerance is 5 px, about 5 m at {@link #ZOOM}). */
    static final double CLEAR_METRES = 30;
    static final double METRES_PER_DEGREE = 111_320;

    @Autowired
    Accounts accounts;

    @Autowired
    Importer importer;

    Browser browser;

    /** A point on a road segment, clear of every other road, with what the segment is. */
    record Spot(String id, String name, String roadClass, double lon, double lat) {}

    @Test
    void anAnalystPicksRoadSegmentsOnTheMapAndSavesTheirUpgrade() throws Exception {
        importer.run(new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(SharedData.pokharaPbf(),
                null)), new DatasetInfo("pokhara", "Pokhara 2016", "pokhara-2016-06-04.osm.pbf", "ODbL 1.0",
                "© OpenStreetMap contributors", false), null, true, false));
        accounts.addUser("ana", Role.ANALYST, PASSWORD);
        List<JsonNode> roads = allRoads();
        assertThat(roads).hasSize(6223);

        try (Browser b = Browser.start(1366, 900)) {
            browser = b;
            // a visitor: neither the form nor its road picking is offered
            browser.open(url("/"));
            waitFor(() -> "true".equals(browser.js("return document.getElementById('scenario-list')"
                    + ".getAttribute('data-loaded');")), "scenarios listed");
            assertThat(browser.driver.findElement(By.id("scenario-new")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("scenario-place")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("road-upgrade-add")).isDisplayed()).isFalse();

            browser.signIn(url("/login.html"), "ana", PASSWORD, "analyst");
            List<Spot> spots = clearSpots(roads);
            Spot a = spots.get(0);
            browser.open(url("/#map=" + ZOOM + "/" + a.lat() + "/" + a.lon()));
            waitFor(() -> browser.driver.findElement(By.id("scenario-new")).isDisplayed(), "the new-scenario form");
            Spot[] others = inView(spots, a);
            Spot bSpot = others[0];
            Spot c = others[1];

            WebElement form = browser.driver.findElement(By.id("scenario-form"));
            form.findElement(By.name("name")).sendKeys("Paving in Pokhara");
            new Select(form.findElement(By.name("kind"))).selectByValue("upgrade_road");
            assertThat(form.findElement(By.name("surface")).isDisplayed()).isTrue();
            assertThat(form.findElement(By.name("upgrade_class")).isDisplayed()).isTrue();
            assertThat(form.findElement(By.name("voltage_kv")).isDisplayed()).isFalse();
            WebElement pick = browser.driver.findElement(By.id("scenario-place"));
            assertThat(pick.getText()).isEqualTo("Pick roads on the map");
            pick.click();
            assertThat(text(By.id("scenario-place-hint"))).startsWith("Click a road on the map");

            // each click picks the segment under it, drawn over the map and listed with what it is
            click(a, a);
            waitFor(() -> picked().equals(List.of(a.id())), "the first segment picked");
            String first = text(By.cssSelector("#road-pick-list li"));
            assertThat(first).contains(a.name()).contains(a.roadClass().replace('_', ' ')).contains(a.id())
                    .containsPattern("\\d+ m|\\d+(\\.\\d)? km");
            assertThat(highlighted()).containsExactly(a.id());
            click(a, bSpot);
            waitFor(() -> picked().equals(List.of(a.id(), bSpot.id())), "the second segment picked");
            assertThat(highlighted()).containsExactly(a.id(), bSpot.id());
            browser.js("arguments[0].scrollIntoView({block: 'center'});",
                    browser.driver.findElement(By.id("road-pick-list")));
            browser.screenshot("road-upgrade-picked");

            // clicked again, a segment is un-picked; clicked once more, picked again
            click(a, a);
            waitFor(() -> picked().equals(List.of(bSpot.id())), "the first segment un-picked");
            assertThat(highlighted()).containsExactly(bSpot.id());
            click(a, a);
            waitFor(() -> picked().equals(List.of(bSpot.id(), a.id())), "the first segment picked again");
            // the remove button un-picks too
            click(a, c);
            waitFor(() -> picked().size() == 3, "a third segment picked");
            assertThat(picked()).containsExactly(bSpot.id(), a.id(), c.id());
            browser.driver.findElement(By.cssSelector("#road-pick-list button[data-unpick='" + c.id() + "']"))
                    .click();
            waitFor(() -> picked().equals(List.of(bSpot.id(), a.id())), "the third segment un-picked");
            assertThat(highlighted()).containsExactly(bSpot.id(), a.id());

            // asphalt, no cost: the default cost profile has no road rate, so the server refuses it, marked
            new Select(form.findElement(By.name("surface"))).selectByValue("asphalt");
            WebElement add = browser.driver.findElement(By.id("road-upgrade-add"));
            assertThat(add.getText()).isEqualTo("Add the upgrade (2 segments)");
            add.click();
            waitFor(() -> count("#scenario-draft-list li") == 1, "the upgrade drafted");
            assertThat(text(By.cssSelector("#scenario-draft-list li"))).contains("Road upgrade: asphalt, 2 segments");
            assertThat(browser.driver.findElement(By.id("road-pick-list")).isDisplayed()).isFalse();
            assertThat(highlighted()).isEmpty();
            assertThat(count(".leaflet-scenario-pane path.scenario-draft")).as("its segments drawn").isEqualTo(2);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor(() -> count("#scenario-status .scenario-problems li") == 1, "the refusal listed");
            assertThat(text(By.cssSelector("#scenario-status .scenario-problems li")))
                    .startsWith("intervention 'i1' (upgrade_road): no cost entered");
            assertThat(count("#scenario-draft-list li.has-problem")).isEqualTo(1);
            assertThat(attrs(".leaflet-scenario-pane path.scenario-draft", "stroke")).containsOnly("#c62828");
            assertThat(api("/api/scenarios").size()).as("nothing stored").isZero();
            browser.screenshot("road-upgrade-refused");

            // removed from the draft, picked again with a cost, saved
            browser.driver.findElement(By.cssSelector("#scenario-draft-list button[data-remove='0']")).click();
            waitFor(() -> count("#scenario-draft-list li") == 0, "the draft emptied");
            pick.click();
            click(a, a);
            waitFor(() -> picked().size() == 1, "picked once more");
            click(a, bSpot);
            waitFor(() -> picked().size() == 2, "both picked once more");
            form.findElement(By.name("cost")).sendKeys("250000");
            add.click();
            waitFor(() -> count("#scenario-draft-list li") == 1, "the upgrade drafted again");
            assertThat(text(By.cssSelector("#scenario-draft-list li"))).contains("cost 250,000");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor(() -> text(By.id("scenario-status")).contains("Saved “Paving in Pokhara”"), "saved");

            JsonNode listed = api("/api/scenarios").get(0);
            JsonNode upgrade = JSON.readTree(api("/api/scenarios/" + listed.path("id").asText()).path("geojson")
                    .asText()).path("features");
            assertThat(upgrade).hasSize(1);
            JsonNode p = upgrade.get(0).path("properties");
            assertThat(p.path("kind").asText()).isEqualTo("upgrade_road");
            assertThat(p.path("surface").asText()).isEqualTo("asphalt");
            assertThat(p.has("class")).as("each road keeps its class").isFalse();
            assertThat(p.path("cost").asDouble()).isEqualTo(250000);
            List<String> stored = new ArrayList<>();
            p.path("roads").forEach(r -> stored.add(r.asText()));
            assertThat(stored).containsExactlyInAnyOrder(a.id(), bSpot.id());
            JsonNode priced = api("/api/scenarios/" + listed.path("id").asText() + "/interventions").path("features");
            assertThat(priced.get(0).path("geometry").path("type").asText()).isEqualTo("MultiLineString");

            // an uploaded upgrade is drawn along the segments it names; one the data lack is refused, marked
            Path file = Files.createTempFile("upgrade", ".geojson");
            Files.writeString(file, "{\"type\":\"FeatureCollection\",\"name\":\"Concrete\",\"features\":[{\"type\":\"Feature\","
                    + "\"geometry\":null,\"properties\":{\"kind\":\"upgrade_road\",\"surface\":\"concrete\","
                    + "\"cost\":1000,\"roads\":[\"" + c.id() + "\",\"pokhara.w0\"]}}]}");
            form.findElement(By.name("upload")).sendKeys(file.toAbsolutePath().toString());
            waitFor(() -> count("#scenario-draft-list li") == 1, "the file's upgrade drafted");
            waitFor(() -> count(".leaflet-scenario-pane path.scenario-draft") == 1, "its known segment drawn");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor(() -> count("#scenario-status .scenario-problems li") == 1, "the unknown road refused");
            assertThat(text(By.cssSelector("#scenario-status .scenario-problems li")))
                    .isEqualTo("intervention 'i1' (upgrade_road): no road 'pokhara.w0' in the data");
            assertThat(count("#scenario-draft-list li.has-problem")).isEqualTo(1);
            Files.delete(file);
            // the browser logs the refused requests and the lookup of the missing road itself, and nothing else
            assertThat(browser.errors()).allSatisfy(err -> assertThat(err).containsAnyOf("status of 400",
                    "/api/layers/roads/items/pokhara.w0 - Failed to load resource: the server responded with a"
                            + " status of 404"));
        }
    }

    // ------------------------------------------------------------------ choosing where to click

    private List<JsonNode> allRoads() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = "/api/layers/roads/items?limit=10000";
        while (next != null) {
            JsonNode page = api(next);
            page.path("features").forEach(out::add);
            next = null;
            for (JsonNode l : page.path("links")) {
                if (l.path("rel").asText().equals("next")) {
                    next = l.path("href").asText();
                }
            }
        }
        return out;
    }

    /**
     * In the centre box, per segment the middle of its longest straight stretch, where no other road lies within
     * {@link #CLEAR_METRES}: a click there is for that segment alone. By id, so each run clicks the same.
     */
    private static List<Spot> clearSpots(List<JsonNode> roads) {
        List<double[][]> lines = new ArrayList<>();
        List<String> lineRoad = new ArrayList<>();
        for (JsonNode r : roads) {
            for (double[][] line : lines(r.path("geometry"))) {
                lines.add(line);
                lineRoad.add(r.path("id").asText());
            }
        }
        List<JsonNode> sorted = new ArrayList<>(roads);
        sorted.sort(Comparator.comparing(r -> r.path("id").asText()));
        List<Spot> out = new ArrayList<>();
        for (JsonNode r : sorted) {
            double[] mid = longestStretchMiddle(r.path("geometry"));
            if (mid == null || mid[0] < CENTRE_BOX[0] || mid[0] > CENTRE_BOX[2] || mid[1] < CENTRE_BOX[1]
                    || mid[1] > CENTRE_BOX[3]) {
                continue;
            }
            String id = r.path("id").asText();
            boolean clear = true;
            for (int i = 0; i < lines.size() && clear; i++) {
                clear = lineRoad.get(i).equals(id) || metresTo(mid, lines.get(i)) >= CLEAR_METRES;
            }
            if (clear) {
                JsonNode p = r.path("properties");
                String name = p.path("name").asText("");
                out.add(new Spot(id, name.isEmpty() ? "Unnamed road" : name, p.path("class").asText(), mid[0], mid[1]));
            }
        }
        assertThat(out).as("segments clear of other roads in central Pokhara").hasSizeGreaterThan(3);
        return out;
    }

    /**
     * Two spots other than the centre's within the map's view, inside its edges, apart from it and not under a
     * control drawn over the map (the legend, the zoom buttons), which would take the click.
     */
    private Spot[] inView(List<Spot> spots, Spot centre) {
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) browser.js("var r = document.getElementById('map')"
                + ".getBoundingClientRect(); return {w: r.width, h: r.height};");
        double halfW = size.get("w").doubleValue() / 2 - 40;
        double halfH = size.get("h").doubleValue() / 2 - 40;
        List<Spot> found = new ArrayList<>();
        for (Spot s : spots) {
            double[] d = offset(centre, s);
            if (!s.id().equals(centre.id()) && Math.abs(d[0]) < halfW && Math.abs(d[1]) < halfH
                    && Math.hypot(d[0], d[1]) > 60 && onTheMapItself(d)) {
                found.add(s);
            }
        }
        assertThat(found).as("segments in view around " + centre).hasSizeGreaterThanOrEqualTo(2);
        return new Spot[] {found.get(0), found.get(1)};
    }

    /** Whether a click so far from the map's centre lands on the map, not on a control over it. */
    private boolean onTheMapItself(double[] d) {
        return Boolean.TRUE.equals(browser.js("var r = document.getElementById('map').getBoundingClientRect();"
                + " var at = document.elementFromPoint(r.left + r.width / 2 + arguments[0],"
                + " r.top + r.height / 2 + arguments[1]);"
                + " return !!at && !!at.closest('#map') && !at.closest('.leaflet-control');", d[0], d[1]));
    }

    /** Clicks the map at a spot, the map centred on {@code centre} at {@link #ZOOM}. */
    private void click(Spot centre, Spot at) {
        double[] d = offset(centre, at);
        WebElement map = browser.driver.findElement(By.id("map"));
        new Actions(browser.driver).moveToElement(map, (int) Math.round(d[0]), (int) Math.round(d[1])).click()
                .perform();
    }

    /** Screen pixels from one spot to another at {@link #ZOOM}, in Web Mercator as Leaflet draws the map. */
    private static double[] offset(Spot from, Spot to) {
        double[] a = worldPixel(from.lon(), from.lat());
        double[] b = worldPixel(to.lon(), to.lat());
        return new double[] {b[0] - a[0], b[1] - a[1]};
    }

    private static double[] worldPixel(double lon, double lat) {
        double scale = 256 * Math.pow(2, ZOOM);
        double sin = Math.sin(Math.toRadians(lat));
        return new double[] {(lon + 180) / 360 * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale};
    }

    private static List<double[][]> lines(JsonNode geometry) {
        List<double[][]> out = new ArrayList<>();
        String type = geometry.path("type").asText();
        if (type.equals("LineString")) {
            out.add(positions(geometry.path("coordinates")));
        } else if (type.equals("MultiLineString")) {
            geometry.path("coordinates").forEach(l -> out.add(positions(l)));
        }
        return out;
    }

    private static double[][] positions(JsonNode line) {
        double[][] out = new double[line.size()][];
        for (int i = 0; i < line.size(); i++) {
            out[i] = new double[] {line.get(i).get(0).asDouble(), line.get(i).get(1).asDouble()};
        }
        return out;
    }

    private static double[] longestStretchMiddle(JsonNode geometry) {
        double[] best = null;
        double longest = 0;
        for (double[][] line : lines(geometry)) {
            for (int i = 1; i < line.length; i++) {
                double m = metres(line[i - 1], line[i]);
                if (m > longest) {
                    longest = m;
                    best = new double[] {(line[i - 1][0] + line[i][0]) / 2, (line[i - 1][1] + line[i][1]) / 2};
                }
            }
        }
        return longest >= 2 * CLEAR_METRES ? best : null;
    }

    /** Metres between two positions, on a plane about them (a few hundred metres apart at most here). */
    private static double metres(double[] a, double[] b) {
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians((a[1] + b[1]) / 2));
        return Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * METRES_PER_DEGREE);
    }

    /** Metres from a point to the nearest stretch of a line, on a plane about the point. */
    private static double metresTo(double[] p, double[][] line) {
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(p[1]));
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < line.length; i++) {
            double ax = (line[i][0] - p[0]) * kx;
            double ay = (line[i][1] - p[1]) * METRES_PER_DEGREE;
            if (line.length == 1) {
                return Math.hypot(ax, ay);
            }
            if (i == 0) {
                continue;
            }
            double bx = (line[i - 1][0] - p[0]) * kx;
            double by = (line[i - 1][1] - p[1]) * METRES_PER_DEGREE;
            double dx = bx - ax;
            double dy = by - ay;
            double len = dx * dx + dy * dy;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
            best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
        }
        return best;
    }

    // ------------------------------------------------------------------ helpers

    /** The road ids listed as picked, in the list's order. */
    private List<String> picked() {
        return attrs("#road-pick-list li", "data-road");
    }

    /** The road ids highlighted on the map as picked. */
    private List<String> highlighted() {
        return attrs(".leaflet-scenario-pane path.road-picked", "data-road");
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = send(path, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText();
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
