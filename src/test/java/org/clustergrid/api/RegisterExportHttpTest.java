package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The register's export over HTTP on the demo region with a cluster made over Part 4: a download for a viewer in
 * each format, which an admin upload with {@code kind=register} restores with no new version.
 */
class RegisterExportHttpTest extends ServerTest {
    static final String TOKEN = "register-export-admin-token-0123456789";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    @Autowired
    Accounts accounts;

    @Test
    void aViewerDownloadsItAndAnAdminRestoresItUnchanged() throws Exception {
        String editor = accounts.createKey("editor-export", Role.EDITOR, null).secret();
        String viewer = accounts.createKey("viewer-export", Role.VIEWER, null).secret();
        HttpResponse<String> made = exchange("POST", "/ogc/features/collections/clusters/items", editor,
                "application/geo+json", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                        + "[80.25,20.31]},\"properties\":{\"name\":\"Riverside Looms\",\"firms\":40}}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = JSON.readTree(made.body()).path("id").asText();

        for (String f : new String[] {"csv", "geojson", "gpkg"}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/register/export?f=" + f)))
                    .header("X-API-Key", viewer).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                    .matches("attachment; filename=\"clustergrid-register-\\d{4}-\\d\\d-\\d\\d\\." + f + "\"");
            String head = new String(Arrays.copyOf(r.body(), 16), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith(switch (f) {
                case "csv" -> "cluster_grid_id,";
                case "geojson" -> "{\"type\":\"Feature";
                default -> "SQLite format 3";
            });
            assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).contains(id).contains("Riverside Looms");

            int latest = history(viewer, id).path("latest").asInt();
            int demoLatest = history(viewer, "CG-XX-000001").path("latest").asInt();
            HttpResponse<String> restored = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                    .header("Content-Type", "multipart/form-data; boundary=" + upload(f, r.body()).boundary)
                    .header("X-Admin-Token", TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload(f, r.body()).body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(restored.body());
            assertThat(body.path("restored").path("register").asInt()).isEqualTo(1);
            assertThat(body.path("restored").path("demo").asInt()).isGreaterThan(5);
            assertThat(body.path("datasets").path("made").asInt()).as("the store has them").isZero();
            assertThat(body.path("datasets").path("changed").asInt()).as("an untouched export").isZero();
            assertThat(history(viewer, id).path("latest").asInt()).as("unchanged: no version").isEqualTo(latest);
            assertThat(history(viewer, "CG-XX-000001").path("latest").asInt()).isEqualTo(demoLatest);
        }
        for (String f : new String[] {"csv", "geojson"}) {
            HttpResponse<String> rows = exchange("GET", "/api/register/export?f=" + f + "&table=interventions", viewer,
                    null, null);
            assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
            assertThat(rows.headers().firstValue("Content-Disposition").orElseThrow()).matches(
                    "attachment; filename=\"clustergrid-register-\\d{4}-\\d\\d-\\d\\d-interventions\\." + f + "\"");
            assertThat(rows.body()).startsWith(f.equals("csv") ? "id,cluster_grid_id," : "{\"type\":\"Feature");
            HttpResponse<String> datasets = exchange("GET", "/api/register/export?f=" + f + "&table=datasets", viewer,
                    null, null);
            assertThat(datasets.statusCode()).as(datasets.body()).isEqualTo(200);
            assertThat(datasets.headers().firstValue("Content-Disposition").orElseThrow()).matches(
                    "attachment; filename=\"clustergrid-register-\\d{4}-\\d\\d-\\d\\d-datasets\\." + f + "\"");
            assertThat(datasets.body()).startsWith(f.equals("csv") ? "dataset,title,source,licence," : "{\"type\":"
                    + "\"Feature").contains("Cluster register (edited)"); // the dataset of the edited cluster
        }
        assertThat(exchange("GET", "/api/register/export?f=csv&table=nope", viewer, null, null).statusCode())
                .isEqualTo(400);
        assertThat(exchange("GET", "/api/register/export?f=shp", viewer, null, null).statusCode()).isEqualTo(400);
        assertThat(exchange("GET", "/api/register/export?dataset=nope", viewer, null, null).statusCode())
                .isEqualTo(404);
        assertThat(exchange("GET", "/api/register/export?f=csv&dataset=register", viewer, null, null).body())
                .contains(id).doesNotContain("demo-01");
    }

    private final java.util.Map<String, AdminShapefileUploadTest.Multipart> forms = new java.util.HashMap<>();

    /** The same form for both uses of one format (its boundary and its body). */
    AdminShapefileUploadTest.Multipart upload(String f, byte[] file) {
        return forms.computeIfAbsent(f, k -> new AdminShapefileUploadTest.Multipart().field("kind", "register")
                .file("register." + f, file));
    }

    JsonNode history(String key, String id) throws Exception {
        HttpResponse<String> r = exchange("GET", "/api/clusters/" + id + "/history", key, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
