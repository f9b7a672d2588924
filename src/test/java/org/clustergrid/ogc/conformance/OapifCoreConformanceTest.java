package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * OGC API – Features Part 1, conformance class Core ({@code /conf/core}, OGC 17-069r4 Annex A.2), test by test as its
 * abstract test suite words them. The requests are the ones ets-ogcapi-features10 sends (Accept headers included).
 */
class OapifCoreConformanceTest extends ConformanceTestBase {
    static final String GEOJSON = "application/geo+json";
    static final GeometryFactory GF = new GeometryFactory();

    /** /conf/core/http: the server speaks HTTP 1.1, including HEAD, to a client that asks for nothing newer. */
    @Test
    void http11() throws Exception {
        HttpClient h11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = h11.send(HttpRequest.newBuilder(URI.create(features(""))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).isPresent();
        // the default client offers an h2c upgrade; the server answers in HTTP 1.1 all the same
        assertThat(get("").version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        HttpResponse<Void> head = h11.send(HttpRequest.newBuilder(URI.create(features("/collections")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(contentType(head)).startsWith("application/json");
    }

    /** /conf/core/root-op, /conf/core/root-success: the landing page and its required links. */
    @Test
    void landingPage() throws Exception {
        for (String path : List.of("", "/")) {
            JsonNode landing = json(path, "application/json", "application/json");
            assertThat(landing.path("links").isArray()).isTrue();
            for (JsonNode l : landing.path("links")) {
                assertThat(l.path("href").asText()).as("link.yaml: href required").isNotBlank();
                assertThat(l.path("rel").asText()).as("link.yaml: rel required").isNotBlank();
                assertThat(URI.create(l.path("href").asText()).isAbsolute()).isTrue();
            }
            assertThat(links(landing, "service-desc").size() + links(landing, "service-doc").size()).isPositive();
            assertThat(links(landing, "conformance")).isNotEmpty();
            assertThat(links(landing, "data")).isNotEmpty();
            // the links lead somewhere
            for (String rel : List.of("self", "service-desc", "service-doc", "conformance", "data")) {
                for (JsonNode l : links(landing, rel)) {
                    HttpResponse<String> r = get(l.path("href").asText());
                    assertThat(r.statusCode()).as(rel).isEqualTo(200);
                    assertThat(contentType(r)).as(rel).startsWith(l.path("type").asText());
                }
            }
        }
    }

    /** /conf/core/api-definition-op, /conf/core/api-definition-success: the service-desc answers 200. */
    @Test
    void apiDefinition() throws Exception {
        JsonNode landing = json("", "application/json", "application/json");
        String desc = link(landing, "service-desc", null).path("href").asText();
        HttpResponse<String> r = get(desc, "Accept", "application/vnd.oai.openapi+json;version=3.0");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/vnd.oai.openapi+json");
        assertThat(JSON.readTree(r.body()).path("openapi").asText()).startsWith("3.0");
        // a client that accepts only JSON still gets the definition
        assertThat(get(desc, "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    /** /conf/core/conformance-op, /conf/core/conformance-success: conformsTo lists at least Core. */
    @Test
    void conformanceDeclaration() throws Exception {
        JsonNode c = json("/conformance", "application/json", "application/json");
        List<String> classes = new ArrayList<>();
        c.path("conformsTo").forEach(n -> classes.add(n.asText()));
        assertThat(classes).contains(CONF + "core");
        assertThat(classes).doesNotHaveDuplicates();
        // Part 1 classes, Part 2's CRS class (OapifCrsConformanceTest), Part 3's and CQL2's (OapifFilter…,
        // OapifQueryablesConformanceTest), Part 4's on the clusters collection (ClusterRegisterHttpTest)
        assertThat(classes).allMatch(s -> s.startsWith(CONF)
                || s.equals("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs")
                || s.startsWith("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/")
                || s.startsWith("http://www.opengis.net/spec/cql2/1.0/conf/")
                || s.startsWith("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/"));
    }

    /** /conf/core/fc-md-op, fc-md-success, fc-md-links, fc-md-items, fc-md-items-links, fc-md-extent. */
    @Test
    void collections() throws Exception {
        JsonNode all = json("/collections", "application/json", "application/json");
        assertThat(link(all, "self", "application/json").path("href").asText()).contains("/collections");
        assertThat(links(all, "alternate")).extracting(l -> l.path("type").asText()).contains("text/html");
        all.path("links").forEach(l -> assertThat(l.path("type").asText()).as("rel and type").isNotBlank());
        List<String> ids = new ArrayList<>();
        for (JsonNode c : all.path("collections")) {
            String id = c.path("id").asText();
            ids.add(id);
            checkCollection(c, id);
            // /conf/core/sfc-md-op, sfc-md-success: the collection's own resource says the same
            JsonNode one = json("/collections/" + id, "application/json", "application/json");
            checkCollection(one, id);
            // the same members, but for the links (self and alternate of its own)
            var a = ((com.fasterxml.jackson.databind.node.ObjectNode) one.deepCopy()).without("links");
            var b = ((com.fasterxml.jackson.databind.node.ObjectNode) c.deepCopy()).without("links");
            assertThat(a).isEqualTo(b);
            assertThat(link(one, "self", "application/json").path("href").asText()).contains("/collections/" + id);
        }
        assertThat(ids).containsExactlyElementsOf(COLLECTIONS);
    }

    private void checkCollection(JsonNode c, String id) {
        assertThat(c.path("id").asText()).isEqualTo(id);
        // fc-md-items-links: a link to the items, rel items, in GeoJSON at least
        assertThat(links(c, "items")).extracting(l -> l.path("type").asText()).contains(GEOJSON);
        links(c, "items").forEach(l -> assertThat(l.path("href").asText()).contains("/collections/" + id + "/items"));
        // fc-md-extent: spatial bbox in CRS84, minx < maxx unless across the antimeridian, lat in order
        JsonNode spatial = c.path("extent").path("spatial");
        assertThat(spatial.path("bbox").isArray()).isTrue();
        JsonNode box = spatial.path("bbox").get(0);
        assertThat(box.size()).isIn(4, 6);
        assertThat(spatial.path("crs").asText(CRS84)).isEqualTo(CRS84);
        int half = box.size() / 2;
        assertThat(box.get(1).asDouble()).isLessThanOrEqualTo(box.get(half + 1).asDouble());
        for (int i = 0; i < box.size(); i += half) {
            assertThat(Math.abs(box.get(i).asDouble())).isLessThanOrEqualTo(180);
            assertThat(Math.abs(box.get(i + 1).asDouble())).isLessThanOrEqualTo(90);
        }
        // the features carry no time, so no temporal extent is claimed; if one were, it must be intervals
        if (c.path("extent").has("temporal")) {
            JsonNode interval = c.path("extent").path("temporal").path("interval");
            assertThat(interval.isArray()).isTrue();
            assertThat(interval.get(0)).hasSize(2);
        }
        assertThat(c.path("crs").toString()).contains(CRS84);
    }

    /** /conf/core/fc-op, fc-response, fc-links, fc-rel-type, fc-timeStamp, fc-numberMatched, fc-numberReturned. */
    @Test
    void itemsOfEveryCollection() throws Exception {
        for (String id : COLLECTIONS) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JsonNode fc = json("/collections/" + id + "/items", GEOJSON, GEOJSON);
            Instant after = Instant.now().plusSeconds(1);
            assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.path("features").isArray()).isTrue();
            assertThat(fc.path("numberReturned").asInt()).isEqualTo(fc.path("features").size());
            Instant stamp = Instant.parse(fc.path("timeStamp").asText());
            assertThat(stamp).isBetween(before, after);
            // links: self, an alternate for every other encoding, rel and type on each
            assertThat(link(fc, "self", GEOJSON).path("href").asText()).contains("/collections/" + id + "/items");
            assertThat(links(fc, "alternate")).extracting(l -> l.path("type").asText())
                    .contains("text/html", "text/csv");
            fc.path("links").forEach(l -> {
                assertThat(l.path("rel").asText()).isNotBlank();
                assertThat(l.path("type").asText()).isNotBlank();
            });
            // numberMatched: the number of features all pages together hold
            int matched = fc.path("numberMatched").asInt();
            int total = 0;
            Set<String> seen = new HashSet<>();
            String next = "/collections/" + id + "/items?limit=1000";
            while (next != null) {
                JsonNode page = json(next, GEOJSON, GEOJSON);
                assertThat(page.path("numberMatched").asInt()).isEqualTo(matched);
                total += page.path("numberReturned").asInt();
                page.path("features").forEach(f -> assertThat(seen.add(f.path("id").asText())).isTrue());
                List<JsonNode> nexts = links(page, "next");
                assertThat(nexts.size()).isLessThanOrEqualTo(1);
                next = nexts.isEmpty() ? null : nexts.get(0).path("href").asText();
            }
            assertThat(total).as(id).isEqualTo(matched).isEqualTo(seen.size());
        }
    }

    /** /conf/core/fc-limit-response: never more than limit, nor than the maximum; the default without limit. */
    @Test
    void limit() throws Exception {
        JsonNode api = json("/api", "application/vnd.oai.openapi+json;version=3.0", "application/vnd.oai.openapi");
        JsonNode schema = api.path("components").path("parameters").path("limit").path("schema");
        int min = schema.path("minimum").asInt();
        int max = schema.path("maximum").asInt();
        int def = schema.path("default").asInt();
        assertThat(min).isEqualTo(1);
        for (int limit : List.of(min, 7, Math.min(100, min + (max - min) / 2), max)) {
            JsonNode fc = json("/collections/roads/items?limit=" + limit, GEOJSON, GEOJSON);
            assertThat(fc.path("features").size()).isLessThanOrEqualTo(limit).isEqualTo(Math.min(limit, 213));
        }
        assertThat(json("/collections/roads/items", GEOJSON, GEOJSON).path("features").size()).isEqualTo(def);
        // above the maximum is no error: the maximum is served (Permission /per/core/limit-response)
        JsonNode above = json("/collections/roads/items?limit=" + (max + 1), GEOJSON, GEOJSON);
        assertThat(above.path("features").size()).isLessThanOrEqualTo(max);
        // below the minimum is an invalid value
        assertThat(get("/collections/roads/items?limit=" + (min - 1)).statusCode()).isEqualTo(400);
    }

    /**
     * /conf/core/fc-bbox-response and /conf/core/crs84: only features intersecting the box, every one of them, in
     * CRS84; the suite's boxes across the prime meridian, the equator, the antimeridian and the poles answer 200.
     */
    @Test
    void bbox() throws Exception {
        for (String id : COLLECTIONS) {
            List<Geometry> all = geometries(json("/collections/" + id + "/items?limit=10000", GEOJSON, GEOJSON));
            JsonNode extent = json("/collections/" + id, "application/json", "application/json").path("extent")
                    .path("spatial").path("bbox").get(0);
            Envelope declared = new Envelope(extent.get(0).asDouble(), extent.get(2).asDouble(),
                    extent.get(1).asDouble(), extent.get(3).asDouble());
            for (Geometry g : all) {
                assertThat(declared.covers(g.getEnvelopeInternal())).as(id + " extent covers " + g).isTrue();
            }
            for (double[] box : List.of(new double[] {80.1, 20.1, 80.3, 20.3}, new double[] {80.25, 20.0, 80.6, 20.2},
                    new double[] {-1.5, 50.0, 1.5, 53.0}, new double[] {-80.0, -5.0, -70.0, 5.0},
                    new double[] {177.0, 65.0, -177.0, 70.0}, new double[] {-180.0, 85.0, 180.0, 90.0},
                    new double[] {-180.0, -90.0, 180.0, -85.0}, new double[] {-180, -90, 180, 90},
                    new double[] {170.0, -90.0, 90.0, 90.0})) {
                String q = box[0] + "," + box[1] + "," + box[2] + "," + box[3];
                JsonNode fc = json("/collections/" + id + "/items?limit=10000&bbox=" + q, GEOJSON, GEOJSON);
                List<Geometry> got = geometries(fc);
                List<Geometry> expected = all.stream().filter(g -> intersects(g, box)).toList();
                assertThat(got).as(id + " bbox=" + q).hasSameSizeAs(expected);
                for (Geometry g : got) {
                    assertThat(intersects(g, box)).as(id + " bbox=" + q + ": " + g).isTrue();
                }
                assertThat(fc.path("numberMatched").asInt()).isEqualTo(expected.size());
            }
            // six numbers: heights are accepted and do not narrow 2D data
            JsonNode six = json("/collections/" + id + "/items?limit=10000&bbox=80.1,20.1,-100,80.3,20.3,9000",
                    GEOJSON, GEOJSON);
            assertThat(six.path("numberMatched").asInt()).isEqualTo(json("/collections/" + id
                    + "/items?limit=1&bbox=80.1,20.1,80.3,20.3", GEOJSON, GEOJSON).path("numberMatched").asInt());
        }
        // /conf/core/query-param-invalid for bbox
        for (String bad : List.of("1,2,3", "1,2,3,4,5", "80,20,x,21", "80,21,80.5,20", "80,-91,81,20", "", "1,2,3,4,5,6,7")) {
            if (!bad.isEmpty()) {
                assertThat(get("/collections/roads/items?bbox=" + bad).statusCode()).as(bad).isEqualTo(400);
            }
        }
    }

    /** A box whose west edge is east of its east edge wraps across the antimeridian. */
    static boolean intersects(Geometry g, double[] box) {
        List<Envelope> parts = box[0] <= box[2] ? List.of(new Envelope(box[0], box[2], box[1], box[3]))
                : List.of(new Envelope(box[0], 180, box[1], box[3]), new Envelope(-180, box[2], box[1], box[3]));
        return parts.stream().anyMatch(e -> GF.toGeometry(e).intersects(g));
    }

    static List<Geometry> geometries(JsonNode fc) throws Exception {
        GeoJsonReader reader = new GeoJsonReader(GF);
        List<Geometry> out = new ArrayList<>();
        for (JsonNode f : fc.path("features")) {
            Geometry g = reader.read(f.path("geometry").toString());
            // /conf/core/crs84: longitude then latitude, within CRS84's range
            Envelope e = g.getEnvelopeInternal();
            assertThat(e.getMinX()).isGreaterThanOrEqualTo(-180);
            assertThat(e.getMaxX()).isLessThanOrEqualTo(180);
            assertThat(e.getMinY()).isGreaterThanOrEqualTo(-90);
            assertThat(e.getMaxY()).isLessThanOrEqualTo(90);
            out.add(g);
        }
        return out;
    }

    /**
     * /conf/core/fc-time-definition, fc-time-response: datetime is accepted in every RFC 3339 form; the features
     * carry no temporal geometry, so none is filtered out (all features without one stay in the result).
     */
    @Test
    void datetime() throws Exception {
        for (String id : COLLECTIONS) {
            int all = json("/collections/" + id + "/items?limit=1", GEOJSON, GEOJSON).path("numberMatched").asInt();
            for (String dt : List.of("2018-02-12T23:20:52Z", "2018-02-12T00:00:00Z/2018-03-18T12:31:12Z",
                    "2018-02-12T00:00:00Z/..", "../2018-03-18T12:31:12Z", "2018-02-12/2018-02-14", "2018-02-12",
                    "/2018-03-18T12:31:12Z", "2018-02-12T00:00:00Z/", "2018-02-12T23:20:52+05:30")) {
                JsonNode fc = json("/collections/" + id + "/items?limit=1&datetime="
                        + URLEncoder.encode(dt, StandardCharsets.UTF_8), GEOJSON, GEOJSON);
                assertThat(fc.path("numberMatched").asInt()).as(id + " datetime=" + dt).isEqualTo(all);
            }
        }
        for (String bad : List.of("yesterday", "2018-13-45", "../..", "2018-02-12/2018-02-14/2018-02-16")) {
            assertThat(get("/collections/roads/items?datetime=" + URLEncoder.encode(bad, StandardCharsets.UTF_8))
                    .statusCode()).as(bad).isEqualTo(400);
        }
    }

    /** /conf/core/query-param-unknown and /conf/core/query-param-invalid: 400 for both, on every resource. */
    @Test
    void unknownAndInvalidParameters() throws Exception {
        String id = json("/collections/roads/items?limit=1", GEOJSON, GEOJSON).path("features").get(0).path("id")
                .asText();
        for (String path : List.of("", "/conformance", "/api", "/collections", "/collections/roads",
                "/collections/roads/items", "/collections/roads/items/" + id)) {
            HttpResponse<String> r = get(path + "?unknownParameter=x");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("code").asText()).isNotBlank();
        }
        // the suite's own cases: limit=unlimited and a random unknown parameter, on the GeoJSON items link
        for (String id2 : COLLECTIONS) {
            String items = link(json("/collections/" + id2, "application/json", "application/json"), "items",
                    GEOJSON).path("href").asText();
            assertThat(get(items + "&limit=unlimited", "Accept", GEOJSON).statusCode()).isEqualTo(400);
            assertThat(get(items + "&unknownQueryParameter12345=1", "Accept", GEOJSON).statusCode()).isEqualTo(400);
        }
        for (String q : List.of("limit=-1", "limit=0", "limit=abc", "offset=-1", "bbox=a,b,c,d", "datetime=1.2",
                "f=pdf", "bbox-crs=" + URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/32644",
                StandardCharsets.UTF_8))) {
            assertThat(get("/collections/roads/items?" + q).statusCode()).as(q).isEqualTo(400);
        }
    }

    /** /conf/core/f-op, /conf/core/f-success, f-links: one feature, with self, alternate and collection links. */
    @Test
    void singleFeatures() throws Exception {
        for (String id : COLLECTIONS) {
            JsonNode page = json("/collections/" + id + "/items?limit=3", GEOJSON, GEOJSON);
            for (JsonNode listed : page.path("features")) {
                String fid = listed.path("id").asText();
                String path = "/collections/" + id + "/items/" + URLEncoder.encode(fid, StandardCharsets.UTF_8)
                        .replace("+", "%20");
                JsonNode f = json(path, GEOJSON, GEOJSON);
                assertThat(f.path("type").asText()).isEqualTo("Feature");
                assertThat(f.path("id").asText()).isEqualTo(fid);
                assertThat(f.path("geometry")).isEqualTo(listed.path("geometry"));
                assertThat(f.path("properties")).isEqualTo(listed.path("properties"));
                assertThat(link(f, "self", GEOJSON).path("href").asText()).endsWith(path + "?f=json");
                assertThat(links(f, "alternate")).extracting(l -> l.path("type").asText()).contains("text/html");
                assertThat(link(f, "collection", null).path("href").asText()).contains("/collections/" + id);
                f.path("links").forEach(l -> assertThat(l.path("type").asText()).isNotBlank());
            }
            HttpResponse<String> missing = get("/collections/" + id + "/items/no-such-feature-42");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).path("code").asText()).isNotBlank();
        }
        assertThat(get("/collections/no-such-collection/items/1").statusCode()).isEqualTo(404);
    }
}
