package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.clustergrid.ingest.shapefile.TestShapefile;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin upload of a shapefile sent as its separate .shp/.shx/.dbf/.prj/.cpg parts, not zipped. */
class AdminShapefileUploadTest extends ServerTest {
    static final String TOKEN = "test-token";
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> TOKEN);
    }

    /** The parts of a point shapefile of clusters with canonical field names, by extension. */
    static Map<String, byte[]> clusterParts(String... idsAndNames) {
        GeometryFactory gf = new GeometryFactory();
        TestShapefile shp = new TestShapefile().field("source_id", 'C', 10, 0).field("name", 'C', 40, 0);
        for (int i = 0; i < idsAndNames.length; i += 2) {
            shp.add(gf.createPoint(new Coordinate(80.1 + i * 0.01, 20.1)), idsAndNames[i], idsAndNames[i + 1]);
        }
        return shp.files(WGS84_PRJ, "UTF-8");
    }

    @Test
    void separatePartsAreReadAsOneShapefilePerBaseName() throws Exception {
        Map<String, byte[]> sites = clusterParts("s1", "Bell metal", "s2", "Pottery");
        Map<String, byte[]> works = clusterParts("w1", "Dye works");
        Multipart form = new Multipart().field("kind", "clusters").field("dataset", "parts");
        // parts in any order, two shapefiles interleaved
        for (String ext : new String[] {"dbf", "prj", "shx", "cpg", "shp"}) {
            form.file("sites." + ext, sites.get(ext)).file("works." + ext, works.get(ext));
        }
        HttpResponse<String> r = post(form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("dataset").path("featureCounts").path("clusters").asInt()).isEqualTo(3);
        assertThat(body.path("report").path("errorCount").asInt()).isZero();
        assertThat(body.path("report").path("warningCount").asInt()).as("the .prj was used").isZero();
        JsonNode names = JSON.readTree(send("/api/layers/clusters/items?limit=100",
                HttpResponse.BodyHandlers.ofString()).body()).path("features");
        assertThat(names.findValuesAsText("name")).contains("Bell metal", "Pottery", "Dye works");
    }

    @Test
    void aMissingDbfOrShpIsNamedAndNothingIsWritten() throws Exception {
        Map<String, byte[]> sites = clusterParts("s1", "Bell metal");
        long version = dataVersion();

        HttpResponse<String> noDbf = post(new Multipart().field("kind", "clusters").field("dataset", "broken")
                .file("sites.shp", sites.get("shp")).file("sites.shx", sites.get("shx"))
                .file("sites.prj", sites.get("prj")));
        assertThat(noDbf.statusCode()).as(noDbf.body()).isEqualTo(422);
        assertThat(problems(noDbf)).containsExactly(
                "ERROR: sites.shp: missing .dbf file (the attribute table): expected sites.dbf");
        assertThat(JSON.readTree(noDbf.body()).path("report").has("accepted")).as("no counts: nothing written")
                .isFalse();

        HttpResponse<String> noShp = post(new Multipart().field("kind", "clusters").field("dataset", "broken")
                .file("sites.dbf", sites.get("dbf")).file("sites.shx", sites.get("shx"))
                .file("sites.prj", sites.get("prj")));
        assertThat(noShp.statusCode()).as(noShp.body()).isEqualTo(422);
        assertThat(problems(noShp)).containsExactly("ERROR: sites.shp: missing: the shapefile's .shp (its geometries)"
                + " was not given, only sites.dbf, sites.prj, sites.shx; give sites.shp with them, or all parts in"
                + " one .zip");

        assertThat(dataVersion()).isEqualTo(version);
        assertThat(send("/api/datasets/broken", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    long dataVersion() throws Exception {
        return JSON.readTree(send("/api/health", HttpResponse.BodyHandlers.ofString()).body()).path("dataVersion")
                .asLong();
    }

    static java.util.List<String> problems(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("report").path("problems").findValuesAsText("text");
    }

    HttpResponse<String> post(Multipart form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data body with binary file parts. */
    static final class Multipart {
        final String boundary = "----cg" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        Multipart file(String filename, byte[] content) {
            return part("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", content);
        }

        private Multipart part(String headers, byte[] content) {
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }
    }
}
