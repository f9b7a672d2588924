package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clustergrid.app.InterventionGaps;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Intervention grid in the cluster panel: an editor sees the run's gaps as rows, adds a finance need (a date out of
 * order refused next to its field, then saved) and marks a computed infrastructure row planned; a viewer sees the
 * grid and no control that edits it.
 */
class InterventionGridBrowserTest extends ServerTest {
    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    Accounts accounts;
    @Autowired
    InterventionGaps gaps;

    Browser signedIn(String user, Role role) throws Exception {
        return Browser.signedIn(accounts, url("/login.html"), user, role, PASSWORD);
    }

    static String text(Browser b, String css) {
        List<WebElement> found = b.driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    static void openGrid(Browser b, String id) {
        b.driver.findElement(By.cssSelector("#ranking-table tr[data-id='" + id + "']")).click();
        b.waitFor(() -> !b.driver.findElements(By.cssSelector("#detail .intervention-grid table")).isEmpty(),
                "the Intervention grid in the panel");
    }

    static void type(Browser b, WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        if ("date".equals(input.getAttribute("type"))) { // typed dates follow the browser's locale; set the ISO value
            b.js("arguments[0].value = arguments[1]", input, value);
            return;
        }
        input.clear();
        input.sendKeys(value);
    }

    JsonNode grid(String id) throws Exception {
        return JSON.readTree(exchange("GET", "/api/clusters/" + id + "/interventions", null, null, null).body())
                .path("rows");
    }

    @Test
    void anEditorAddsAFinanceNeedAndPlansAComputedRow() throws Exception {
        GapSource.ClusterGaps cluster = gaps.current().clusters().stream().filter(c -> !c.gaps().isEmpty())
                .findFirst().orElseThrow();
        String id = cluster.clusterGridId();
        String gapRow = id + "." + cluster.gaps().get(0).indicator();
        try (Browser b = signedIn("ines", Role.EDITOR)) {
            openGrid(b, id);
            assertThat(b.driver.findElements(By.cssSelector("#detail .intervention-grid tbody tr")))
                    .hasSize(cluster.gaps().size());
            assertThat(text(b, "#detail tr[data-intervention='" + gapRow + "']"))
                    .contains(cluster.gaps().get(0).intervention(), "(from the gaps)", "identified");

            // a finance need: the end before the start is refused next to end_date, then saved
            b.driver.findElement(By.id("intervention-add")).click();
            WebElement form = b.driver.findElement(By.cssSelector("#detail .intervention-form"));
            new Select(form.findElement(By.name("category"))).selectByValue("finance");
            type(b, form, "title", "Working capital credit for the looms");
            type(b, form, "agency", "District cottage industries office");
            type(b, form, "budget", "250000");
            type(b, form, "currency", "INR");
            type(b, form, "start_date", "2027-04-01");
            type(b, form, "end_date", "2027-03-01");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail [data-error-for=end_date]").contains("before the start_date"),
                    "end_date refused");
            type(b, form, "end_date", "2028-03-31");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail .intervention-grid tbody").contains("Working capital credit"),
                    "the new need listed");
            b.screenshot("intervention-need-added");
            JsonNode need = null;
            for (JsonNode r : grid(id)) {
                if (r.path("origin").asText().equals("entered")) {
                    need = r;
                }
            }
            assertThat(need).isNotNull();
            assertThat(need.path("category").asText()).isEqualTo("finance");
            assertThat(need.path("budget").decimalValue()).isEqualByComparingTo("250000");
            assertThat(need.path("end_date").asText()).isEqualTo("2028-03-31");
            assertThat(need.path("created_by").asText()).isEqualTo("ines");

            // the largest gap's row, computed from the run, marked planned: stored under the same id
            b.driver.findElement(By.cssSelector("#detail [data-edit='" + gapRow + "']")).click();
            WebElement edit = b.driver.findElement(By.cssSelector("#detail .intervention-form"));
            assertThat(edit.findElement(By.name("title")).getAttribute("value"))
                    .isEqualTo(cluster.gaps().get(0).intervention());
            new Select(edit.findElement(By.name("status"))).selectByValue("planned");
            type(b, edit, "agency", "State electricity board");
            edit.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail tr[data-intervention='" + gapRow + "'] .iv-status").equals("planned"),
                    "the computed row planned");
            b.screenshot("intervention-gap-planned");
            JsonNode planned = JSON.readTree(exchange("GET", "/ogc/features/collections/interventions/items/"
                    + gapRow, null, null, null).body()).path("properties");
            assertThat(planned.path("status").asText()).isEqualTo("planned");
            assertThat(planned.path("origin").asText()).isEqualTo("computed_gap");
            assertThat(planned.path("version").asInt()).isEqualTo(1);
            assertThat(planned.path("changed_by").asText()).isEqualTo("ines");
            assertThat(b.errors().stream().filter(e -> !e.contains("status of 400")).toList()).isEmpty();
        }
        try (Browser v = signedIn("vic", Role.VIEWER)) {
            openGrid(v, id);
            assertThat(text(v, "#detail .intervention-grid tbody")).contains("Working capital credit", "planned");
            assertThat(v.driver.findElements(By.id("intervention-add"))).isEmpty();
            assertThat(v.driver.findElements(By.cssSelector("#detail [data-edit]"))).isEmpty();
        }
    }
}
