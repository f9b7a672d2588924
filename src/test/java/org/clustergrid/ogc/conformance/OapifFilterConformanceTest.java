package org.clustergrid.ogc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features Part 3 (Filtering), conformance classes {@code /conf/filter} and {@code /conf/features-filter}
 * with CQL2 Text and JSON: {@code filter}, {@code filter-lang} and {@code filter-crs} on items, paging, and the 400s.
 * Expected results are computed here from the whole collection as downloaded, so the server's SQL is checked against
 * an independent reading of the same features.
 */
class OapifFilterConformanceTest extends ConformanceTestBase {
    static final String GEOJSON = "application/geo+json";

    /** As curl users write it: spaces as %20, quotes as %27. */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<JsonNode> all(String collection) throws Exception {
        JsonNode doc = json("/collections/" + collection + "/items?limit=10000", GEOJSON, GEOJSON);
        List<JsonNode> out = new ArrayList<>();
        doc.path("features").forEach(out::add);
        assertThat(out).hasSize(doc.path("numberMatched").asInt());
        return out;
    }

    List<String> expected(String collection, Predicate<JsonNode> keep) throws Exception {
        List<JsonNode> features = all(collection);
        List<String> ids = features.stream().filter(f -> keep.test(f.path("properties"))).map(f -> f.path("id")
                .asText()).toList();
        assertThat(ids).as("a test filter selects some but not all").isNotEmpty().hasSizeLessThan(features.size());
        return ids;
    }

    /** Every page of {@code query}, following next links; checks numberMatched and that each link keeps the filter. */
    List<String> paged(String collection, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        String url = "/collections/" + collection + "/items?" + query;
        Integer matched = null;
        while (url != null) {
            JsonNode page = json(url, GEOJSON, GEOJSON);
            matched = matched == null ? page.path("numberMatched").asInt() : matched;
            assertThat(page.path("numberMatched").asInt()).isEqualTo(matched);
            page.path("features").forEach(f -> ids.add(f.path("id").asText()));
            List<JsonNode> next = links(page, "next");
            url = next.isEmpty() ? null : next.get(0).path("href").asText();
            if (url != null) {
                for (String p : query.split("&")) {
                    if (p.startsWith("filter")) {
                        assertThat(url).as("next link keeps " + p).contains(p);
                    }
                }
            }
        }
        assertThat(ids).hasSize(matched);
        return ids;
    }

    static String text(JsonNode props, String name) {
        return props.path(name).isNull() || props.path(name).isMissingNode() ? null : props.path(name).asText();
    }

    @Test
    void declaresTheFilteringConformanceClasses() throws Exception {
        JsonNode c = json("/conformance", "application/json", "application/json");
        List<String> classes = new ArrayList<>();
        c.path("conformsTo").forEach(x -> classes.add(x.asText()));
        String f3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
        String cql2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
        assertThat(classes).contains(f3 + "filter", f3 + "features-filter", f3 + "queryables",
                f3 + "queryables-query-parameters", cql2 + "cql2-text", cql2 + "cql2-json", cql2 + "basic-cql2",
                cql2 + "advanced-comparison-operators", cql2 + "case-insensitive-comparison",
                cql2 + "basic-spatial-functions", cql2 + "basic-spatial-functions-plus", cql2 + "temporal-functions");
        assertThat(classes).noneMatch(x -> x.contains("array") || x.endsWith("/functions")
                || x.endsWith("/spatial-functions") || x.contains("arithmetic") || x.contains("property-property"));
    }

    /** The example of the README, paged 5 at a time through next links that keep filter and filter-lang. */
    @Test
    void filterSelectsWhatTheDataHoldAcrossPages() throws Exception {
        String filter = "class = 'residential' AND paving = 'unpaved'";
        List<String> expected = expected("roads", p -> "residential".equals(text(p, "class"))
                && "unpaved".equals(text(p, "paving")));
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(paged("roads", "filter=" + enc(filter) + "&filter-lang=cql2-text&limit=5")).isEqualTo(expected);
        // form encoding (spaces as +) means the same
        assertThat(paged("roads", "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&limit=5"))
                .isEqualTo(expected);
    }

    @Test
    void nullsLikeInBetweenAndCaseiOverHttp() throws Exception {
        assertThat(paged("roads", "filter=" + enc("surface IS NULL OR name LIKE '%Road%'") + "&limit=50"))
                .isEqualTo(expected("roads", p -> text(p, "surface") == null
                        || (text(p, "name") != null && text(p, "name").contains("Road"))));
        assertThat(paged("roads", "filter=" + enc("NOT (surface = 'asphalt') AND class IN ('track', 'path')")
                + "&limit=7")).isEqualTo(expected("roads", p -> text(p, "surface") != null
                        && !text(p, "surface").equals("asphalt")
                        && List.of("track", "path").contains(text(p, "class"))));
        assertThat(paged("markets", "filter=" + enc("population BETWEEN 1000 AND 20000 OR kind = 'city'")))
                .isEqualTo(expected("markets", p -> (!p.path("population").isNull()
                        && p.path("population").asLong() >= 1000 && p.path("population").asLong() <= 20000)
                        || "city".equals(text(p, "kind"))));
        assertThat(paged("finance", "filter=" + enc("CASEI(name) LIKE CASEI('%BANK%') AND operator IS NOT NULL")))
                .isEqualTo(expected("finance", p -> text(p, "name").toLowerCase().contains("bank")
                        && text(p, "operator") != null));
    }

