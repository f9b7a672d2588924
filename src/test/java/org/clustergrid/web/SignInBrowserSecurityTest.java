package org.clustergrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With anonymous read off, a browser opening the map is sent to the sign-in page, signs in with the form, sees the
 * map with who is signed in, changes the password and stays signed in, and signs out again.
 */
class SignInBrowserSecurityTest extends ServerTest {
    @DynamicPropertySource
    static void noAnonymousRead(DynamicPropertyRegistry r) {
        r.add("clustergrid.security.anonymous-read", () -> "false");
    }

    @Autowired
    Accounts accounts;

    @Test
    void signInShowTheMapAndSignOut() throws Exception {
        accounts.addUser("ana", Role.ANALYST, "a long enough passphrase");
        try (Browser browser = Browser.start(1366, 768)) {
            // each form submission loads a new page: elements found on the old one go stale
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            browser.driver.get(url("/"));
            wait.until(d -> d.getCurrentUrl().contains("/login.html?next="));
            wait.until(d -> d.findElement(By.id("login-submit")).isEnabled());

            browser.driver.findElement(By.id("login-username")).sendKeys("ana");
            browser.driver.findElement(By.id("login-password")).sendKeys("wrong password, surely");
            browser.driver.findElement(By.id("login-submit")).click();
            wait.until(d -> d.getCurrentUrl().contains("error=credentials"));
            wait.until(d -> d.findElement(By.id("login-message")).getText().contains("wrong"));
            browser.screenshot("sign-in-failed");

            wait.until(d -> d.findElement(By.id("login-submit")).isEnabled());
            browser.driver.findElement(By.id("login-username")).sendKeys("ana");
            browser.driver.findElement(By.id("login-password")).sendKeys("a long enough passphrase");
            browser.driver.findElement(By.id("login-submit")).click();
            wait.until(d -> d.findElement(By.id("account")).getText().contains("Signed in as ana (analyst)"));
            wait.until(d -> d.findElements(By.cssSelector("#ranking-table tbody tr")).size() > 1);
            assertThat(browser.errors()).isEmpty();
            browser.screenshot("signed-in");

            // a new password through the header's dialog; the session goes on
            browser.driver.findElement(By.xpath("//*[@id='account']//button[text()='Change password']")).click();
            wait.until(d -> d.findElement(By.id("password-dialog")).isDisplayed());
            By dialog = By.id("password-dialog");
            browser.driver.findElement(dialog).findElement(By.name("current")).sendKeys("a long enough passphrase");
            browser.driver.findElement(dialog).findElement(By.name("password")).sendKeys("another fine passphrase");
            browser.driver.findElement(dialog).findElement(By.name("again")).sendKeys("another fine passphrase");
            browser.driver.findElement(dialog).findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.cssSelector("#password-dialog .login-message")).getText()
                    .contains("Password changed"));
            browser.screenshot("password-changed");
            browser.driver.findElement(dialog).findElement(By.xpath(".//button[text()='Cancel']")).click();
            assertThat(accounts.passwordMatches(accounts.existing("ana"), "another fine passphrase")).isTrue();
            browser.driver.navigate().refresh();
            wait.until(d -> d.findElement(By.id("account")).getText().contains("Signed in as ana (analyst)"));
            assertThat(browser.errors()).isEmpty();

            browser.driver.findElement(By.cssSelector("#account button")).click();
            wait.until(d -> d.getCurrentUrl().contains("/login.html?signedout"));
            assertThat(browser.driver.findElement(By.id("login-message")).getText()).contains("signed out");
            browser.driver.get(url("/api/layers"));
            assertThat(browser.driver.getPageSource()).contains("401");
        }
    }
}
