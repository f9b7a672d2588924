package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the planner sees of unknowns, in a real browser: clusters without a size in the demo region and one far from
 * any data are uploaded as a register; the ranking says why each is unranked (never "null"), the panel shows the
 * quality flags and why indicators are missing, and "Where we have data" draws the coverage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownsBrowserTest extends ServerTest {
    static final String TOKEN = "browser-token";
    Browser browser;

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    @BeforeAll
    void uploadRegisterAndStartBrowser() throws Exception {
        String csv = "source_id,name,lat,lon,country_iso2\nnosize,Weavers without a count,20.25,80.3,IN\n"
                + "faraway,Workshops far from any data,-15.0,-50.0,BR\n";
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "clusters") + ApiTest.part(boundary, "dataset", null, "survey")
                + ApiTest.part(boundary, "file", "register.csv", csv) + "--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        browser = Browser.start(1366, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theRankingSaysWhyAClusterIsUnranked() throws Exception {
        open("/");
        String table = browser.driver.findElement(By.id("ranking-table")).getText();
        assertThat(table).doesNotContain("null").doesNotContain("undefined");
        String noSize = rowText("Weavers without a count");
        assertThat(noSize).contains("size unknown");
        String far = rowText("Workshops far from any data");
        assertThat(far).contains("not scored: 0 % known");
        // ranked clusters first, then by gap only, the unscored last
        String last = String.valueOf(browser.js("var rows = document.querySelectorAll('#ranking-table tbody tr[data-id]');"
                + " return rows[rows.length - 1].textContent;"));
        assertThat(last).contains("Workshops far from any data");
        browser.screenshot("unknowns-ranking");
    }

    @Test
    void thePanelShowsQualityFlagsAndWhyIndicatorsAreMissing() throws Exception {
        open("/");
        browser.driver.findElement(By.xpath("//tr[.//td[contains(., 'Workshops far from any data')]]")).click();
        waitFor(() -> browser.driver.findElement(By.id("detail")).isDisplayed(), "the cluster panel");
        String panel = browser.driver.findElement(By.id("detail-body")).getText();
        assertThat(panel).contains("Data quality").contains("No roads dataset covers this cluster")
                .contains("outside the area any roads dataset covers").contains("0 % known");
        assertThat(panel).doesNotContain("null");
        browser.screenshot("unknowns-panel");
    }

    @Test
    void whereWeHaveDataDrawsTheCoverage() {
        open("/");
        browser.driver.findElement(By.id("layer-toggle-coverage")).click();
        waitFor(() -> count(".leaflet-coverage-pane path") > 0, "coverage drawn");
        assertThat(browser.errors()).as("console errors").isEmpty();
    }

    private String rowText(String name) {
        return browser.driver.findElement(By.xpath("//tr[.//td[contains(., '" + name + "')]]")).getText();
    }

    private void open(String path) {
        browser.driver.get("about:blank");
        browser.driver.get(url(path));
        waitFor(() -> "true".equals(browser.js("return document.body && document.body.getAttribute('data-ready');")),
                "page ready");
    }

    private int count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length;", css)).intValue();
    }

    private void waitFor(BooleanSupplier condition, String what) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
