package org.clustergrid.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clustergrid.api.ApiTest;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A GeoJSON of five sites with a date ({@code opened}) and a date-time ({@code inspected}) uploaded as a layer, then
 * filtered on them as a GIS client would: CQL2 Text and JSON comparisons, temporal functions with open intervals,
 * {@code name=value}, {@code datetime}, and the 400s of a date compared with a date-time or a text. On the embedded
 * store here; {@link ContextLayerDatesPostgisHttpTest} runs the same on PostGIS. The expected sites are read off the
 * fixture by hand (SOURCE.txt).
 */
@TestPropertySource(properties = "clustergrid.admin.token=" + ContextLayerDatesHttpTest.TOKEN)
class ContextLayerDatesHttpTest extends ServerTest {
    static final String TOKEN = "dates-token";
    static final String SITES = "src/test/resources/layers/dated-sites.geojson";
    static final String EVENTS = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [84, 28]},
             "properties": {"what": "early", "at": "2021-06-14T23:00:00Z"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [84, 28]},
             "properties": {"what": "on the day", "at": "2021-06-15T12:00:00Z"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [84, 28]},
             "properties": {"what": "late", "at": "2021-06-16T00:00:00Z"}}]}
            """;

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String as, String fileName, String content) throws Exception {
        String boundary = "----cg" + UUID.randomUUID();
        String body = ApiTest.part(boundary, "kind", null, "layer") + ApiTest.part(boundary, "as", null, as)
                + ApiTest.part(boundary, "file", fileName, content) + "--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Admin-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The names of the sites an items query answers, checking it answers 200. */
    List<String> names(String layer, String query) throws Exception {
        HttpResponse<String> r = get("/ogc/features/collections/" + layer + "/items?limit=100&" + query);
        assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).path("features").forEach(f -> out.add(f.path("properties").path(
                layer.equals("sites") ? "name" : "what").asText()));
        return out;
    }

    List<String> text(String cql2) throws Exception {
        return names("sites", "filter=" + enc(cql2));
    }

    List<String> json(String cql2) throws Exception {
        return names("sites", "filter-lang=cql2-json&filter=" + enc(cql2));
    }

    HttpResponse<String> refused(String cql2) throws Exception {
        HttpResponse<String> r = get("/ogc/features/collections/sites/items?filter=" + enc(cql2));
        assertThat(r.statusCode()).as(cql2 + ": " + r.body()).isEqualTo(400);
        return r;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void datesAndDateTimesAreQueryablesFilteredByComparisonsAndTemporalFunctions() throws Exception {
        HttpResponse<String> created = upload("sites", "sites.geojson", Files.readString(Path.of(SITES)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode q = JSON.readTree(get("/ogc/features/collections/sites/queryables").body()).path("properties");
        assertThat(q.path("opened").path("type").asText()).isEqualTo("string");
        assertThat(q.path("opened").path("format").asText()).isEqualTo("date");
        assertThat(q.path("inspected").path("format").asText()).isEqualTo("date-time");
        assertThat(q.path("name").has("format")).isFalse();
        JsonNode conformance = JSON.readTree(get("/ogc/features/conformance").body()).path("conformsTo");
        assertThat(conformance.toString()).contains("http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");

        // comparisons; the site without a date (E) never matches, as with any missing value
        assertThat(text("opened >= DATE('2020-01-01')")).containsExactly("B", "C", "D");
        assertThat(text("opened = DATE('2020-12-31')")).containsExactly("C");
        assertThat(text("opened <> DATE('2020-12-31')")).containsExactly("A", "B", "D");
        assertThat(text("opened < DATE('2020-01-01')")).containsExactly("A");
        assertThat(text("opened IN (DATE('2019-05-01'), DATE('2022-07-14'))")).containsExactly("A", "D");
        // B was inspected at 12:30 in Nepal (+05:45), 06:45 UTC
        assertThat(text("inspected >= TIMESTAMP('2021-06-15T06:45:00Z')")).containsExactly("B", "C");
        assertThat(text("inspected > TIMESTAMP('2021-06-15T06:45:00Z')")).containsExactly("C");
        assertThat(text("inspected IS NULL")).containsExactly("D");

        // temporal functions: an instant against an instant or an interval, open ends '..'
        assertThat(text("T_AFTER(opened, DATE('2020-01-01'))")).containsExactly("C", "D");
        assertThat(text("T_BEFORE(opened, DATE('2020-01-01'))")).containsExactly("A");
        assertThat(text("T_EQUALS(opened, DATE('2019-05-01'))")).containsExactly("A");
        assertThat(text("T_INTERSECTS(opened, INTERVAL('2020-01-01', '2020-12-31'))")).containsExactly("B", "C");
        assertThat(text("T_DURING(opened, INTERVAL('2020-01-01', '2020-12-31'))")).isEmpty(); // ends excluded
        assertThat(text("T_DURING(opened, INTERVAL('2019-12-31', '2021-01-01'))")).containsExactly("B", "C");
        assertThat(text("T_INTERSECTS(opened, INTERVAL('..', '2020-01-01'))")).containsExactly("A", "B");
        assertThat(text("T_DURING(opened, INTERVAL('2020-01-01', '..'))")).containsExactly("C", "D");
        assertThat(text("T_DISJOINT(opened, INTERVAL('2020-01-01', '2020-12-31'))")).containsExactly("A", "D");
        assertThat(text("NOT T_INTERSECTS(opened, INTERVAL('..', '..'))")).isEmpty(); // E's missing date: unknown
        assertThat(text("T_INTERSECTS(inspected, INTERVAL('2021-01-01T00:00:00Z', '2021-12-31T23:59:59Z'))"))
                .containsExactly("A", "B");
        assertThat(text("T_MEETS(INTERVAL(opened, opened), DATE('2020-12-31'))")).containsExactly("C");
        assertThat(text("beds > 4 AND T_AFTER(opened, DATE('2019-12-31'))")).containsExactly("B", "C", "D");

        // CQL2 JSON says the same
        assertThat(json("{\"op\":\"t_during\",\"args\":[{\"property\":\"opened\"},{\"interval\":[\"2019-12-31\","
                + "\"..\"]}]}")).containsExactly("B", "C", "D");
        assertThat(json("{\"op\":\">=\",\"args\":[{\"property\":\"inspected\"},{\"timestamp\":"
                + "\"2021-06-15T06:45:00Z\"}]}")).containsExactly("B", "C");
        // and name=value takes a date
        assertThat(names("sites", "opened=2020-12-31")).containsExactly("C");

        // a date is compared with dates only: the 400 names the attribute
        assertThat(refused("opened = TIMESTAMP('2020-01-01T00:00:00Z')").body()).contains("property 'opened' is a"
                + " date").contains("timestamp").contains("DATE('2020-12-31')");
        assertThat(refused("name = DATE('2020-01-01')").body()).contains("property 'name' is a text")
                .contains("the date 2020-01-01");
        assertThat(refused("opened = '2020-01-01'").body()).contains("property 'opened' is a date")
                .contains("write a date as DATE('2020-12-31')");
        assertThat(refused("T_AFTER(beds, DATE('2020-01-01'))").body()).contains("T_AFTER takes instants and"
                + " intervals").contains("property 'beds' is a number");
        assertThat(refused("T_AFTER(opened, INTERVAL('2021-01-01', '2020-01-01'))").body())
                .contains("ends before it starts");
        assertThat(refused("T_AFTER(inspected, INTERVAL('2020-01-01', '..'))").body())
                .contains("property 'inspected' is a timestamp");

        // datetime= needs one date attribute: two are ambiguous
        HttpResponse<String> ambiguous = get("/ogc/features/collections/sites/items?datetime=2020-01-01/..");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.body()).contains("ambiguous").contains("opened, inspected");
    }

    @Test
    void datetimeNarrowsALayerWithOneDateTime() throws Exception {
        HttpResponse<String> created = upload("events", "events.geojson", EVENTS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // a date is the whole day in UTC
        assertThat(names("events", "datetime=2021-06-15")).containsExactly("on the day");
        assertThat(names("events", "datetime=2021-06-15T12:00:00Z")).containsExactly("on the day");
        assertThat(names("events", "datetime=2021-06-15/..")).containsExactly("on the day", "late");
        assertThat(names("events", "datetime=../2021-06-15T12:00:00Z")).containsExactly("early", "on the day");
        // 2021-06-15T02:00:00+05:45 is 2021-06-14T20:15:00Z: before "early"
        assertThat(names("events", "datetime=" + enc("2021-06-15T02:00:00+05:45") + "/..")).containsExactly("early",
                "on the day", "late");
        assertThat(names("events", "datetime=2021-06-15/..&filter=" + enc("what <> 'late'")))
                .containsExactly("on the day");
        assertThat(get("/ogc/features/collections/events/items?datetime=tomorrow").statusCode()).isEqualTo(400);
    }
}
