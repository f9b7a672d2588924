package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Role;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signing in with the form: the session cookie, CSRF on browser writes, failures, the throttle, signing out. */
class LoginSecurityTest extends ServerTest {
    static final String PASSWORD = "a long enough passphrase";
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[80.30,20.30],[80.32,20.30],[80.32,20.32],"
            + "[80.30,20.32],[80.30,20.30]]]}";

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    SpatialStore store;

    /** A browser: keeps cookies, does not follow redirects. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        JsonNode session(String query) throws Exception {
            return JSON.readTree(get("/api/session" + query).body());
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            String token = session("?csrf").path("csrf").path("token").asText();
            String form = "_csrf=" + enc(token) + "&username=" + enc(username) + "&password=" + enc(password)
                    + "&next=" + enc("/index.html?cluster=x");
            return client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String csrfToken) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrfToken != null) {
                b.header("X-CSRF-TOKEN", csrfToken);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void signInGivesAnHttpOnlySameSiteSessionAndWritesNeedItsCsrfToken() throws Exception {
        accounts.addUser("ana", Role.ANALYST, PASSWORD);
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.signIn("ana", PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/index.html?cluster=x");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");

        JsonNode session = browser.session("");
        assertThat(session.path("user").asText()).isEqualTo("ana");
        assertThat(session.path("role").asText()).isEqualTo("analyst");
        String token = session.path("csrf").path("token").asText();
        assertThat(token).isNotBlank();

        assertThat(browser.post("/api/scores/geometry", POLYGON, null).statusCode()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(browser.post("/api/scores/geometry", POLYGON, "forged").statusCode()).isEqualTo(403);
        HttpResponse<String> scored = browser.post("/api/scores/geometry", POLYGON, token);
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(browser.post("/api/admin/keys", "{\"name\":\"x\",\"role\":\"viewer\"}", token).statusCode())
                .as("an analyst is not an admin").isEqualTo(403);

        HttpResponse<String> out = browser.client.send(HttpRequest.newBuilder(URI.create(url("/logout")))
                .header("X-CSRF-TOKEN", token).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(browser.session("").path("authenticated").asBoolean()).isFalse();
        assertThat(actions("ana")).contains("login", "POST /api/scores/geometry", "logout");
    }

    @Test
    void aWrongNameAndAWrongPasswordFailAlikeAndRepeatedFailuresAreThrottled() throws Exception {
        accounts.addUser("bob", Role.VIEWER, PASSWORD);
        HttpResponse<String> wrongPassword = new Browser().signIn("bob", "not the password at all");
        HttpResponse<String> wrongName = new Browser().signIn("nobody-here", PASSWORD);
        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location"))
                .isEqualTo(wrongName.headers().firstValue("Location"));
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).contains("login.html?error=credentials");

        for (int i = 1; i < LoginThrottle.PER_USER; i++) {
            new Browser().signIn("bob", "still not the password");
        }
        HttpResponse<String> throttled = new Browser().signIn("bob", PASSWORD);
        assertThat(throttled.headers().firstValue("Location").orElseThrow()).contains("error=throttled");
        assertThat(actions("anonymous")).contains("login-failed", "login-throttled");
    }

    @Test
    void passwordsAreStoredHashedAndAChangedPasswordEndsTheSession() throws Exception {
        accounts.addUser("carol", Role.EDITOR, PASSWORD);
        String stored = new JdbcTemplate(store.dataSource())
                .queryForObject("SELECT password_hash FROM app_user WHERE username = 'carol'", String.class);
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);

        Browser browser = new Browser();
        browser.signIn("carol", PASSWORD);
        assertThat(browser.session("").path("user").asText()).isEqualTo("carol");
        accounts.setPassword("carol", "another long passphrase");
        assertThat(browser.session("").path("authenticated").asBoolean()).isFalse();
        assertThat(browser.signIn("carol", PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("error=");
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() throws Exception {
        accounts.addUser("erin", Role.VIEWER, PASSWORD);
        Browser here = new Browser();
        Browser elsewhere = new Browser();
        here.signIn("erin", PASSWORD);
        elsewhere.signIn("erin", PASSWORD);
        String token = here.session("").path("csrf").path("token").asText();
        String change = "{\"current\":\"%s\",\"password\":\"%s\"}";
        String next = "a brand new passphrase";

        assertThat(here.post("/api/session/password", change.formatted(PASSWORD, next), null).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> wrong = here.post("/api/session/password", change.formatted("a wrong passphrase", next),
                token);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("current password is not right");
        HttpResponse<String> weak = here.post("/api/session/password", change.formatted(PASSWORD, "short"), token);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least");
        assertThat(here.post("/api/session/password", "{\"password\":\"x\"}", token).statusCode()).isEqualTo(400);

        HttpResponse<String> changed = here.post("/api/session/password", change.formatted(PASSWORD, next), token);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(here.session("").path("user").asText()).as("this session goes on").isEqualTo("erin");
        assertThat(elsewhere.session("").path("authenticated").asBoolean()).as("the other one ends").isFalse();
        assertThat(new Browser().signIn("erin", PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("error=");
        assertThat(new Browser().signIn("erin", next).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error=");
        assertThat(actions("erin")).contains("POST /api/session/password");

        String key = accounts.createKey("erin-script", Role.VIEWER, "erin").secret();
        HttpResponse<String> byKey = http.send(HttpRequest.newBuilder(URI.create(url("/api/session/password")))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(change.formatted(next, PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byKey.statusCode()).as("a key cannot change a password").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/session/password")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(change.formatted(next, PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void wrongCurrentPasswordsCountInTheSignInThrottle() throws Exception {
        accounts.addUser("finn", Role.VIEWER, PASSWORD);
        Browser browser = new Browser();
        browser.signIn("finn", PASSWORD);
        String token = browser.session("").path("csrf").path("token").asText();
        int last = 0;
        for (int i = 0; i <= LoginThrottle.PER_USER; i++) {
            last = browser.post("/api/session/password",
                    "{\"current\":\"guess number " + i + "\",\"password\":\"whatever long enough\"}", token)
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
        assertThat(new Browser().signIn("finn", PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("error=throttled");
    }

    @Test
    void weakPasswordsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.addUser("dan", Role.VIEWER, "short"))
                .hasMessageContaining("at least 12 characters");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.addUser("dan", Role.VIEWER, "x".repeat(73)))
                .hasMessageContaining("72 bytes");
    }

    @Test
    void theSignInPageIsOpenAndAnonymousWritesGetA401NotACsrfError() throws Exception {
        assertThat(new Browser().get("/login.html").body()).contains("<form id=\"login-form\"");
        HttpResponse<String> anonymous = new Browser().post("/api/scores/geometry", POLYGON, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }

    private List<String> actions(String actor) {
        return audit.page(1000, 0).stream().filter(e -> e.actor().equals(actor)).map(e -> e.action()).toList();
    }
}
