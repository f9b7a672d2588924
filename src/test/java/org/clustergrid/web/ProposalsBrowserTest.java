package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proposals in the web map: a viewer proposes a correction of a cluster from its panel and sees it pending; an editor
 * finds it in the panel's queue and accepts it with a note; the register has the change and the viewer sees it
 * accepted.
 */
class ProposalsBrowserTest extends ServerTest {
    static final String ID = "CG-XX-000003";

    @Autowired
    Accounts accounts;

    JsonNode get(String path, String key) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url(path))).header("X-API-Key", key).build();
        return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
    }

    static void openCluster(Browser b) {
        b.driver.findElement(By.cssSelector("#ranking-table tr[data-id='" + ID + "']")).click();
        b.waitFor(() -> b.driver.findElements(By.cssSelector("#detail .proposals")).size() == 1, "the proposals part");
    }

    @Test
    void aViewerProposesAndAnEditorAccepts() throws Exception {
        accounts.addUser("vera", Role.VIEWER, "a long enough passphrase");
        accounts.addUser("eddie", Role.EDITOR, "another long passphrase");
        String key = accounts.createKey("check", Role.EDITOR, null).secret();
        int firms = get("/api/clusters/" + ID, key).path("properties").path("firms").asInt();
        try (Browser viewer = Browser.start(1366, 900)) {
            viewer.signIn(url("/login.html"), "vera", "a long enough passphrase", "viewer");
            openCluster(viewer);
            viewer.driver.findElement(By.xpath("//button[text()='Propose a correction']")).click();
            viewer.waitFor(() -> viewer.driver.findElements(By.cssSelector(".proposal-form")).size() == 1, "the form");
            WebElement form = viewer.driver.findElement(By.cssSelector(".proposal-form"));
            form.findElement(By.name("firms")).clear();
            form.findElement(By.name("firms")).sendKeys(String.valueOf(firms + 7));
            form.findElement(By.name("comment")).sendKeys("seven new workshops");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            viewer.waitFor(() -> viewer.driver.findElement(By.cssSelector("#detail .proposals")).getText()
                    .contains("sent; an editor will accept or reject it"), "the proposal sent");
            viewer.waitFor(() -> viewer.driver.findElement(By.cssSelector("#detail .proposal-list")).getText()
                    .contains("pending"), "the proposal listed as pending");
            viewer.screenshot("proposal-sent");
            assertThat(viewer.errors()).isEmpty();
        }
        JsonNode pending = get("/api/proposals?status=pending", key).path("proposals").get(0);
        assertThat(pending.path("proposer").asText()).isEqualTo("vera");
        assertThat(pending.path("body").path("properties").size()).as("only the field changed").isEqualTo(1);

        try (Browser editor = Browser.start(1366, 900)) {
            editor.signIn(url("/login.html"), "eddie", "another long passphrase", "editor");
            openCluster(editor);
            WebElement item = editor.driver.findElement(By.cssSelector(".proposal-list li[data-id='"
                    + pending.path("id").asText() + "']"));
            assertThat(item.getText()).contains("firms → " + (firms + 7)).contains("seven new workshops");
            item.findElement(By.cssSelector(".proposal-note")).sendKeys("matches the survey");
            item.findElement(By.cssSelector("button[data-decision=accept]")).click();
            editor.waitFor(() -> editor.driver.findElement(By.cssSelector("#detail .facts")).getText()
                    .contains((firms + 7) + " firms"), "the panel showing the accepted change");
            editor.screenshot("proposal-accepted");
            assertThat(editor.errors()).isEmpty();
        }
        assertThat(get("/api/clusters/" + ID, key).path("properties").path("firms").asInt()).isEqualTo(firms + 7);
        JsonNode decided = get("/api/proposals/" + pending.path("id").asText(), key);
        assertThat(decided.path("status").asText()).isEqualTo("accepted");
        assertThat(decided.path("note").asText()).isEqualTo("matches the survey");
        assertThat(decided.path("decidedBy").asText()).isEqualTo("eddie");
    }
}
