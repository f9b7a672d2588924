package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The regional report from the web map, in a real browser: the "By region" panel of the countries layer links to the
 * report of its areas (HTML, PDF, CSV) and India's popup to India's; "Region report of view" opens the report of the
 * clusters in the map's view. Each link is followed and its answer read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionReportBrowserTest extends ServerTest {
    static final Path BORDERS = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");

    @Autowired
    ContextLayerImporter importer;

    Browser browser;

    @BeforeAll
    void importBordersAndStartBrowser() throws Exception {
        importer.run(new ContextLayerImporter.Request(List.of(BORDERS), null, "countries", "Countries", null,
                "ODbL 1.0", "© OpenStreetMap contributors", null, null));
        browser = Browser.start(1366, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRegionsPanelThePopupAndTheViewLinkToTheReport() throws Exception {
        browser.open(url("/#map=5/25/78"));
        browser.driver.findElement(By.cssSelector("button[data-by='countries']")).click();
        browser.waitFor(() -> count("#regions-report a.report-button") == 1, "the report link of the layer");
        WebElement report = browser.driver.findElement(By.cssSelector("#regions-report a.report-button"));
        assertThat(report.getText()).isEqualTo("Region report");
        assertThat(report.getAttribute("href")).contains("api/reports/regions?layer=countries&f=html");
        assertThat(report.getAttribute("target")).isEqualTo("_blank");
        assertThat(fetch(report.getAttribute("href"))).startsWith("200 text/html").contains("Regional priority report")
                .contains("By sub-region: Countries");
        List<WebElement> links = browser.driver.findElements(By.cssSelector("#regions-report a"));
        assertThat(links).hasSize(4);
        assertThat(fetch(links.get(1).getAttribute("href"))).startsWith("200 application/pdf");
        assertThat(fetch(links.get(2).getAttribute("href"))).startsWith("200 application/pdf");
        assertThat(fetch(links.get(3).getAttribute("href"))).startsWith("200 text/csv").contains("cluster_grid_id,");
        browser.screenshot("region-report-links");

        // India's popup links to India's report
        browser.waitFor(() -> Boolean.FALSE.equals(browser.js("return document.getElementById('map').classList"
                + ".contains('leaflet-zoom-anim');")), "the map standing still");
        WebElement label = browser.driver.findElement(By.xpath("//div[@class='region-label-box']"
                + "[span[@class='region-name'][.='IND']]"));
        browser.js("var r = arguments[0].getBoundingClientRect(); var x = r.left + r.width / 2;"
                + " var y = r.top + r.height / 2; document.elementFromPoint(x, y).dispatchEvent(new MouseEvent('click',"
                + " {bubbles: true, cancelable: true, clientX: x, clientY: y, view: window}));", label);
        browser.waitFor(() -> count(".leaflet-popup .report-links a.report-button") == 1, "India's report link");
        String india = String.valueOf(browser.js("return document.querySelector('.leaflet-popup .report-links"
                + " a.report-button').getAttribute('href');"));
        assertThat(india).matches("api/reports/regions\\?layer=countries&feature=\\d+&f=html");
        assertThat(fetch(india)).startsWith("200 text/html").contains("Countries: IND");

        // the view's report: the button opens a tab with the view as a box
        browser.js("window.cgOpened = []; window.open = function (u) { window.cgOpened.push(u); return null; };");
        browser.driver.findElement(By.id("report-view")).click();
        browser.driver.findElement(By.id("report-all")).click();
        String view = String.valueOf(browser.js("return window.cgOpened[0];"));
        String all = String.valueOf(browser.js("return window.cgOpened[1];"));
        assertThat(view).matches("api/reports/regions\\?bbox=-?[0-9.]+%2C-?[0-9.]+%2C-?[0-9.]+%2C-?[0-9.]+&f=html");
        assertThat(all).isEqualTo("api/reports/regions?f=html");
        assertThat(fetch(view)).startsWith("200 text/html").contains("Box ");
        assertThat(fetch(all)).startsWith("200 text/html").contains("All clusters");
        assertThat(browser.errors()).as("console errors").isEmpty();
    }

    /** Status, content type and body (its embedded images and style sheet left out) of a GET made by the page. */
    private String fetch(String href) {
        return String.valueOf(browser.js("return fetch(arguments[0]).then(r => r.text().then(t => r.status + ' '"
                + " + r.headers.get('Content-Type') + ' ' + t.replace(/data:image\\/png;base64,[^\"]*/g, '')"
                + ".replace(/<style>[^<]*<\\/style>/, '').slice(0, 60000)));", href));
    }

    private int count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }
}
