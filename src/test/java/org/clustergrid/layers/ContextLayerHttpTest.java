package org.clustergrid.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A GeoJSON of country borders uploaded as a layer of its own, then read as a GIS client would: an OGC API collection
 * with typed queryables, items in GeoJSON, CSV and HTML, CQL2 filters and bbox, single features, and deleted again.
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + ContextLayerHttpTest.TOKEN)
class ContextLayerHttpTest extends ServerTest {
    static final String TOKEN = "context-token";
    static final String BORDERS = "src/test/resources/boundaries/south-asia-countries.geojson";

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String name, String as) throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "layer") + ApiTest.part(boundary, "as", null, as)
                + ApiTest.part(boundary, "title", null, "South Asian countries")
                + ApiTest.part(boundary, "licence", null, "ODbL 1.0")
                + ApiTest.part(boundary, "file", name, Files.readString(Path.of(BORDERS))) + "--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadedLayerIsAnOgcCollectionWithTypedQueryablesItemsAndFilters() throws Exception {
        HttpResponse<String> created = upload("countries.geojson", "countries");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode layer = JSON.readTree(created.body()).path("layer");
        assertThat(layer.path("featureCount").asInt()).isEqualTo(3);
        assertThat(layer.path("geometry").asText()).isEqualTo("polygon");
        assertThat(layer.path("attributes").path("A3").asText()).isEqualTo("text");

        JsonNode collections = JSON.readTree(get("/ogc/features/collections").body()).path("collections");
        assertThat(collections.findValuesAsText("id")).contains("clusters", "roads", "countries");
        JsonNode c = JSON.readTree(get("/ogc/features/collections/countries").body());
        assertThat(c.path("title").asText()).isEqualTo("South Asian countries");
        assertThat(c.path("license").asText()).isEqualTo("ODbL 1.0");
        assertThat(c.path("extent").path("spatial").path("bbox").get(0).get(0).asDouble()).isBetween(60.0, 61.0);

        JsonNode q = JSON.readTree(get("/ogc/features/collections/countries/queryables").body());
        assertThat(q.path("properties").path("A3").path("type").asText()).isEqualTo("string");
        assertThat(q.path("properties").path("fid").path("type").asText()).isEqualTo("integer");

        JsonNode all = JSON.readTree(get("/ogc/features/collections/countries/items").body());
        assertThat(all.path("numberMatched").asInt()).isEqualTo(3);
        assertThat(all.path("features").get(1).path("properties").path("A3").asText()).isEqualTo("NPL");
        assertThat(all.path("features").get(1).path("id").asInt()).isEqualTo(2);

        JsonNode nepal = JSON.readTree(get("/ogc/features/collections/countries/items?filter=A3%3D%27NPL%27").body());
        assertThat(nepal.path("numberMatched").asInt()).isEqualTo(1);
        JsonNode byPoint = JSON.readTree(get("/ogc/features/collections/countries/items?bbox=83.9,28.2,84.0,28.3")
                .body()); // Pokhara
        assertThat(byPoint.path("features").findValuesAsText("A3")).containsExactly("NPL");
        assertThat(JSON.readTree(get("/ogc/features/collections/countries/items?A3=PAK").body())
                .path("numberMatched").asInt()).isEqualTo(1);
        HttpResponse<String> badFilter = get("/ogc/features/collections/countries/items?filter=nope%3D1");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("nope").contains("A3");

        HttpResponse<String> one = get("/ogc/features/collections/countries/items/2");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(get("/ogc/features/collections/countries/items/99").statusCode()).isEqualTo(404);
        assertThat(get("/ogc/features/collections/countries/items?f=csv").body()).startsWith("fid,wkt,A3")
                .contains("NPL");
        assertThat(get("/ogc/features/collections/countries/items?f=html").body()).contains("<td>PAK</td>");
        assertThat(get("/ogc/features/collections/countries/items/1?f=html").body()).contains("IND");
        assertThat(JSON.readTree(get("/api/context-layers").body()).findValuesAsText("name"))
                .containsExactly("countries");

        HttpResponse<byte[]> tile = send("/tiles/countries/4/11/6.mvt", HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(new String(tile.body(), StandardCharsets.ISO_8859_1)).contains("countries").contains("NPL");
        assertThat(send("/tiles/countries/4/0/0.mvt", HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                .isEqualTo(204);
        JsonNode tileJson = JSON.readTree(get("/tiles/countries.json").body());
        assertThat(tileJson.path("vector_layers").get(0).path("fields").path("A3").asText()).isEqualTo("String");
        assertThat(tileJson.path("tiles").get(0).asText()).endsWith("/tiles/countries/{z}/{x}/{y}.mvt");

        HttpResponse<String> reserved = upload("roads.geojson", "roads");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body()).contains("built-in layer");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/layers/countries")))
                .header("X-Admin-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/ogc/features/collections/countries").statusCode()).isEqualTo(404);
        assertThat(get("/tiles/countries.json").statusCode()).isEqualTo(404);
    }
}
