package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.clustergrid.render.Projection;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 2, conformance class CRS by reference ({@code /conf/crs}, OGC 18-058r1 Annex A): the CRS
 * lists, {@code crs} and {@code bbox-crs}, and the {@code Content-Crs} header.
 */
class OapifCrsConformanceTest extends ConformanceTestBase {
    static final String GEOJSON = "application/geo+json";
    static final String EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final String EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final List<String> SUPPORTED = List.of(CRS84, EPSG4326, EPSG3857);

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** /conf/crs: the conformance class is declared. */
    @Test
    void conformanceClassDeclared() throws Exception {
        JsonNode c = json("/conformance", "application/json", "application/json");
        List<String> classes = new ArrayList<>();
        c.path("conformsTo").forEach(n -> classes.add(n.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
    }

    /** /conf/crs/crs-global-list, crs-collection-list, storageCrs: the lists and the storage CRS. */
    @Test
    void collectionsDeclareTheirCrs() throws Exception {
        JsonNode all = json("/collections", "application/json", "application/json");
        assertThat(texts(all.path("crs"))).containsExactlyElementsOf(SUPPORTED);
        for (JsonNode c : all.path("collections")) {
            checkCollection(c, all.path("crs"));
        }
        for (String id : COLLECTIONS) {
            checkCollection(json("/collections/" + id, "application/json", "application/json"), all.path("crs"));
        }
    }

    private static void checkCollection(JsonNode c, JsonNode global) {
        List<String> crs = texts(c.path("crs"));
        // either a reference to the global list or an explicit list
        List<String> resolved = crs.equals(List.of("#/crs")) ? texts(global) : crs;
        assertThat(resolved).as(c.path("id").asText()).contains(CRS84, EPSG4326, EPSG3857);
        assertThat(resolved.get(0)).as("CRS84 first: the default").isEqualTo(CRS84);
        assertThat(c.path("storageCrs").asText()).isEqualTo(CRS84);
        assertThat(resolved).contains(c.path("storageCrs").asText());
    }

    /** /conf/crs/fc-crs-valid-value, ogc-crs-header: EPSG:4326 is latitude, longitude; same features, swapped. */
    @Test
    void itemsInEpsg4326AreSwapped() throws Exception {
        for (String id : COLLECTIONS) {
            String q = "/collections/" + id + "/items?limit=50";
            HttpResponse<String> base = get(q, "Accept", GEOJSON);
            HttpResponse<String> swapped = get(q + "&crs=" + enc(EPSG4326), "Accept", GEOJSON);
            assertThat(swapped.statusCode()).isEqualTo(200);
            assertThat(base.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
            assertThat(swapped.headers().firstValue("Content-Crs")).hasValue("<" + EPSG4326 + ">");
            List<double[]> a = positions(JSON.readTree(base.body()));
            List<double[]> b = positions(JSON.readTree(swapped.body()));
            assertThat(a).as(id).isNotEmpty().hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i)[0]).isCloseTo(a.get(i)[1], within(1e-7));
                assertThat(b.get(i)[1]).isCloseTo(a.get(i)[0], within(1e-7));
            }
        }
    }

