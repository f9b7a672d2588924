package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map's import form: hidden from visitors, shown to an admin, who imports the Pokhara extract's banks as a layer,
 * following the job's passes to its report, and sees the error of an OSM file sent without a filter.
 */
class AdminImportBrowserTest extends ServerTest {
    @Autowired
    Accounts accounts;

    @Test
    void anAdminImportsAnOsmLayerAndFollowsItsProgress() throws Exception {
        accounts.addUser("ada", Role.ADMIN, "a long enough passphrase");
        try (Browser browser = Browser.start(1366, 900)) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            browser.driver.get(url("/"));
            wait.until(d -> d.findElements(By.cssSelector("#ranking-table tbody tr")).size() > 1);
            assertThat(browser.driver.findElement(By.id("import-section")).isDisplayed()).isFalse();

            browser.driver.get(url("/login.html"));
            wait.until(d -> d.findElement(By.id("login-submit")).isEnabled());
            browser.driver.findElement(By.id("login-username")).sendKeys("ada");
            browser.driver.findElement(By.id("login-password")).sendKeys("a long enough passphrase");
            browser.driver.findElement(By.id("login-submit")).click();
            wait.until(d -> d.findElement(By.id("account")).getText().contains("Signed in as ada (admin)"));
            wait.until(d -> d.findElement(By.id("import-section")).isDisplayed());

            // every text the status shows, as it changes
            browser.js("window.__importTexts = []; new MutationObserver(function () {"
                    + " window.__importTexts.push(document.getElementById('import-status').textContent); })"
                    + ".observe(document.getElementById('import-status'), {childList: true, subtree: true});");
            WebElement form = browser.driver.findElement(By.id("import-form"));
            new Select(form.findElement(By.name("kind"))).selectByValue("layer");
            form.findElement(By.name("file")).sendKeys(SharedData.pokharaPbf().toAbsolutePath().toString());
            form.findElement(By.name("as")).sendKeys("banks");
            form.findElement(By.name("osm-filter")).sendKeys("amenity=bank");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("import-status")).getText().contains("Imported layer"));
            assertThat(browser.driver.findElement(By.id("import-status")).getText()).contains("“banks”: 64 features");
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) browser.js("return window.__importTexts;");
            assertThat(texts).anySatisfy(t -> assertThat(t).matches("Pass [12] of 2 \\((reading|writing)\\): \\d+ %, .*"
                    + " features, .*(left|time left not yet known)"));
            browser.screenshot("import-done");

            // the same file without a filter: the job fails with the reason
            form = browser.driver.findElement(By.id("import-form"));
            form.findElement(By.name("as")).clear();
            form.findElement(By.name("as")).sendKeys("again");
            form.findElement(By.name("osm-filter")).clear();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("import-status")).getText().contains("Import failed"));
            assertThat(browser.driver.findElement(By.id("import-status")).getText()).contains("--osm-filter");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