    /** /req/filter/mixing-expressions: filter, bbox and property parameters are AND-ed. */
    @Test
    void filterIsAndedWithBboxAndPropertyParameters() throws Exception {
        List<String> bboxAndClass = paged("roads", "bbox=80.0,20.0,80.3,20.25&class=tertiary&limit=1000");
        List<String> withFilter = paged("roads", "bbox=80.0,20.0,80.3,20.25&class=tertiary&filter="
                + enc("paving = 'paved'") + "&limit=3");
        List<String> paved = paged("roads", "filter=" + enc("paving = 'paved'") + "&limit=1000");
        assertThat(withFilter).isNotEmpty().isEqualTo(bboxAndClass.stream().filter(paved::contains).toList())
                .hasSizeLessThan(bboxAndClass.size());
    }

    /** S_INTERSECTS with a BBOX or the same box as a POLYGON selects what the bbox parameter selects. */
    @Test
    void spatialFilterEqualsTheBboxParameter() throws Exception {
        List<String> byBbox = paged("roads", "bbox=80.1,20.1,80.35,20.3&limit=1000");
        assertThat(byBbox).isNotEmpty().hasSizeLessThan(all("roads").size());
        assertThat(paged("roads", "filter=" + enc("S_INTERSECTS(geometry, BBOX(80.1, 20.1, 80.35, 20.3))")
                + "&limit=9")).isEqualTo(byBbox);
        assertThat(paged("roads", "filter=" + enc("S_INTERSECTS(geometry, POLYGON((80.1 20.1, 80.35 20.1, "
                + "80.35 20.3, 80.1 20.3, 80.1 20.1)))") + "&limit=9")).isEqualTo(byBbox);
        // filter-crs: EPSG:4326 reads latitude first, EPSG:3857 metres, as bbox-crs does
        assertThat(paged("roads", "filter=" + enc("S_INTERSECTS(geometry, POLYGON((20.1 80.1, 20.1 80.35, "
                + "20.3 80.35, 20.3 80.1, 20.1 80.1)))") + "&filter-crs=" + enc("http://www.opengis.net/def/crs/"
                + "EPSG/0/4326") + "&limit=1000")).isEqualTo(byBbox);
        String mercator = "8916696.48,2284255.01,8944526.23,2308216.20";
        List<String> byMercatorBbox = paged("roads", "bbox=" + mercator + "&bbox-crs=" + enc(
                "http://www.opengis.net/def/crs/EPSG/0/3857") + "&limit=1000");
        assertThat(byMercatorBbox).isNotEmpty();
        assertThat(paged("roads", "filter=" + enc("S_INTERSECTS(geometry, BBOX(" + mercator + "))")
                + "&filter-crs=EPSG:3857&limit=1000")).isEqualTo(byMercatorBbox);
    }

    @Test
    void cql2JsonMeansTheSameAsText() throws Exception {
        String json = "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"class\"},\"tertiary\"]},"
                + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[80.0,20.0,80.4,20.4]}]}]}";
        List<String> text = paged("roads", "filter=" + enc("class = 'tertiary' AND S_INTERSECTS(geometry, "
                + "BBOX(80.0, 20.0, 80.4, 20.4))") + "&limit=1000");
        assertThat(text).isNotEmpty();
        assertThat(paged("roads", "filter=" + enc(json) + "&filter-lang=cql2-json&limit=4")).isEqualTo(text);
    }

    @Test
    void htmlAndCsvAreFilteredToo() throws Exception {
        String q = "filter=" + enc("kind = 'town'");
        int matched = json("/collections/markets/items?" + q, GEOJSON, GEOJSON).path("numberMatched").asInt();
        assertThat(matched).isPositive().isLessThan(all("markets").size());
        assertThat(get("/collections/markets/items?f=html&" + q).body()).contains(matched + " features match");
        String csv = get("/collections/markets/items?f=csv&limit=1000&" + q).body();
        assertThat(csv.lines().count()).isEqualTo(matched + 1);
    }

    @Test
    void badFiltersAre400WithTheReason() throws Exception {
        assertBad("filter=" + enc("name ="), "filter: at character 7, expected a value after '='; got end of text");
        assertBad("filter=" + enc("colour = 'red'"), "filter: layer roads has no queryable 'colour'; its queryables"
                + " are id, class, surface, paving, all_season, motorable, name, ref, dataset, geometry");
        assertBad("filter=" + enc("all_season = 'yes'"), "filter: property 'all_season' is a boolean and cannot be "
                + "compared with the text 'yes', which is a text");
        assertBad("filter=" + enc("S_WITHIN(geometry, POINT(80 20))"), "filter: at character 1, S_WITHIN is not "
                + "supported; the spatial function offered is S_INTERSECTS");
        assertBad("filter=" + enc("class = 'track'") + "&filter-lang=ecql", "filter-lang must be one of "
                + "[cql2-text, cql2-json]; got 'ecql'");
        assertBad("filter=" + enc("{\"op\":\"=\",\"args\":[{\"property\":\"class\"}]}") + "&filter-lang=cql2-json",
                "filter: at /args, expected an array of 2 arguments for \"=\"; got [{\"property\":\"class\"}]");
        assertBad("filter=" + enc("S_INTERSECTS(geometry, POINT(80 20))") + "&filter-crs=EPSG:32644",
                "filter-crs 'EPSG:32644' is not supported; allowed: [http://www.opengis.net/def/crs/OGC/1.3/CRS84, "
                        + "http://www.opengis.net/def/crs/EPSG/0/4326, http://www.opengis.net/def/crs/EPSG/0/3857]");
        assertBad("filter=" + enc("class = 'a'") + "&filter=" + enc("class = 'b'"),
                "query parameter 'filter' is given more than once");
    }

    void assertBad(String query, String description) throws Exception {
        HttpResponse<String> r = get("/collections/roads/items?" + query);
        assertThat(r.statusCode()).as(query + " -> " + r.body()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.path("code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(e.path("description").asText()).isEqualTo(description);
    }
}