    /** EPSG:3857: easting and northing in metres, the Web Mercator of the CRS84 positions. */
    @Test
    void itemsInEpsg3857AreWebMercator() throws Exception {
        Projection m = Projection.WEB_MERCATOR;
        for (String id : COLLECTIONS) {
            String q = "/collections/" + id + "/items?limit=50";
            List<double[]> a = positions(json(q, GEOJSON, GEOJSON));
            HttpResponse<String> r = get(q + "&crs=" + enc(EPSG3857), "Accept", GEOJSON);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + EPSG3857 + ">");
            List<double[]> b = positions(JSON.readTree(r.body()));
            assertThat(a).as(id).isNotEmpty().hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                // the CRS84 positions are rounded to 1e-7 degrees (about 1 cm), the metres to 1 cm
                assertThat(b.get(i)[0]).isCloseTo(m.x(a.get(i)[0]), within(0.03));
                assertThat(b.get(i)[1]).isCloseTo(m.y(a.get(i)[1]), within(0.03));
            }
        }
    }

    /** A single feature in each CRS, with the header; HTML and CSV answer too and name their CRS. */
    @Test
    void singleFeatureAndOtherEncodings() throws Exception {
        JsonNode first = json("/collections/roads/items?limit=1", GEOJSON, GEOJSON).path("features").get(0);
        String path = "/collections/roads/items/" + enc(first.path("id").asText()).replace("+", "%20");
        HttpResponse<String> plain = get(path, "Accept", GEOJSON);
        assertThat(plain.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
        List<double[]> a = positions(JSON.readTree(plain.body()));
        HttpResponse<String> r = get(path + "?crs=" + enc(EPSG4326), "Accept", GEOJSON);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + EPSG4326 + ">");
        List<double[]> b = positions(JSON.readTree(r.body()));
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)[0]).isCloseTo(a.get(i)[1], within(1e-7));
        }
        HttpResponse<String> merc = get(path + "?crs=" + enc(EPSG3857) + "&f=json");
        assertThat(merc.statusCode()).isEqualTo(200);
        assertThat(merc.headers().firstValue("Content-Crs")).hasValue("<" + EPSG3857 + ">");
        assertThat(get(path + "?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/32644")).statusCode())
                .isEqualTo(400);
        HttpResponse<String> html = get(path + "?f=html&crs=" + enc(EPSG3857));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
        HttpResponse<String> htmlItems = get("/collections/roads/items?f=html&limit=5&crs=" + enc(EPSG4326));
        assertThat(htmlItems.statusCode()).isEqualTo(200);
        HttpResponse<String> csv = get("/collections/roads/items?f=csv&limit=5&crs=" + enc(EPSG3857));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Crs")).hasValue("<" + EPSG3857 + ">");
        // metres: Web Mercator eastings of the demo region are near 8.9e6
        assertThat(csv.body()).contains("LINESTRING (89");
    }

    /** /conf/crs/fc-bbox-crs-valid-value: a box in EPSG:4326 (lat, lon) or EPSG:3857 selects as in CRS84. */
    @Test
    void bboxCrs() throws Exception {
        Projection m = Projection.WEB_MERCATOR;
        for (String id : COLLECTIONS) {
            for (double[] box : List.of(new double[] {80.1, 20.1, 80.3, 20.3}, new double[] {80.25, 20.0, 80.6, 20.2},
                    new double[] {80.0, 20.0, 80.6, 20.5})) {
                String q = "/collections/" + id + "/items?limit=10000&bbox=";
                TreeSet<String> expected = ids(json(q + box[0] + "," + box[1] + "," + box[2] + "," + box[3],
                        GEOJSON, GEOJSON));
                TreeSet<String> latLon = ids(json(q + box[1] + "," + box[0] + "," + box[3] + "," + box[2]
                        + "&bbox-crs=" + enc(EPSG4326), GEOJSON, GEOJSON));
                TreeSet<String> metres = ids(json(q + m.x(box[0]) + "," + m.y(box[1]) + "," + m.x(box[2]) + ","
                        + m.y(box[3]) + "&bbox-crs=" + enc(EPSG3857), GEOJSON, GEOJSON));
                TreeSet<String> explicit84 = ids(json(q + box[0] + "," + box[1] + "," + box[2] + "," + box[3]
                        + "&bbox-crs=" + enc(CRS84), GEOJSON, GEOJSON));
                assertThat(latLon).as(id).isEqualTo(expected);
                assertThat(metres).as(id).isEqualTo(expected);
                assertThat(explicit84).as(id).isEqualTo(expected);
            }
        }
        // the same numbers in lon,lat order read as lat,lon select nothing: the axis order is honoured
        JsonNode wrongOrder = json("/collections/roads/items?bbox=80.0,20.0,80.6,20.5&bbox-crs=" + enc(EPSG4326),
                GEOJSON, GEOJSON);
        assertThat(wrongOrder.path("numberMatched").asInt()).isZero();
    }

    /** /conf/crs/fc-crs-valid-value, fc-bbox-crs-valid-value: a CRS not in the list is a 400 naming the list. */
    @Test
    void unsupportedCrsIsRefused() throws Exception {
        for (String q : List.of("crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/32644"), "crs=nonsense",
                "bbox=80,20,81,21&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/27700"),
                "bbox-crs=EPSG:9999")) {
            HttpResponse<String> r = get("/collections/roads/items?" + q, "Accept", GEOJSON);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            String description = JSON.readTree(r.body()).path("description").asText();
            assertThat(description).as(q).contains(EPSG4326).contains(EPSG3857).contains(CRS84);
        }
    }

    /** Paging keeps the CRS: next (and self) links carry crs and bbox-crs as the client sent them. */
    @Test
    void nextLinksKeepCrs() throws Exception {
        JsonNode page = json("/collections/roads/items?limit=2&crs=" + enc(EPSG3857) + "&bbox-crs=" + enc(EPSG4326)
                + "&bbox=20.0,80.0,20.5,80.6", GEOJSON, GEOJSON);
        assertThat(page.path("numberMatched").asInt()).isGreaterThan(2);
        String next = link(page, "next", GEOJSON).path("href").asText();
        String self = link(page, "self", GEOJSON).path("href").asText();
        for (String href : List.of(next, self)) {
            assertThat(href).contains("crs=" + enc(EPSG3857)).contains("bbox-crs=" + enc(EPSG4326));
        }
        HttpResponse<String> r = get(next, "Accept", GEOJSON);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<" + EPSG3857 + ">");
        assertThat(positions(JSON.readTree(r.body())).get(0)[0]).isGreaterThan(1e6);
    }

    /** The API definition declares crs and bbox-crs with the supported values. */
    @Test
    void openApiDeclaresCrsParameters() throws Exception {
        JsonNode api = json("/api", "application/vnd.oai.openapi+json", "application/vnd.oai.openapi+json");
        JsonNode ps = api.path("components").path("parameters");
        for (String name : List.of("crs", "bbox-crs")) {
            assertThat(ps.path(name).path("name").asText()).isEqualTo(name);
            assertThat(texts(ps.path(name).path("schema").path("enum"))).containsExactlyElementsOf(SUPPORTED);
        }
        for (String id : COLLECTIONS) {
            String items = api.path("paths").path("/collections/" + id + "/items").path("get").path("parameters")
                    .toString();
            assertThat(items).contains("#/components/parameters/crs", "#/components/parameters/bbox-crs");
            String feature = api.path("paths").path("/collections/" + id + "/items/{featureId}").path("get")
                    .path("parameters").toString();
            assertThat(feature).contains("#/components/parameters/crs");
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static TreeSet<String> ids(JsonNode fc) {
        TreeSet<String> out = new TreeSet<>();
        fc.path("features").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    /** Every position of a feature collection's (or a feature's) geometries, in document order. */
    static List<double[]> positions(JsonNode doc) {
        List<double[]> out = new ArrayList<>();
        if (doc.has("features")) {
            doc.path("features").forEach(f -> collect(f.path("geometry"), out));
        } else {
            collect(doc.path("geometry"), out);
        }
        return out;
    }

    private static void collect(JsonNode node, List<double[]> out) {
        if (node.has("geometries")) {
            node.path("geometries").forEach(g -> collect(g, out));
        } else if (node.has("coordinates")) {
            walk(node.path("coordinates"), out);
        }
    }

    private static void walk(JsonNode c, List<double[]> out) {
        if (c.isArray() && c.size() >= 2 && c.get(0).isNumber()) {
            out.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        } else {
            c.forEach(x -> walk(x, out));
        }
    }
}
