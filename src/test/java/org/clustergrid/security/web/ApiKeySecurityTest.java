package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scripts with API keys: keys made and revoked over HTTP, stored hashed, capped by their user's role; imports and
 * deletes audited with who, what and the result.
 */
class ApiKeySecurityTest extends ServerTest {
    static final String TOKEN = "api-key-test-token";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    @Autowired
    Accounts accounts;

    @Autowired
    SpatialStore store;

    HttpResponse<String> call(String method, String path, String key, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keysAreMadeOnceStoredHashedAndRevocable() throws Exception {
        HttpResponse<String> made = call("POST", "/api/admin/keys", TOKEN, "application/json",
                "{\"name\":\"nightly scores\",\"role\":\"analyst\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode k = JSON.readTree(made.body());
        String key = k.path("key").asText();
        assertThat(key).startsWith("cgk_" + k.path("id").asText() + "_");

        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[80.3,20.3],[80.31,20.3],[80.31,20.31],[80.3,20.3]]]}";
        assertThat(call("POST", "/api/scores/geometry", key, "application/json", polygon).statusCode())
                .as("a key needs no CSRF token").isEqualTo(200);
        JsonNode listed = JSON.readTree(call("GET", "/api/admin/keys", TOKEN, null, null).body()).get(0);
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.path("lastUsedAt").isNull()).isFalse();
        String hash = new JdbcTemplate(store.dataSource()).queryForObject("SELECT key_hash FROM api_key WHERE id = ?",
                String.class, k.path("id").asText());
        assertThat(hash).hasSize(64).isNotEqualTo(key).doesNotContain(key.substring(17));

        assertThat(call("DELETE", "/api/admin/keys/" + k.path("id").asText(), TOKEN, null, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = call("POST", "/api/scores/geometry", key, "application/json", polygon);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(call("GET", "/api/layers", key, null, null).statusCode()).as("not served as anonymous")
                .isEqualTo(401);
        assertThat(call("GET", "/api/layers", "cgk_000000000000_" + "A".repeat(43), null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aKeyNeverDoesMoreThanItsUserAndEndsWithThem() throws Exception {
        accounts.addUser("keeper", Role.ADMIN, "a long enough passphrase"); // erin is not the last admin
        assertThat(call("POST", "/api/admin/users", TOKEN, "application/json",
                "{\"username\":\"erin\",\"role\":\"admin\",\"password\":\"a long enough passphrase\"}").statusCode())
                .isEqualTo(201);
        String key = accounts.createKey("erin's script", Role.ADMIN, "erin").secret();
        assertThat(call("GET", "/api/admin/users", key, null, null).statusCode()).isEqualTo(200);

        assertThat(call("PATCH", "/api/admin/users/erin", TOKEN, "application/json", "{\"role\":\"viewer\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/admin/users", key, null, null).statusCode()).as("capped at viewer")
                .isEqualTo(403);
        assertThat(call("GET", "/api/layers", key, null, null).statusCode()).isEqualTo(200);

        assertThat(call("DELETE", "/api/admin/users/erin", TOKEN, null, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/layers", key, null, null).statusCode()).isEqualTo(401);
        assertThat(call("DELETE", "/api/admin/users/erin", TOKEN, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void importsAndDeletesAreAuditedWithWhoWhatAndResult() throws Exception {
        String boundary = "audit-boundary";
        String csv = "source_id,name,lat,lon,firms\na1,Audited,20.31,80.31,10\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nclusters\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\naudited\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        String admin = accounts.createKey("importer", Role.ADMIN, null).secret();
        String viewer = accounts.createKey("onlooker", Role.VIEWER, null).secret();
        HttpResponse<String> imported = call("POST", "/api/admin/imports", admin,
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(call("DELETE", "/api/admin/datasets/audited", viewer, null, null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/admin/datasets/audited", admin, null, null).statusCode()).isEqualTo(204);

        JsonNode page = JSON.readTree(call("GET", "/api/admin/audit?limit=3", TOKEN, null, null).body());
        assertThat(page.path("numberMatched").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode deleted = page.path("entries").get(0);
        assertThat(deleted.path("action").asText()).isEqualTo("DELETE /api/admin/datasets/audited");
        assertThat(deleted.path("actor").asText()).startsWith("importer (key ");
        assertThat(deleted.path("via").asText()).isEqualTo("key");
        assertThat(deleted.path("status").asInt()).isEqualTo(204);
        assertThat(deleted.path("target").asText()).isEqualTo("id=audited");
        JsonNode refused = page.path("entries").get(1);
        assertThat(refused.path("actor").asText()).startsWith("onlooker");
        assertThat(refused.path("status").asInt()).isEqualTo(403);
        JsonNode upload = page.path("entries").get(2);
        assertThat(upload.path("action").asText()).isEqualTo("POST /api/admin/imports");
        assertThat(upload.path("target").asText()).isEqualTo("dataset=audited");
        assertThat(upload.path("status").asInt()).isEqualTo(201);
        assertThat(upload.path("at").asText()).isNotBlank();
        assertThat(page.path("links").get(0).path("rel").asText()).isEqualTo("next");
    }

    @Test
    void badRequestsSayWhy() throws Exception {
        HttpResponse<String> badRole = call("POST", "/api/admin/keys", TOKEN, "application/json",
                "{\"name\":\"x\",\"role\":\"superuser\"}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRole.body()).path("message").asText()).contains("viewer, analyst, editor, admin");
        assertThat(call("POST", "/api/admin/users", TOKEN, "application/json",
                "{\"username\":\"weak\",\"role\":\"viewer\",\"password\":\"short\"}").statusCode()).isEqualTo(400);
    }
}
