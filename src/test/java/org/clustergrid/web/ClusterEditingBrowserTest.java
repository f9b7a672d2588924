package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing the register in the web map: an editor adds a cluster with a click on the map, edits its Identification
 * grid (a bad number refused next to its field) and redraws its footprint as a polygon, reads its history, restores
 * the first version and retires it; a second editor's change in between is a 412 that keeps the first editor's input
 * and reloads with it kept on top; a viewer sees the history but no control that edits.
 */
class ClusterEditingBrowserTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/clusters/items/";
    static final String EXISTING = "CG-XX-000003";
    static final String VIEWED = "CG-XX-000005";
    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    Accounts accounts;

    HttpResponse<String> api(String method, String path, String key, String body, String... headers)
            throws Exception {
        return exchange(method, path, key, body == null ? null : "application/merge-patch+json", body, headers);
    }

    JsonNode json(String path, String key) throws Exception {
        return JSON.readTree(api("GET", path, key, null).body());
    }

    static String text(Browser b, String css) {
        List<WebElement> found = b.driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    static void click(Browser b, String css) {
        b.driver.findElement(By.cssSelector(css)).click();
    }

    static void clickMap(Browser b, int dx, int dy) {
        new Actions(b.driver).moveToElement(b.driver.findElement(By.id("map")), dx, dy).click().perform();
    }

    static void type(WebElement form, String name, String value) {
        form.findElement(By.name(name)).clear();
        form.findElement(By.name(name)).sendKeys(value);
    }

    static void openCluster(Browser b, String id) {
        b.driver.findElement(By.cssSelector("#ranking-table tr[data-id='" + id + "']")).click();
        b.waitFor(() -> b.driver.findElements(By.cssSelector("#detail .register-tools")).size() == 1,
                "the register part of the panel");
    }

    /** A new user of that role, signed in to the map in a browser of its own. */
    Browser signedIn(String user, Role role) throws Exception {
        return Browser.signedIn(accounts, url("/login.html"), user, role, PASSWORD);
    }

    /** Errors the page logged besides the refusals the test provoked on purpose (the browser logs 4xx answers). */
    static List<String> unexpectedErrors(Browser b) {
        return b.errors().stream().filter(e -> !e.contains("status of 400") && !e.contains("status of 412")).toList();
    }

    @Test
    void anEditorAddsEditsRestoresAndRetiresACluster() throws Exception {
        String key = accounts.createKey("check", Role.EDITOR, null).secret();
        try (Browser b = signedIn("erin", Role.EDITOR)) {

            // add: the form waits for a click on the map
            click(b, "#cluster-add");
            b.waitFor(() -> text(b, "#detail .footprint-status").startsWith("Click the map"), "asked for the place");
            clickMap(b, 90, -70);
            b.waitFor(() -> text(b, "#detail .footprint-summary").contains("point at"), "the point placed");
            assertThat(b.driver.findElements(By.cssSelector(".leaflet-register-edit-pane .footprint-handle")))
                    .as("a handle to drag").hasSize(1);
            WebElement form = b.driver.findElement(By.cssSelector("#detail .edit-form"));
            type(form, "name", "Riverside Looms");
            type(form, "sector", "Textiles");
            new Select(form.findElement(By.name("typology"))).selectByValue("artisanal_craft");
            type(form, "firms", "40");
            type(form, "employment", "900");
            form.findElement(By.cssSelector("input[name=markets_served][value=local]")).click();
            form.findElement(By.cssSelector("input[name=markets_served][value=regional]")).click();
            type(form, "comment", "field survey 2024");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail .register-notice").startsWith("Added CG-XX-"), "the new cluster shown");
            String id = text(b, "#detail-id");
            assertThat(text(b, "#detail .register-notice")).isEqualTo("Added " + id + " (version 1).");
            assertThat(b.driver.findElements(By.cssSelector("#ranking-table tr[data-id='" + id + "']"))).hasSize(1);
            JsonNode made = json(ITEMS + id, key);
            assertThat(made.path("properties").path("name").asText()).isEqualTo("Riverside Looms");
            assertThat(made.path("properties").path("markets_served").asText()).isEqualTo("local;regional");
            assertThat(made.path("properties").path("dataset").asText()).isEqualTo("register");
            assertThat(made.path("geometry").path("type").asText()).isEqualTo("Point");
            b.screenshot("cluster-added");

            // edit: a bad number is refused next to its field, then a good one saved with a redrawn footprint
            click(b, "#cluster-edit");
            b.waitFor(() -> !b.driver.findElements(By.cssSelector("#detail .edit-form")).isEmpty(), "the edit form");
            WebElement edit = b.driver.findElement(By.cssSelector("#detail .edit-form"));
            assertThat(edit.findElement(By.name("firms")).getAttribute("value")).isEqualTo("40");
            type(edit, "firms", "many");
            edit.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail [data-error-for=firms]").contains("whole number"), "firms refused");
            type(edit, "firms", "45");
            new Select(edit.findElement(By.name("setting"))).selectByValue("rural");
            // the rest of the Identification grid: its lists are sent as the register serves them
            new Select(edit.findElement(By.name("status"))).selectByValue("growing");
            type(edit, "product_markets", "saris:national:60; towels:local");
            type(edit, "associations", "Weavers' Society; District Chamber");
            click(b, "#detail [data-footprint=polygon]");
            clickMap(b, -100, -60);
            clickMap(b, -40, -60);
            clickMap(b, -70, -10);
            b.waitFor(() -> text(b, "#detail .footprint-status").startsWith("3 corners"), "three corners");
            click(b, "#detail [data-footprint=finish]");
            assertThat(text(b, "#detail .footprint-summary")).contains("polygon of 3 corners").contains("changed");
            type(edit, "comment", "five new units");
            edit.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail .register-notice").equals("Saved " + id + " as version 2."), "saved");
            b.waitFor(() -> text(b, "#detail .facts").contains("45 firms"), "the panel showing the edit");
            JsonNode edited = json(ITEMS + id, key);
            assertThat(edited.path("properties").path("firms").asInt()).isEqualTo(45);
            assertThat(edited.path("properties").path("setting").asText()).isEqualTo("rural");
            assertThat(edited.path("properties").path("status").asText()).isEqualTo("growing");
            assertThat(edited.path("properties").path("product_markets").toString()).isEqualTo(
                    "[{\"product\":\"saris\",\"market\":\"national\",\"share\":60.0},"
                    + "{\"product\":\"towels\",\"market\":\"local\"}]");
            assertThat(edited.path("properties").path("associations").toString())
                    .isEqualTo("[\"Weavers' Society\",\"District Chamber\"]");
            assertThat(edited.path("properties").path("name").asText()).as("unchanged").isEqualTo("Riverside Looms");
            assertThat(edited.path("geometry").path("type").asText()).isEqualTo("Polygon");
            assertThat(b.driver.findElements(By.cssSelector(".leaflet-clusters-pane path[data-id='" + id + "']")))
                    .as("drawn as its polygon").hasSize(1);

            // history: both versions, the changes field by field; the first version's state; restore it
            click(b, "#detail .cluster-history summary");
            b.waitFor(() -> b.driver.findElements(By.cssSelector("#detail .history-list > li")).size() == 2,
                    "two versions");
            String newest = text(b, "#detail .history-list > li[data-version='2']");
            assertThat(newest).contains("update").contains("erin").contains("five new units")
                    .contains("firms: 40 → 45").contains("setting: — → rural").contains("footprint: Point");
            assertThat(text(b, "#detail .history-list > li[data-version='1']")).contains("create")
                    .contains("field survey 2024");
            click(b, "#detail li[data-version='1'] [data-show]");
            b.waitFor(() -> text(b, "#detail li[data-version='1'] .history-state").contains("point at"),
                    "the first version's state");
            assertThat(text(b, "#detail li[data-version='1'] .history-state")).contains("40");
            assertThat(b.driver.findElements(By.cssSelector("#detail li[data-version='2'] [data-restore]")))
                    .as("no restoring the latest").isEmpty();
            click(b, "#detail li[data-version='1'] [data-restore]");
            b.driver.findElement(By.cssSelector("#detail .history-restore input[name=comment]"))
                    .sendKeys("back to the survey");
            click(b, "#detail .history-restore button[type=submit]");
            b.waitFor(() -> text(b, "#detail .register-notice").equals("Restored " + id + " as version 3."),
                    "restored");
            b.waitFor(() -> text(b, "#detail .facts").contains("40 firms"), "the panel showing the restored state");
            JsonNode restored = json(ITEMS + id, key);
            assertThat(restored.path("properties").path("firms").asInt()).isEqualTo(40);
            assertThat(restored.path("geometry").path("type").asText()).isEqualTo("Point");
            b.screenshot("cluster-restored");

            // retire, confirmed in a dialog with a comment
            click(b, "#cluster-retire");
            b.waitFor(() -> b.driver.findElement(By.id("retire-dialog")).isDisplayed(), "the confirm dialog");
            assertThat(text(b, "#retire-dialog .retire-what")).contains(id).contains("Riverside Looms");
            b.driver.findElement(By.id("retire-comment")).sendKeys("cluster closed");
            click(b, "#retire-dialog button[type=submit]");
            b.waitFor(() -> text(b, "#register-notice").startsWith("Retired " + id + " (version 4)"), "retired");
            b.waitFor(() -> b.driver.findElements(By.cssSelector("#ranking-table tr[data-id='" + id + "']"))
                    .isEmpty(), "gone from the ranking");
            assertThat(api("GET", ITEMS + id, key, null).statusCode()).isEqualTo(404);
            JsonNode history = json("/api/clusters/" + id + "/history", key);
            assertThat(history.path("retired").asBoolean()).isTrue();
            assertThat(history.path("versions").findValuesAsText("action"))
                    .containsExactly("create", "update", "restore", "retire");
            assertThat(history.path("versions").get(2).path("comment").asText()).isEqualTo("back to the survey");
            assertThat(history.path("versions").get(3).path("comment").asText()).isEqualTo("cluster closed");
            assertThat(history.path("versions").get(0).path("actor").asText()).isEqualTo("erin");

            // the retired cluster's history is still at hand
            click(b, "#register-notice button");
            b.waitFor(() -> b.driver.findElements(By.cssSelector("#detail .history-list > li")).size() == 4,
                    "the retired cluster's history");
            assertThat(unexpectedErrors(b)).as("console errors").isEmpty();
        }
    }

    @Test
    void aLostUpdateIsRefusedAndReloadedWithTheEditorsInputKept() throws Exception {
        String other = accounts.createKey("other editor", Role.EDITOR, null).secret();
        try (Browser b = signedIn("edna", Role.EDITOR)) {
            openCluster(b, EXISTING);
            click(b, "#cluster-edit");
            b.waitFor(() -> !b.driver.findElements(By.cssSelector("#detail .edit-form")).isEmpty(), "the edit form");
            WebElement form = b.driver.findElement(By.cssSelector("#detail .edit-form"));
            int firms = Integer.parseInt(form.findElement(By.name("firms")).getAttribute("value"));

            // another editor changes the sector meanwhile
            String tag = api("GET", ITEMS + EXISTING, other, null).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> theirs = api("PATCH", ITEMS + EXISTING, other,
                    "{\"properties\":{\"sector\":\"Metal castings\"}}", "If-Match", tag);
            assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);

            type(form, "firms", String.valueOf(firms + 3));
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> b.driver.findElement(By.cssSelector("#detail .edit-conflict")).isDisplayed(), "the 412");
            assertThat(text(b, "#detail .edit-conflict")).contains("Someone else changed this cluster");
            assertThat(form.findElement(By.name("firms")).getAttribute("value")).as("the input kept")
                    .isEqualTo(String.valueOf(firms + 3));
            assertThat(json(ITEMS + EXISTING, other).path("properties").path("firms").asInt()).isEqualTo(firms);
            b.screenshot("cluster-edit-conflict");

            click(b, "#detail [data-action=reload]");
            b.waitFor(() -> text(b, "#detail .edit-status").contains("kept on top"), "reloaded");
            assertThat(form.findElement(By.name("sector")).getAttribute("value")).isEqualTo("Metal castings");
            assertThat(form.findElement(By.name("firms")).getAttribute("value")).isEqualTo(String.valueOf(firms + 3));
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(() -> text(b, "#detail .register-notice").startsWith("Saved " + EXISTING), "saved");
            JsonNode now = json(ITEMS + EXISTING, other);
            assertThat(now.path("properties").path("firms").asInt()).isEqualTo(firms + 3);
            assertThat(now.path("properties").path("sector").asText()).isEqualTo("Metal castings");
            assertThat(unexpectedErrors(b)).as("console errors").isEmpty();
        }
    }

    @Test
    void aViewerSeesTheHistoryButNoControlThatEdits() throws Exception {
        String key = accounts.createKey("editor", Role.EDITOR, null).secret();
        String tag = api("GET", ITEMS + VIEWED, key, null).headers().firstValue("ETag").orElseThrow();
        assertThat(api("PATCH", ITEMS + VIEWED, key, "{\"properties\":{\"source\":\"district survey\"}}",
                "If-Match", tag).statusCode()).isEqualTo(200);
        try (Browser b = signedIn("vic", Role.VIEWER)) {
            openCluster(b, VIEWED);
            assertThat(b.driver.findElements(By.cssSelector("#cluster-add, #cluster-edit, #cluster-retire")))
                    .isEmpty();
            click(b, "#detail .cluster-history summary");
            b.waitFor(() -> b.driver.findElements(By.cssSelector("#detail .history-list > li")).size() == 2,
                    "the history: the import and the edit");
            assertThat(text(b, "#detail .history-list > li")).contains("source:").contains("district survey");
            assertThat(b.driver.findElements(By.cssSelector("#detail [data-restore]"))).as("no restoring").isEmpty();
            assertThat(b.driver.findElements(By.cssSelector("#detail [data-show]"))).isNotEmpty();
            assertThat(b.errors()).as("console errors").isEmpty();
        }
    }
}
