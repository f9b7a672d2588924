package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * OGC API – Features Part 1, conformance class GeoJSON ({@code /conf/geojson}, OGC 17-069r4 Annex A.3): items and
 * features as {@code application/geo+json}, shaped as featureCollectionGeoJSON.yaml and featureGeoJSON.yaml say,
 * and valid GeoJSON (RFC 7946).
 */
class OapifGeoJsonConformanceTest extends ConformanceTestBase {
    static final String GEOJSON = "application/geo+json";
    static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
            "MultiPolygon", "GeometryCollection");

    /** /conf/geojson/definition: GeoJSON is served for items and features when asked for, with its media type. */
    @Test
    void mediaType() throws Exception {
        for (String accept : List.of(GEOJSON, "application/json", "application/geo+json, text/html;q=0.5", "*/*")) {
            assertThat(contentType(get("/collections/power/items?limit=2", "Accept", accept))).as(accept)
                    .startsWith(GEOJSON);
        }
        assertThat(contentType(get("/collections/power/items?limit=2&f=json", "Accept", "text/html")))
                .startsWith(GEOJSON);
        String id = json("/collections/power/items?limit=1", GEOJSON, GEOJSON).path("features").get(0).path("id")
                .asText();
        assertThat(contentType(get("/collections/power/items/" + id, "Accept", GEOJSON))).startsWith(GEOJSON);
        // the collection advertises the GeoJSON items link the suites follow
        JsonNode c = json("/collections/power", "application/json", "application/json");
        assertThat(contentType(get(link(c, "items", GEOJSON).path("href").asText()))).startsWith(GEOJSON);
    }

    /** /conf/geojson/content: every collection's first pages validated member by member. */
    @Test
    void featureCollectionsAndFeatures() throws Exception {
        for (String c : COLLECTIONS) {
            JsonNode fc = json("/collections/" + c + "/items?limit=50", GEOJSON, GEOJSON);
            assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.has("crs")).as("RFC 7946 has no crs member").isFalse();
            assertThat(fc.path("features").isArray()).isTrue();
            assertThat(fc.path("numberMatched").isIntegralNumber()).isTrue();
            assertThat(fc.path("numberReturned").isIntegralNumber()).isTrue();
            assertThat(fc.path("numberMatched").asInt()).isNotNegative();
            assertThat(fc.path("timeStamp").isTextual()).isTrue();
            checkLinks(fc);
            for (JsonNode f : fc.path("features")) {
                checkFeature(f);
                String one = "/collections/" + c + "/items/" + URLEncoder.encode(f.path("id").asText(),
                        StandardCharsets.UTF_8).replace("+", "%20");
                if (f == fc.path("features").get(0)) {
                    JsonNode single = json(one, GEOJSON, GEOJSON);
                    checkFeature(single);
                    checkLinks(single);
                }
            }
        }
        // an empty page is still a FeatureCollection with an empty features array
        JsonNode empty = json("/collections/roads/items?bbox=0,0,1,1", GEOJSON, GEOJSON);
        assertThat(empty.path("features").isArray()).isTrue();
        assertThat(empty.path("features")).isEmpty();
        assertThat(empty.path("numberMatched").asInt()).isZero();
        assertThat(empty.path("numberReturned").asInt()).isZero();
    }

    static void checkFeature(JsonNode f) throws Exception {
        assertThat(f.path("type").asText()).isEqualTo("Feature");
        assertThat(f.path("id").isTextual() || f.path("id").isIntegralNumber()).as("id is a string or integer")
                .isTrue();
        assertThat(f.has("properties")).isTrue();
        assertThat(f.path("properties").isObject() || f.path("properties").isNull()).isTrue();
        assertThat(f.has("geometry")).isTrue();
        JsonNode g = f.path("geometry");
        if (!g.isNull()) {
            assertThat(g.path("type").asText()).isIn(GEOMETRY_TYPES);
            assertThat(g.path("coordinates").isArray()).isTrue();
            // parses as GeoJSON; polygons' rings are closed with at least four positions
            new GeoJsonReader().read(g.toString());
            if (g.path("type").asText().endsWith("Polygon")) {
                List<JsonNode> polygons = g.path("type").asText().equals("Polygon") ? List.of(g.path("coordinates"))
                        : toList(g.path("coordinates"));
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
                        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
                    }
                }
            }
        }
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static void checkLinks(JsonNode doc) {
        assertThat(doc.path("links").isArray()).isTrue();
        for (JsonNode l : doc.path("links")) {
            assertThat(l.path("href").asText()).isNotBlank();
            assertThat(l.path("rel").asText()).isNotBlank();
            assertThat(l.path("type").asText()).isNotBlank();
        }
        link(doc, "self", GEOJSON);
    }
}
