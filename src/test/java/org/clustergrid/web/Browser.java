package org.clustergrid.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Debian Chromium driven by chromedriver, for the web map's end-to-end tests. Skips the test with the
 * reason when either program is missing, or fails instead when {@code clustergrid.test.requireBrowser=true} (or the
 * environment variable {@code CLUSTERGRID_TEST_REQUIRE_BROWSER=true}), as CI sets. Paths can be moved with
 * {@code clustergrid.test.chromium} and {@code clustergrid.test.chromedriver}.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(60);

    /**
     * Collects console errors and uncaught exceptions in the page itself, before any page script runs: the
     * WebDriver log API is not part of W3C WebDriver, so this does not depend on it.
     */
    private static final String CONSOLE_HOOK = """
            (function () {
              window.__cgErrors = [];
              var orig = console.error;
              console.error = function () {
                window.__cgErrors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
                return orig.apply(console, arguments);
              };
              window.addEventListener('error', function (e) {
                window.__cgErrors.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href))));
              }, true);
              window.addEventListener('unhandledrejection', function (e) {
                window.__cgErrors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason));
              });
            })();
            """;

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile and a window of the given size, or skips / fails when absent. */
    static Browser start(int width, int height) throws IOException {
        File chromium = new File(System.getProperty("clustergrid.test.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("clustergrid.test.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String reason = "headless browser tests need Debian's chromium and chromium-driver ("
                    + (chromium.canExecute() ? "" : chromium + " missing ")
                    + (chromedriver.canExecute() ? "" : chromedriver + " missing") + "); apt-get install -y chromium "
                    + "chromium-driver";
            if (required()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("clustergrid-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CONSOLE_HOOK));
        return new Browser(driver, service, profile);
    }

    static boolean required() {
        return Boolean.getBoolean("clustergrid.test.requireBrowser")
                || "true".equalsIgnoreCase(System.getenv("CLUSTERGRID_TEST_REQUIRE_BROWSER"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Errors the page reported: its own console hook, plus the browser log's SEVERE entries where supported. */
    /** Opens a page of the map and waits until it says it is ready. */
    void open(String url) {
        driver.get("about:blank");
        driver.get(url);
        waitFor(() -> "true".equals(js("return document.body && document.body.getAttribute('data-ready');")),
                "page ready");
    }

    /** A new user of that role, signed in on the login page ({@code url}) in a browser of its own. */
    static Browser signedIn(org.clustergrid.security.Accounts accounts, String url, String user,
            org.clustergrid.security.Role role, String password) throws IOException {
        accounts.addUser(user, role, password);
        Browser b = start(1366, 900);
        try {
            b.signIn(url, user, password, role.name().toLowerCase(java.util.Locale.ROOT));
            return b;
        } catch (RuntimeException | Error e) {
            b.close();
            throw e;
        }
    }

    /** Signs in on the login page ({@code url}) and waits for the map to say who is signed in, as what. */
    void signIn(String url, String user, String password, String role) {
        driver.get(url);
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver,
                WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> d.findElement(org.openqa.selenium.By.id("login-submit")).isEnabled());
        driver.findElement(org.openqa.selenium.By.id("login-username")).sendKeys(user);
        driver.findElement(org.openqa.selenium.By.id("login-password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
        wait.until(d -> d.findElement(org.openqa.selenium.By.id("account")).getText()
                .contains("Signed in as " + user + " (" + role + ")"));
        waitFor(() -> "true".equals(js("return document.body && document.body.getAttribute('data-ready');")),
                "page ready");
    }

    /** Waits for a condition, saying what it waited for, the page's messages and console errors when it times out. */
    void waitFor(java.util.function.BooleanSupplier condition, String what) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "waiting for " + what + "; messages=" + js("return document"
                        + ".getElementById('messages').textContent;") + "; errors=" + errors())
                .until(d -> condition.getAsBoolean());
    }

    List<String> errors() {
        List<String> out = new ArrayList<>();
        Object hooked = js("return window.__cgErrors || [];");
        if (hooked instanceof List<?> l) {
            l.forEach(e -> out.add(String.valueOf(e)));
        }
        try {
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    out.add("browser log: " + e.getMessage());
                }
            }
        } catch (RuntimeException unsupported) {
            // a chromedriver without the legacy log endpoint: the hook above still reports
        }
        return out;
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary profile; the OS cleans up what is left
        }
    }
}
