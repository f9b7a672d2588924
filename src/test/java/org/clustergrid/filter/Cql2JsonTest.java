package org.clustergrid.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CQL2 JSON reads into the same conditions as the CQL2 Text that says the same. */
class Cql2JsonTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"op\":\"=\",\"args\":[{\"property\":\"class\"},\"primary\"]}|class = 'primary'",
        "{\"op\":\"and\",\"args\":[{\"op\":\"<>\",\"args\":[{\"property\":\"firms\"},10]},"
                + "{\"op\":\"or\",\"args\":[true,{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":"
                + "[{\"property\":\"name\"}]}]}]}]}|firms <> 10 AND (TRUE OR NOT name IS NULL)",
        "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
                + "{\"op\":\"casei\",\"args\":[\"%bank%\"]}]}|CASEI(name) LIKE CASEI('%bank%')",
        "{\"op\":\"between\",\"args\":[{\"property\":\"population\"},1000,5e4]}|population BETWEEN 1000 AND 5e4",
        "{\"op\":\"in\",\"args\":[{\"property\":\"kind\"},[\"town\",\"city\"]]}|kind IN ('town', 'city')",
        "{\"op\":\"<=\",\"args\":[{\"property\":\"supply_hours\"},12.5]}|supply_hours <= 12.5",
        "{\"op\":\"=\",\"args\":[{\"property\":\"all_season\"},false]}|all_season = FALSE",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[80,20,80.5,20.5]}]}"
                + "|S_INTERSECTS(geometry, BBOX(80, 20, 80.5, 20.5))",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[80,20,0,80.5,20.5,9]}]}"
                + "|S_INTERSECTS(geometry, BBOX(80, 20, 80.5, 20.5))",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\","
                + "\"coordinates\":[80.1,20.2]}]}|S_INTERSECTS(geometry, POINT(80.1 20.2))",
        "{\"op\":\"s_intersects\",\"args\":[{\"type\":\"Polygon\",\"coordinates\":[[[80,20],[81,20],[81,21],[80,20]]]}"
                + ",{\"property\":\"geometry\"}]}|S_INTERSECTS(POLYGON((80 20, 81 20, 81 21, 80 20)), geometry)",
        "{\"op\":\">=\",\"args\":[{\"property\":\"opened\"},{\"date\":\"2020-12-31\"}]}|opened >= DATE('2020-12-31')",
        "{\"op\":\"<\",\"args\":[{\"property\":\"seen\"},{\"timestamp\":\"2020-12-31T10:00:00Z\"}]}"
                + "|seen < TIMESTAMP('2020-12-31T10:00:00Z')",
        "{\"op\":\"t_during\",\"args\":[{\"property\":\"opened\"},{\"interval\":[\"2020-01-01\",\"..\"]}]}"
                + "|T_DURING(opened, INTERVAL('2020-01-01', '..'))",
        "{\"op\":\"t_intersects\",\"args\":[{\"interval\":[{\"property\":\"from\"},{\"property\":\"to\"}]},"
                + "{\"interval\":[{\"date\":\"2020-01-01\"},\"2020-06-30\"]}]}"
                + "|T_INTERSECTS(INTERVAL(from, to), INTERVAL(DATE('2020-01-01'), '2020-06-30'))",
        "{\"op\":\"in\",\"args\":[{\"property\":\"opened\"},[{\"date\":\"2020-01-01\"},{\"date\":\"2021-01-01\"}]]}"
                + "|opened IN (DATE('2020-01-01'), DATE('2021-01-01'))",
    })
    void meansWhatTheTextMeans(String json, String text) {
        assertThat(Cql2Json.parse(json)).isEqualTo(Cql2Text.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}|filter: at /args, expected an array of 2 arguments for "
                + "\"=\"; got [{\"property\":\"a\"}]",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},[1]]},true]}|filter: at /args/0/args/1,"
                + " expected a value: a string, a number, a boolean, {\"property\": …} or a geometry; got [1]",
        "{\"op\":\"s_within\",\"args\":[]}|filter: at /, S_WITHIN is not supported; the spatial function offered is "
                + "S_INTERSECTS",
        "{\"op\":\"t_later\",\"args\":[{\"property\":\"t\"},{\"timestamp\":\"2020-01-01T00:00:00Z\"}]}|filter: at /, "
                + "unknown temporal function T_LATER; the temporal functions are T_AFTER, T_BEFORE, T_CONTAINS, "
                + "T_DISJOINT, T_DURING, T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS, T_MEETS, T_METBY, "
                + "T_OVERLAPPEDBY, T_OVERLAPS, T_STARTEDBY, T_STARTS",
        "{\"op\":\"=\",\"args\":[{\"property\":\"t\"},{\"date\":\"2020-13-01\"}]}|filter: at /args/1, "
                + "DATE('2020-13-01') is not a date; write one such as DATE('2020-12-31')",
        "{\"op\":\"t_during\",\"args\":[{\"property\":\"t\"},{\"interval\":[\"2020-01-01\"]}]}|filter: at "
                + "/args/1/interval, expected an array of a start and an end; got [\"2020-01-01\"]",
        "{\"op\":\"t_during\",\"args\":[{\"property\":\"t\"},{\"interval\":[\"2020-01-01\",5]}]}|filter: at "
                + "/args/1/interval/1, expected a date or timestamp string, \"..\", {\"date\": …}, {\"timestamp\": …} or "
                + "{\"property\": …}; got 5",
        "{\"op\":\"like\",\"args\":[{\"property\":\"a\"},5]}|filter: at /args/1, expected a pattern string such as "
                + "\"%Road%\"; got 5",
        "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},[]]}|filter: at /args/1, expected a non-empty array of values;"
                + " got []",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[1,2,3]}]}|filter: at "
                + "/args/1/bbox, expected 4 numbers (or 6 with heights); got [1,2,3]",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},\"POINT(1 2)\"]}|filter: at /args/1, "
                + "expected a geometry: {\"property\": \"geometry\"}, a GeoJSON geometry or {\"bbox\": [...]}; got "
                + "\"POINT(1 2)\"",
        "\"class = 'a'\"|filter: at /, expected a condition: an object with \"op\" and \"args\", true or false; got "
                + "\"class = 'a'\"",
        "{\"op\":\"=\"|filter: is not JSON: at character 10, Unexpected end-of-input: expected close marker for "
                + "Object",
    })
    void refusesWithThePlace(String json, String message) {
        assertThatThrownBy(() -> Cql2Json.parse(json)).isInstanceOf(FilterSyntaxException.class).hasMessage(message);
    }

    @Test
    void refusesAnInvalidPolygon() {
        assertThatThrownBy(() -> Cql2Json.parse("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}]}"))
                .hasMessageStartingWith("filter: at /args/1, the Polygon is not a valid geometry: Self-intersection");
    }
}
