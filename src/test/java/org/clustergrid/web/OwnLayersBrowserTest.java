package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A layer of the user's own in the web map, in a real browser: the land borders of India, Nepal and Pakistan imported
 * as "countries" are listed under "Your layers", drawn by the WMS beneath the clusters with their legend and
 * attribution, say what they are where clicked, and sum the demo region's clusters up by country ("By region"): India
 * has its 12, Nepal and Pakistan none, shown as unknown rather than as a score of 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnLayersBrowserTest extends ServerTest {
    static final Path BORDERS = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");
    // a view over the three countries, so a point in Nepal is at a known pixel
    static final int ZOOM = 5;
    static final double LAT = 25;
    static final double LON = 78;

    @Autowired
    ContextLayerImporter importer;

    @Autowired
    RasterImporter rasters;

    Browser browser;

    @BeforeAll
    void importBordersAndStartBrowser() throws Exception {
        importer.run(new ContextLayerImporter.Request(List.of(BORDERS), null, "countries", "Countries", null,
                "ODbL 1.0", "© OpenStreetMap contributors", null, null));
        rasters.run(new RasterImporter.Request(Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif"), "relief",
                "Relief", null, "0:#000000, 3000:#ff0000", null, false, null, "CC BY 4.0", "Test grid"));
        browser = Browser.start(1366, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void yourLayersListsDrawsAndIdentifiesTheCountries() throws Exception {
        open("/#map=" + ZOOM + "/" + LAT + "/" + LON);
        WebElement group = browser.driver.findElement(By.id("own-layers"));
        assertThat(group.isDisplayed()).isTrue();
        assertThat(group.getText()).contains("Your layers").contains("Countries").contains("3 areas");
        WebElement box = browser.driver.findElement(By.id("own-toggle-countries"));
        assertThat(box.isSelected()).isFalse();
        assertThat(count(".leaflet-own-pane img")).isZero();

        box.click();
        String image = ".leaflet-own-pane img.wms-image";
        waitFor(() -> wmsImageLoaded(image), "countries WMS image loaded");
        assertThat(String.valueOf(browser.js("return document.querySelector(arguments[0]).src;", image)))
                .contains("/ogc/wms?SERVICE=WMS").contains("REQUEST=GetMap").contains("LAYERS=countries")
                .contains("CRS=EPSG:3857");
        assertThat(hash()).contains("own=countries");
        // beneath the clusters
        assertThat(zIndex(".leaflet-own-pane")).isLessThan(zIndex(".leaflet-clusters-pane"));
        assertThat(count("#legend img[alt='Countries legend'][src*='REQUEST=GetLegendGraphic'][src*='LAYER=countries']"))
                .isEqualTo(1);
        assertThat(browser.driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("© OpenStreetMap contributors (ODbL 1.0)");

        // a click in Nepal, where the demo region has no cluster: the country's attributes by GetFeatureInfo
        clickAt(28.2, 84.0);
        waitFor(() -> count(".leaflet-popup .own-popup") == 1, "feature info popup");
        String popup = browser.driver.findElement(By.cssSelector(".leaflet-popup .own-popup")).getText();
        assertThat(popup).containsIgnoringCase("Countries").contains("A3").contains("NPL");
        assertThat(browser.errors()).as("console errors").isEmpty();
        browser.screenshot("own-layers-countries");

        // switched off: gone from the map, the legend and the link
        browser.driver.findElement(By.id("own-toggle-countries")).click();
        waitFor(() -> count(image) == 0, "countries switched off");
        assertThat(count("#legend img[alt='Countries legend']")).isZero();
        assertThat(hash()).doesNotContain("own=");

        // a link with the layer on restores it
        open("/#map=" + ZOOM + "/" + LAT + "/" + LON + "&own=countries");
        assertThat(browser.driver.findElement(By.id("own-toggle-countries")).isSelected()).isTrue();
        waitFor(() -> wmsImageLoaded(image), "countries restored from the link");
    }

    /** The UTM test grid of Pokhara (src/test/resources/rasters/SOURCE.txt) listed, drawn and clicked on. */
    @Test
    void aRasterIsListedDrawnAndSaysItsValue() throws Exception {
        int zoom = 14;
        double lat = 28.207;
        double lon = 83.9845;
        open("/#map=" + zoom + "/" + lat + "/" + lon);
        assertThat(browser.driver.findElement(By.id("own-layers")).getText()).contains("Relief")
                .contains("raster, values 0–2,939");
        assertThat(count("button[data-by='relief']")).as("a raster has no regions").isZero();
        browser.driver.findElement(By.id("own-toggle-relief")).click();
        String image = ".leaflet-own-pane img.wms-image";
        waitFor(() -> wmsImageLoaded(image), "relief WMS image loaded");
        assertThat(count("#legend img[alt='Relief legend'][src*='LAYER=relief']")).isEqualTo(1);
        assertThat(browser.driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("Test grid (CC BY 4.0)");
        // cell (30, 20), value 2030 (gdallocationinfo -wgs84 at its centre)
        clickAt(28.1940847, 84.0113275, zoom, lat, lon);
        waitFor(() -> count(".leaflet-popup .own-popup") == 1, "cell value popup");
        String popup = browser.driver.findElement(By.cssSelector(".leaflet-popup .own-popup")).getText();
        assertThat(popup).containsIgnoringCase("Relief").containsIgnoringCase("cell 30, 20").contains("value 2030");
        assertThat(browser.errors()).as("console errors").isEmpty();
        browser.screenshot("own-layers-raster");
        browser.driver.findElement(By.id("own-toggle-relief")).click();
        waitFor(() -> count(image) == 0, "relief switched off");
    }

    @Test
    void byRegionSumsTheClustersUpByCountry() throws Exception {
        open("/#map=" + ZOOM + "/" + LAT + "/" + LON);
        WebElement button = browser.driver.findElement(By.cssSelector("button[data-by='countries']"));
        assertThat(button.getText()).isEqualTo("By region");
        button.click();
        waitFor(() -> count("#regions-table tbody tr[data-fid]") == 3, "three countries in the table");
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("regions")).isDisplayed()).isTrue();
        assertThat(count("#regions-table thead th[scope='col']")).isGreaterThanOrEqualTo(9);

        WebElement india = row("IND");
        assertThat(cells(india).get(0).getText()).startsWith("12");
        assertThat(cell(india, "mean").getText()).matches("\\d+(\\.\\d)?");
        for (String code : List.of("NPL", "PAK")) {
            WebElement mean = cell(row(code), "mean");
            assertThat(mean.getText()).as(code).isEqualTo("—");
            assertThat(mean.findElement(By.cssSelector(".unknown")).getAttribute("title")).as(code)
                    .contains("unknown, not zero");
            assertThat(cells(row(code)).get(0).getText()).as(code).isEqualTo("0");
        }
        // most need first, unknowns last
        assertThat(firstRowName()).isEqualTo("IND");

        // the choropleth: India in a score class, the other two hatched and labelled, never coloured as 0
        assertThat(count(".leaflet-regions-pane path")).isEqualTo(3);
        assertThat(count(".leaflet-regions-pane path[fill='url(#cg-hatch)']")).isEqualTo(2);
        assertThat(browser.driver.findElement(By.cssSelector(".leaflet-regions-pane")).getText())
                .contains("no scored cluster").contains("NPL").contains("PAK");
        String legend = browser.driver.findElement(By.id("legend")).getText();
        assertThat(legend).contains("Areas of Countries").contains("no scored cluster (2)");
        assertThat(hash()).contains("by=countries");
        browser.screenshot("own-layers-by-region");

        // sorting: by clusters, most first; again, fewest first
        browser.driver.findElement(By.cssSelector("#regions-table button[data-sort='clusters']")).click();
        assertThat(firstRowName()).isEqualTo("IND");
        browser.driver.findElement(By.cssSelector("#regions-table button[data-sort='clusters']")).click();
        assertThat(firstRowName()).isNotEqualTo("IND");

        // a row zooms to its region and outlines it; a click on the region shows its figures
        row("NPL").findElement(By.cssSelector("button.zoom")).click();
        waitFor(() -> count(".leaflet-regions-pane path.region-highlighted") == 1, "Nepal outlined");
        // clicked again while no popup shows it: a click the map took while it still moved (a pan, not only a zoom)
        // reaches no region
        waitFor(() -> popupText().contains("NPL") || clickRegion("NPL"), "Nepal's figures");
        assertThat(popupText()).contains("No cluster lies in this area").doesNotContain("null");
        waitForPopupShown();
        browser.screenshot("own-layers-by-region-nepal");
        cell(row("IND"), "mean").click(); // anywhere on a row
        waitFor(() -> count(".leaflet-regions-pane path.region-highlighted") == 1, "India outlined");
        assertThat(browser.errors()).as("console errors").isEmpty();
        browser.screenshot("own-layers-by-region-india");

        // India's top priority opens that cluster's panel; back from it, the figures by region are there again
        WebElement top = row("IND").findElement(By.cssSelector("button.top-priority"));
        String topName = top.getText();
        top.click();
        waitFor(() -> browser.driver.findElement(By.id("detail")).isDisplayed(), "the top priority's panel");
        assertThat(browser.driver.findElement(By.id("detail-title")).getText()).isEqualTo(topName);
        assertThat(browser.driver.findElement(By.id("regions")).isDisplayed()).isFalse();
        browser.driver.findElement(By.id("detail-close")).click();
        waitFor(() -> browser.driver.findElement(By.id("regions")).isDisplayed(), "back to the figures by region");

        // the sliders re-score the regions too: all weight on roads gives India the mean of its roads scores
        String meanBefore = cell(row("IND"), "mean").getText();
        assertThat(browser.driver.findElement(By.id("regions-note")).getText()).contains("weights of the sliders");
        browser.js("for (const d of ['power', 'finance', 'markets']) { const i = document.getElementById('weight-' + d);"
                + " i.value = 0; i.dispatchEvent(new Event('input', {bubbles: true})); }");
        waitFor(() -> !cell(row("IND"), "mean").getText().equals(meanBefore), "India's mean under roads only");
        String roadsOnly = String.valueOf(browser.js("return fetch('/api/regions/countries?roads=1&power=0&finance=0"
                + "&markets=0').then(r => r.json()).then(j => j.regions.find(r => r.name === 'IND'"
                + " || Object.values(r).includes('IND')).composite.mean);"));
        assertThat(Double.parseDouble(cell(row("IND"), "mean").getText()))
                .isCloseTo(Double.parseDouble(roadsOnly), org.assertj.core.api.Assertions.within(0.051));

        // closed: the ranking is back
        browser.driver.findElement(By.id("regions-close")).click();
        assertThat(count(".leaflet-regions-pane path")).isZero();
        assertThat(browser.driver.findElement(By.id("ranking-table")).isDisplayed()).isTrue();
        assertThat(hash()).doesNotContain("by=");
    }

    // ------------------------------------------------------------------ helpers

    private WebElement row(String name) {
        return browser.driver.findElement(By.xpath("//table[@id='regions-table']/tbody/tr[th[normalize-space()='"
                + name + "']]"));
    }

    private static List<WebElement> cells(WebElement row) {
        return row.findElements(By.tagName("td"));
    }

    private static WebElement cell(WebElement row, String css) {
        return row.findElement(By.cssSelector("td." + css));
    }

    /** Clicks the region under its label once the map stands still; false, so a wait on what it shows goes on. */
    private boolean clickRegion(String name) {
        waitFor(() -> Boolean.FALSE.equals(browser.js("return document.getElementById('map').classList"
                + ".contains('leaflet-zoom-anim');")), "the map standing still");
        WebElement label = browser.driver.findElement(By.xpath("//div[@class='region-label-box']"
                + "[span[@class='region-name'][.='" + name + "']]"));
        // a click on what lies beneath the label's centre, as the label lets clicks through
        browser.js("var r = arguments[0].getBoundingClientRect(); var x = r.left + r.width / 2;"
                + " var y = r.top + r.height / 2; document.elementFromPoint(x, y).dispatchEvent(new MouseEvent('click',"
                + " {bubbles: true, cancelable: true, clientX: x, clientY: y, view: window}));", label);
        return false;
    }

    /** The text of the region popup shown, read in one go as Leaflet replaces popups. */
    private String popupText() {
        return String.valueOf(browser.js("var p = document.querySelector('.leaflet-popup .region-popup');"
                + " return p ? p.textContent : '';"));
    }

    private void waitForPopupShown() {
        waitFor(() -> "1".equals(browser.js("var p = document.querySelector('.leaflet-popup');"
                + " return p && getComputedStyle(p).opacity;")), "popup faded in");
    }

    private String firstRowName() {
        return browser.driver.findElement(By.cssSelector("#regions-table tbody tr th")).getText();
    }

    /** Clicks the map at a longitude/latitude, from the view the link set (Web Mercator, 256 px tiles). */
    private void clickAt(double lat, double lon) {
        clickAt(lat, lon, ZOOM, LAT, LON);
    }

    private void clickAt(double lat, double lon, int zoom, double centreLat, double centreLon) {
        double scale = 256 * Math.pow(2, zoom);
        long dx = Math.round((lon - centreLon) / 360 * scale);
        long dy = Math.round((mercY(centreLat) - mercY(lat)) / (2 * Math.PI) * scale);
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.id("map")), (int) dx, (int) dy)
                .click().perform();
    }

    private static double mercY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    private void open(String path) {
        browser.driver.get("about:blank");
        browser.driver.get(url(path));
        waitFor(() -> "true".equals(browser.js("return document.body && document.body.getAttribute('data-ready');")),
                "page ready");
    }

    private boolean wmsImageLoaded(String css) {
        return Boolean.TRUE.equals(browser.js("var i = document.querySelector(arguments[0]);"
                + " return !!i && i.complete && i.naturalWidth > 0;", css));
    }

    private String hash() {
        return String.valueOf(browser.js("return window.location.hash;"));
    }

    private int zIndex(String css) {
        return Integer.parseInt(String.valueOf(browser.js(
                "return getComputedStyle(document.querySelector(arguments[0])).zIndex;", css)));
    }

    private int count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    private void waitFor(BooleanSupplier condition, String what) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
