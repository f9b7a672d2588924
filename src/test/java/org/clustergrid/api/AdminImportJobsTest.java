package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.api.AdminShapefileUploadTest.Multipart;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploads imported as jobs: 202 with where to follow them, progress while they run, then the same report or error
 * as the upload without waiting gives; only admins may follow them.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + AdminImportJobsTest.TOKEN)
class AdminImportJobsTest extends ServerTest {
    static final String TOKEN = "jobs-token";
    static final Path BORDERS = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");

    @Autowired
    Accounts accounts;

    HttpResponse<String> post(Multipart form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .header("X-Admin-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    static Multipart borders(String as) throws Exception {
        return new Multipart().field("kind", "layer").field("as", as).file("countries.geojson",
                Files.readAllBytes(BORDERS));
    }

    /** Polls the job every 50 ms until it is over; the states and snapshots seen on the way. */
    List<JsonNode> follow(String location) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            HttpResponse<String> r = get(location, "X-Admin-Token", TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode job = JSON.readTree(r.body());
            seen.add(job);
            if (job.path("state").asText().equals("succeeded") || job.path("state").asText().equals("failed")) {
                return seen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job did not finish: " + seen.get(seen.size() - 1));
    }

    @Test
    void aJobEndsWithTheReportTheUploadGivesWithoutWaiting() throws Exception {
        HttpResponse<String> sync = post(borders("countries"));
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(201);

        HttpResponse<String> accepted = post(borders("countries_again").field("async", "true"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode queued = JSON.readTree(accepted.body());
        assertThat(location).isEqualTo("/api/admin/imports/jobs/" + queued.path("id").asText());
        assertThat(queued.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(queued.path("state").asText()).isIn("queued", "running", "succeeded");

        List<JsonNode> seen = follow(location);
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
        JsonNode syncBody = JSON.readTree(sync.body());
        JsonNode report = done.path("report");
        assertThat(report.path("layer").path("name").asText()).isEqualTo("countries_again");
        assertThat(report.path("layer").path("featureCount").asInt()).isEqualTo(3)
                .isEqualTo(syncBody.path("layer").path("featureCount").asInt());
        assertThat(report.path("layer").path("attributes")).isEqualTo(syncBody.path("layer").path("attributes"));
        assertThat(report.path("report")).isEqualTo(syncBody.path("report"));
        assertThat(done.path("error").isNull()).isTrue();
        assertThat(done.path("pass").asInt()).isEqualTo(2);
        assertThat(done.path("features").asLong()).isEqualTo(3);
        assertThat(done.path("bytesRead").asLong()).isEqualTo(Files.size(BORDERS))
                .isEqualTo(done.path("bytesTotal").asLong());
        assertThat(JSON.readTree(get("/api/context-layers/countries_again").body()).path("featureCount").asInt())
                .isEqualTo(3);
    }

    @Test
    void anOsmLayerJobShowsItsProgressAndPreferRespondAsyncWorksToo() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        HttpResponse<String> accepted = post(new Multipart().field("kind", "layer").field("as", "banks")
                .field("osm-filter", "amenity=bank").file(pbf.getFileName().toString(), Files.readAllBytes(pbf)),
                "Prefer", "respond-async, wait=10");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
        List<JsonNode> seen = follow(accepted.headers().firstValue("Location").orElseThrow());
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("report").path("layer").path("featureCount").asInt()).isEqualTo(64);
        assertThat(done.path("features").asLong()).isEqualTo(64);
        assertThat(done.path("featuresTotal").asLong()).isEqualTo(64);
        assertThat(done.path("bytesTotal").asLong()).isEqualTo(Files.size(pbf));
        long bytes = 0;
        int pass = 0;
        for (JsonNode s : seen) { // never back within a pass, never beyond the file
            if (s.path("state").asText().equals("running") && s.path("pass").isInt()) {
                if (s.path("pass").asInt() == pass) {
                    assertThat(s.path("bytesRead").asLong()).isGreaterThanOrEqualTo(bytes);
                }
                pass = s.path("pass").asInt();
                bytes = s.path("bytesRead").asLong();
                assertThat(bytes).isBetween(0L, Files.size(pbf));
                assertThat(s.path("passName").asText()).isIn("reading", "writing");
            }
        }
    }

    @Test
    void aFailingJobEndsFailedWithTheUploadsErrorAndBadOptionsAreRefusedAtOnce() throws Exception {
        byte[] broken = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[\"x\"]}}]}").getBytes();
        HttpResponse<String> sync = post(new Multipart().field("kind", "layer").field("as", "broken")
                .file("broken.geojson", broken));
        assertThat(sync.statusCode()).isEqualTo(422);
        HttpResponse<String> accepted = post(new Multipart().field("kind", "layer").field("as", "broken")
                .field("async", "true").file("broken.geojson", broken));
        assertThat(accepted.statusCode()).isEqualTo(202);
        List<JsonNode> seen = follow(accepted.headers().firstValue("Location").orElseThrow());
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.path("state").asText()).isEqualTo("failed");
        assertThat(done.path("report").isNull()).isTrue();
        assertThat(done.path("error")).isEqualTo(JSON.readTree(sync.body()));
        assertThat(done.path("error").path("report").path("problems").findValuesAsText("file"))
                .contains("broken.geojson");

        HttpResponse<String> osmWithout = post(new Multipart().field("kind", "layer").field("as", "osm")
                .field("async", "true").file("p.osm.pbf", Files.readAllBytes(SharedData.pokharaPbf())));
        List<JsonNode> osmSeen = follow(osmWithout.headers().firstValue("Location").orElseThrow());
        JsonNode noFilter = osmSeen.get(osmSeen.size() - 1);
        assertThat(noFilter.path("state").asText()).isEqualTo("failed");
        assertThat(noFilter.path("error").path("status").asInt()).isEqualTo(422);
        assertThat(noFilter.path("error").path("report").path("problems").findValuesAsText("message").get(0))
                .contains("--osm-filter").contains("osm-filter field");

        HttpResponse<String> badFilter = post(borders("x").field("osm-filter", "amenity").field("async", "true"));
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.headers().firstValue("Location")).isEmpty();
        assertThat(JSON.readTree(badFilter.body()).path("message").asText()).contains("'amenity'");
    }

    @Test
    void onlyAdminsFollowJobs() throws Exception {
        HttpResponse<String> accepted = post(borders("mine").field("async", "true"));
        String location = accepted.headers().firstValue("Location").orElseThrow();
        follow(location);
        assertThat(get(location).statusCode()).isEqualTo(401);
        for (Role r : List.of(Role.VIEWER, Role.ANALYST, Role.EDITOR)) {
            String key = accounts.createKey("jobs-" + r.id(), r, null).secret();
            assertThat(get(location, "X-API-Key", key).statusCode()).as(r.id()).isEqualTo(403);
        }
        String admin = accounts.createKey("jobs-admin", Role.ADMIN, null).secret();
        assertThat(get(location, "X-API-Key", admin).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = get("/api/admin/imports/jobs/" + java.util.UUID.randomUUID(),
                "X-Admin-Token", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no import job");
    }
}
