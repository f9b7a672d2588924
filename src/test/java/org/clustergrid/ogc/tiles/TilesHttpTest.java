package org.clustergrid.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Vector tiles, TileJSON and the HTTP hygiene of read endpoints (304s, CORS, gzip) on the demo region. */
class TilesHttpTest extends ServerTest {

    @DynamicPropertySource
    static void adminToken(DynamicPropertyRegistry r) {
        r.add("clustergrid.admin.token", () -> "test-token");
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    /** The XYZ tile holding a point. */
    static String tile(double lon, double lat, int z) {
        long n = 1L << z;
        long x = (long) Math.floor((lon + 180) / 360 * n);
        double phi = Math.toRadians(lat);
        long y = (long) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n);
        return z + "/" + x + "/" + y;
    }

    @Test
    void tilesOfTheDemoRegion() throws Exception {
        JsonNode tileJson = JSON.readTree(get("/tiles/roads.json").body());
        assertThat(tileJson.path("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(tileJson.path("tiles").get(0).asText()).endsWith("/tiles/roads/{z}/{x}/{y}.mvt");
        assertThat(tileJson.path("bounds")).hasSize(4);
        assertThat(tileJson.path("attribution").asText()).contains("Synthetic");
        JsonNode fields = tileJson.path("vector_layers").get(0).path("fields");
        assertThat(fields.path("class").asText()).isEqualTo("String");
        assertThat(fields.path("all_season").asText()).isEqualTo("Boolean");
        double lon = (tileJson.path("bounds").get(0).asDouble() + tileJson.path("bounds").get(2).asDouble()) / 2;
        double lat = (tileJson.path("bounds").get(1).asDouble() + tileJson.path("bounds").get(3).asDouble()) / 2;

        HttpResponse<byte[]> r = get("/tiles/roads/" + tile(lon, lat, 10) + ".mvt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        var mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
                new TagKeyValueMapConverter());
        assertThat(mvt.getLayer("roads").getGeometries()).isNotEmpty();

        assertThat(get("/tiles/roads/" + tile(-120, -40, 10) + ".mvt").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> deep = get("/tiles/roads/23/0/0.mvt");
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(new String(deep.body())).contains("zoom must be between 0 and 22");
        assertThat(get("/tiles/roads/3/8/0.mvt").statusCode()).isEqualTo(400);
        assertThat(get("/tiles/roads/3/a/0.mvt").statusCode()).isEqualTo(400);
        assertThat(get("/tiles/rivers/3/0/0.mvt").statusCode()).isEqualTo(404);
        assertThat(get("/tiles/rivers.json").statusCode()).isEqualTo(404);
    }

    @Test
    void aCachedTileFollowsAnImport() throws Exception {
        String path = "/tiles/clusters/" + tile(-60.05, -30.05, 12) + ".mvt";
        assertThat(get(path).statusCode()).isEqualTo(204);
        assertThat(get(path).statusCode()).as("asked again, still empty").isEqualTo(204);

        String csv = "source_id,name,lat,lon\nt1,Tile test cluster,-30.05,-60.05\n";
        String boundary = "----cg" + java.util.UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "clusters") + ApiTest.part(boundary, "dataset", null,
                "tile-cache") + ApiTest.part(boundary, "file", "tile-cache.csv", csv) + "--" + boundary + "--\r\n";
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Admin-Token", "test-token").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        var mvt = MvtReader.loadMvt(new ByteArrayInputStream(r.body()), new GeometryFactory(),
                new TagKeyValueMapConverter());
        assertThat(mvt.getLayer("clusters").getGeometries()).hasSize(1);
    }

    @Test
    void unchangedDataAnswer304() throws Exception {
        for (String path : new String[] {"/api/layers", "/ogc/features/collections/roads/items?limit=5",
                "/tiles/roads.json"}) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(etag).startsWith("W/\"v");
            assertThat(get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(get(path, "If-None-Match", "W/\"v999999-0\"").statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<byte[]> html = get("/ogc/features/collections", "Accept", "text/html");
        HttpResponse<byte[]> json = get("/ogc/features/collections", "Accept", "application/json");
        assertThat(html.headers().firstValue("ETag")).isNotEqualTo(json.headers().firstValue("ETag"));
    }

    @Test
    void readEndpointsAreOpenToEveryOriginButAdminIsNot() throws Exception {
        for (String path : new String[] {"/api/layers", "/api/datasets", "/ogc/features/collections",
                "/ogc/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/tiles/roads.json", "/tiles/roads/0/0/0.mvt",
                "/tiles/roads/99/0/0.mvt"}) {
            assertThat(get(path, "Origin", "http://example.org").headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path).hasValue("*");
        }
        assertThat(get("/api/admin/imports", "Origin", "http://example.org").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void textAndTilesAreGzippedWhenAsked() throws Exception {
        String z10 = tile(80.3, 20.3, 10);
        JsonNode bounds = JSON.readTree(get("/tiles/roads.json").body()).path("bounds");
        String tile = tile((bounds.get(0).asDouble() + bounds.get(2).asDouble()) / 2,
                (bounds.get(1).asDouble() + bounds.get(3).asDouble()) / 2, 8);
        for (String path : new String[] {"/api/layers/roads/items?limit=200",
                "/ogc/features/collections/roads/items?limit=200&f=csv", "/ogc/features/collections/roads?f=html",
                "/tiles/roads/" + tile + ".mvt"}) {
            HttpResponse<byte[]> r = get(path, "Accept-Encoding", "gzip");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Encoding")).as(path + " " + z10).hasValue("gzip");
        }
        // pages compressed at the fast level and tiles compressed once read back to exactly the plain answer
        for (String path : new String[] {"/ogc/features/collections/roads/items?limit=200&f=csv",
                "/api/layers/roads/items?limit=200", "/tiles/roads/" + tile + ".mvt"}) {
            HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "gzip");
            HttpResponse<byte[]> plain = get(path);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(zipped.headers().allValues("Vary").toString()).containsIgnoringCase("Accept-Encoding");
            byte[] unzipped = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
            if (path.endsWith(".mvt")) {
                assertThat(unzipped).as(path).isEqualTo(plain.body());
                continue;
            }
            // the answers differ only in their time stamps
            String timeStamp = "\"timeStamp\":\"[^\"]*\"";
            assertThat(new String(unzipped).replaceAll(timeStamp, "")).as(path)
                    .isEqualTo(new String(plain.body()).replaceAll(timeStamp, ""));
        }
    }
}
