package org.clustergrid.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** OGC API – Features Part 1 on a fresh embedded store holding the demo region (loaded on start). */
class OgcFeaturesApiTest extends ServerTest {
    static final String BASE = "/ogc/features";
    static final List<String> COLLECTIONS = List.of("clusters", "roads", "power", "finance", "markets",
            "interventions");

    @Override
    protected String url(String path) {
        return super.url(path.startsWith("http") ? path : BASE + path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    JsonNode json(String path, String expectedType) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(expectedType);
        return JSON.readTree(r.body());
    }

    static JsonNode link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel) && (type == null || l.path("type").asText().equals(type))) {
                return l;
            }
        }
        throw new AssertionError("no link rel=" + rel + " type=" + type + " in " + doc.path("links"));
    }

    @Test
    void landingPageLinksEverythingAClientNeeds() throws Exception {
        JsonNode landing = json("", "application/json");
        assertThat(landing.path("title").asText()).contains("ClusterGrid");
        assertThat(link(landing, "self", "application/json").path("href").asText()).startsWith(url(""));
        link(landing, "alternate", "text/html");
        link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0");
        link(landing, "service-doc", "text/html");
        assertThat(link(landing, "conformance", "application/json").path("href").asText())
                .startsWith(url("/conformance"));
        assertThat(link(landing, "data", "application/json").path("href").asText()).startsWith(url("/collections"));
        for (JsonNode l : landing.path("links")) {
            assertThat(l.path("title").asText()).as("every link has a title").isNotBlank();
        }
    }

    @Test
    void declaresOnlyTheConformanceClassesItImplements() throws Exception {
        JsonNode c = json("/conformance", "application/json");
        List<String> classes = new ArrayList<>();
        c.path("conformsTo").forEach(n -> classes.add(n.asText()));
        String base = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
        String filter = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
        String cql2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
        String edit = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
        assertThat(classes).containsExactlyInAnyOrder(base + "core", base + "oas30", base + "html", base + "geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", filter + "filter",
                filter + "features-filter", filter + "queryables", filter + "queryables-query-parameters",
                cql2 + "cql2-text", cql2 + "cql2-json", cql2 + "basic-cql2", cql2 + "advanced-comparison-operators",
                cql2 + "case-insensitive-comparison", cql2 + "basic-spatial-functions",
                cql2 + "basic-spatial-functions-plus", cql2 + "temporal-functions", edit + "create-replace-delete",
                edit + "update", edit + "features", edit + "optimistic-locking-etags");
    }

    @Test
    void openApiDefinitionDeclaresEveryPathAndFilter() throws Exception {
        JsonNode api = json("/api", "application/vnd.oai.openapi+json");
        assertThat(api.path("openapi").asText()).startsWith("3.0");
        assertThat(api.path("servers").get(0).path("url").asText()).isEqualTo(url(""));
        JsonNode paths = api.path("paths");
        assertThat(paths.has("/")).isTrue();
        assertThat(paths.has("/conformance")).isTrue();
        assertThat(paths.has("/collections")).isTrue();
        for (String c : COLLECTIONS) {
            assertThat(paths.has("/collections/" + c + "/items/{featureId}")).as(c).isTrue();
            assertThat(paths.has("/collections/" + c + "/queryables")).as(c).isTrue();
        }
        List<String> params = new ArrayList<>();
        paths.path("/collections/finance/items").path("get").path("parameters").forEach(p ->
                params.add(p.has("$ref") ? p.path("$ref").asText().replace("#/components/parameters/", "")
                        : p.path("name").asText()));
        assertThat(params).contains("bbox", "limit", "offset", "datetime", "f", "type", "name", "operator", "id",
                "dataset", "filter", "filter-lang", "filter-crs");
        assertThat(api.path("components").path("parameters").path("limit").path("schema").path("maximum").asInt())
                .isEqualTo(10_000);

        HttpResponse<String> doc = get("/api?f=html");
        assertThat(doc.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(doc.body()).contains("/collections/roads/items");
    }

    @Test
    void collectionsDescribeEveryLayerWithExtentAndLicence() throws Exception {
        JsonNode all = json("/collections", "application/json");
        link(all, "self", "application/json");
        link(all, "alternate", "text/html");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : all.path("collections")) {
            ids.add(c.path("id").asText());
            assertThat(c.path("itemType").asText()).isEqualTo("feature");
            assertThat(c.path("crs").get(0).asText()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            JsonNode bbox = c.path("extent").path("spatial").path("bbox").get(0);
            assertThat(bbox).hasSize(4);
            assertThat(bbox.get(0).asDouble()).isLessThan(bbox.get(2).asDouble());
            assertThat(c.path("extent").has("temporal")).as("no temporal extent is declared").isFalse();
            assertThat(c.path("license").asText()).isEqualTo("CC0 1.0");
            assertThat(c.path("attribution").asText()).isNotBlank();
            assertThat(c.path("description").asText()).contains("synthetic");
            link(c, "items", "application/geo+json");
            link(c, "items", "text/html");
            link(c, "items", "text/csv");
        }
        assertThat(ids).containsExactlyElementsOf(COLLECTIONS);

        JsonNode roads = json("/collections/roads", "application/json");
        assertThat(roads.path("id").asText()).isEqualTo("roads");
        assertThat(link(roads, "self", "application/json").path("href").asText()).contains("/collections/roads");
        assertThat(roads.path("numberOfFeatures").asInt()).isEqualTo(213);
    }

    @Test
    void itemsAreAGeoJsonFeatureCollectionWithOgcMembers() throws Exception {
        JsonNode fc = json("/collections/clusters/items?limit=5", "application/geo+json");
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(12);
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(5);
        assertThat(fc.path("features")).hasSize(5);
        assertThat(fc.path("timeStamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        link(fc, "self", "application/geo+json");
        link(fc, "alternate", "text/html");
        link(fc, "alternate", "text/csv");
        assertThat(fc.path("links").toString()).doesNotContain("\"prev\"");
        JsonNode first = fc.path("features").get(0);
        assertThat(first.path("id").asText()).startsWith("CG-");
        assertThat(first.path("properties").has("typology")).isTrue();
        assertThat(first.path("geometry").path("type").asText()).isIn("Point", "Polygon", "MultiPolygon");
        // the default page size applies without limit
        assertThat(json("/collections/roads/items", "application/geo+json").path("numberReturned").asInt())
                .isEqualTo(100);
    }

    @Test
    void pagingFollowsNextLinksKeepingBboxAndFilters() throws Exception {
        String bbox = "80.0,20.0,80.6,20.5";
        JsonNode whole = json("/collections/roads/items?limit=10000&bbox=" + bbox + "&paving=paved",
                "application/geo+json");
        int expected = whole.path("numberMatched").asInt();
        assertThat(expected).isPositive().isLessThan(213);
        assertThat(whole.path("numberReturned").asInt()).isEqualTo(expected);

        Set<String> ids = new HashSet<>();
        String next = "/collections/roads/items?bbox=" + bbox + "&paving=paved&limit=7";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(next, "application/geo+json");
            assertThat(page.path("numberMatched").asInt()).isEqualTo(expected);
            for (JsonNode f : page.path("features")) {
                assertThat(f.path("properties").path("paving").asText()).isEqualTo("paved");
                assertThat(ids.add(f.path("id").asText())).as("no feature twice").isTrue();
            }
            next = null;
            for (JsonNode l : page.path("links")) {
                if (l.path("rel").asText().equals("next")) {
                    next = l.path("href").asText();
                    assertThat(next).contains("bbox=" + bbox).contains("paving=paved").contains("limit=7");
                }
            }
            if (pages++ > 0) {
                assertThat(link(page, "prev", "application/geo+json").path("href").asText()).contains("offset=");
            }
        }
        assertThat(ids).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 6) / 7);
    }

    @Test
    void filtersOnCanonicalFieldsByEquality() throws Exception {
        JsonNode all = json("/collections/finance/items?limit=1000", "application/geo+json");
        long banks = 0;
        for (JsonNode f : all.path("features")) {
            banks += f.path("properties").path("type").asText().equals("bank") ? 1 : 0;
        }
        assertThat(banks).isPositive();
        JsonNode filtered = json("/collections/finance/items?type=bank&limit=1000", "application/geo+json");
        assertThat(filtered.path("numberMatched").asLong()).isEqualTo(banks);
        filtered.path("features").forEach(f ->
                assertThat(f.path("properties").path("type").asText()).isEqualTo("bank"));

        JsonNode one = all.path("features").get(0);
        String name = one.path("properties").path("name").asText();
        JsonNode byName = json("/collections/finance/items?name=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8), "application/geo+json");
        assertThat(byName.path("features")).extracting(f -> f.path("properties").path("name").asText())
                .containsOnly(name);
        assertThat(json("/collections/roads/items?all_season=true&motorable=true&limit=1", "application/geo+json")
                .path("numberMatched").asInt()).isPositive();
        assertThat(json("/collections/finance/items?dataset=nope", "application/geo+json")
                .path("numberMatched").asInt()).isZero();
    }

    @Test
    void refusesBadRequestsWithOgcExceptions() throws Exception {
        assertError("/collections/roads/items?colour=red", 400, "colour");
        assertError("/collections/roads/items?limit=0", 400, "limit");
        assertError("/collections/roads/items?limit=ten", 400, "limit");
        assertError("/collections/roads/items?offset=-1", 400, "offset");
        assertError("/collections/roads/items?bbox=1,2,3", 400, "bbox");
        assertError("/collections/roads/items?bbox=80,20,x,21", 400, "not a number");
        assertError("/collections/roads/items?all_season=maybe", 400, "all_season");
        assertError("/collections/clusters/items?firms=many", 400, "firms");
        assertError("/collections/roads/items?paving=paved&paving=unpaved", 400, "more than once");
        assertError("/collections/roads/items?datetime=yesterday", 400, "datetime");
        assertError("/collections/roads/items?f=xml", 400, "f must be");
        assertError("/collections/roads/items?bbox-crs=EPSG:32644", 400, "bbox-crs");
        assertError("/collections/roads/items?crs=EPSG:32644", 400, "crs");
        assertError("/collections?limit=3", 400, "limit");
        assertError("/collections/rivers", 404, "rivers");
        assertError("/collections/rivers/items", 404, "rivers");
        assertError("/collections/roads/items/demo.nope", 404, "demo.nope");
        assertError("/nothing/here", 404, "nothing");
    }

    void assertError(String path, int status, String text) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.path("code").asText()).isNotBlank();
        assertThat(e.path("description").asText()).contains(text);
    }

    @Test
    void limitAboveTheMaximumIsServedAsTheMaximumAndDatetimeIsAccepted() throws Exception {
        JsonNode fc = json("/collections/roads/items?limit=50000", "application/geo+json");
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(213);
        for (String dt : List.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z/..", "../2025-01-01T00:00:00Z",
                "2024-01-01/2024-12-31")) {
            assertThat(json("/collections/roads/items?limit=1&datetime=" + dt, "application/geo+json")
                    .path("numberMatched").asInt()).as(dt).isEqualTo(213);
        }
    }

    @Test
    void oneFeatureWithItsLinks() throws Exception {
        JsonNode page = json("/collections/markets/items?limit=1", "application/geo+json");
        String id = page.path("features").get(0).path("id").asText();
        JsonNode f = json("/collections/markets/items/" + id, "application/geo+json");
        assertThat(f.path("type").asText()).isEqualTo("Feature");
        assertThat(f.path("id").asText()).isEqualTo(id);
        assertThat(link(f, "self", "application/geo+json").path("href").asText()).contains("/items/" + id);
        link(f, "alternate", "text/html");
        assertThat(link(f, "collection", "application/json").path("href").asText()).contains("/collections/markets");

        String cluster = json("/collections/clusters/items?limit=1", "application/geo+json").path("features").get(0)
                .path("id").asText();
        assertThat(json("/collections/clusters/items/" + cluster, "application/geo+json").path("properties")
                .path("cluster_grid_id").asText()).isEqualTo(cluster);
    }

    @Test
    void htmlForEveryResourceByFormatOrAcceptHeader() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        String id = json("/collections/power/items?limit=1", "application/geo+json").path("features").get(0)
                .path("id").asText();
        for (String path : List.of("", "/conformance", "/collections", "/collections/power",
                "/collections/power/items?limit=5", "/collections/power/items/" + id)) {
            HttpResponse<String> r = get(path, "Accept", browser);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).startsWith("<!DOCTYPE html>").contains("</html>");
        }
        String items = get("/collections/power/items?f=html&limit=5").body();
        assertThat(items).contains("leaflet.js").contains("86 features match").contains("Next page")
                .contains("/collections/power/items/" + id);
        assertThat(get("/collections?f=html").body()).contains("CC0 1.0").contains("Markets, towns and gateways");
        // f wins over Accept
        assertThat(get("/collections?f=json", "Accept", browser).headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
        // a browser's error is a page too, its text escaped
        HttpResponse<String> missing = get("/collections/%3Cb%3Enope", "Accept", browser);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(missing.body()).startsWith("<!DOCTYPE html>").contains("404 Not Found").contains("NotFound")
                .contains("&lt;b&gt;nope").doesNotContain("<b>nope");
        assertThat(get("/collections/nope").headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/json");
    }

    @Test
    void csvHasWktAndCanonicalFieldsWithTheSamePaging() throws Exception {
        HttpResponse<String> r = get("/collections/finance/items?f=csv&type=bank&limit=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Link").orElse("")).contains("rel=\"next\"").contains("type=bank")
                .contains("f=csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(r.body())).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("feature_id", "dataset", "id", "type", "name", "operator", "wkt");
        for (CSVRecord row : rows) {
            assertThat(row.get("type")).isEqualTo("bank");
            assertThat(new WKTReader().read(row.get("wkt")).getGeometryType()).isEqualTo("Point");
        }
        assertThat(get("/collections/finance/items", "Accept", "text/csv").headers().firstValue("Content-Type")
                .orElse("")).startsWith("text/csv");
    }

    @Test
    void headRequestsAndCors() throws Exception {
        for (String path : List.of("", "/collections", "/collections/roads/items?limit=2")) {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> r = get("/collections/roads/items?limit=1", "Origin", "https://maps.example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(get("", "Origin", "https://maps.example.org").headers().firstValue("Access-Control-Allow-Origin"))
                .contains("*");
    }
}
