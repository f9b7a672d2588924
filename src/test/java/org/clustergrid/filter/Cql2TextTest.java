package org.clustergrid.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.clustergrid.filter.Condition.And;
import org.clustergrid.filter.Condition.Between;
import org.clustergrid.filter.Condition.Compare;
import org.clustergrid.filter.Condition.Constant;
import org.clustergrid.filter.Condition.In;
import org.clustergrid.filter.Condition.Intersects;
import org.clustergrid.filter.Condition.IsNull;
import org.clustergrid.filter.Condition.Like;
import org.clustergrid.filter.Condition.Not;
import org.clustergrid.filter.Condition.Or;
import org.clustergrid.filter.Operand.Bool;
import org.clustergrid.filter.Operand.Box;
import org.clustergrid.filter.Operand.CaseInsensitive;
import org.clustergrid.filter.Operand.GeometryLiteral;
import org.clustergrid.filter.Operand.Numeric;
import org.clustergrid.filter.Operand.Property;
import org.clustergrid.filter.Operand.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cql2TextTest {
    static Property p(String name) {
        return new Property(name);
    }

    static Text t(String value) {
        return new Text(value);
    }

    static Numeric n(String value) {
        return new Numeric(new BigDecimal(value));
    }

    @Test
    void readsComparisonsWithEveryOperator() {
        assertThat(Cql2Text.parse("class = 'primary'"))
                .isEqualTo(new Compare(p("class"), Comparison.EQUAL, t("primary")));
        assertThat(Cql2Text.parse("population<>5000")).isEqualTo(new Compare(p("population"), Comparison.NOT_EQUAL,
                n("5000")));
        assertThat(Cql2Text.parse("firms < 10")).isEqualTo(new Compare(p("firms"), Comparison.LESS, n("10")));
        assertThat(Cql2Text.parse("firms > -1.5e3")).isEqualTo(new Compare(p("firms"), Comparison.GREATER,
                n("-1.5e3")));
        assertThat(Cql2Text.parse("firms <= .5")).isEqualTo(new Compare(p("firms"), Comparison.LESS_OR_EQUAL,
                n(".5")));
        assertThat(Cql2Text.parse("firms>=+7")).isEqualTo(new Compare(p("firms"), Comparison.GREATER_OR_EQUAL,
                n("7")));
        assertThat(Cql2Text.parse("all_season = TRUE")).isEqualTo(new Compare(p("all_season"), Comparison.EQUAL,
                new Bool(true)));
        assertThat(Cql2Text.parse("motorable <> false")).isEqualTo(new Compare(p("motorable"), Comparison.NOT_EQUAL,
                new Bool(false)));
    }

    @Test
    void textLiteralsUnescapeQuotesAndKeepOtherBackslashes() {
        assertThat(Cql2Text.parse("name = 'O''Brien Road'")).isEqualTo(new Compare(p("name"), Comparison.EQUAL,
                t("O'Brien Road")));
        assertThat(Cql2Text.parse("name = 'O\\'Brien'")).isEqualTo(new Compare(p("name"), Comparison.EQUAL,
                t("O'Brien")));
        assertThat(Cql2Text.parse("name LIKE '100\\%'")).isEqualTo(new Like(p("name"), t("100\\%"), false));
        assertThat(Cql2Text.parse("name = ''")).isEqualTo(new Compare(p("name"), Comparison.EQUAL, t("")));
        assertThat(Cql2Text.parse("name = 'AND OR ( ) ='")).isEqualTo(new Compare(p("name"), Comparison.EQUAL,
                t("AND OR ( ) =")));
    }

    @Test
    void keywordsAreCaseInsensitiveAndQuotedNamesMayBeKeywords() {
        assertThat(Cql2Text.parse("name is not null and NOT (\"in\" Is Null) oR TRUE")).isEqualTo(new Or(List.of(
                new And(List.of(new IsNull(p("name"), true), new Not(new IsNull(p("in"), false)))),
                new Constant(true))));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        Compare a = new Compare(p("a"), Comparison.EQUAL, n("1"));
        Compare b = new Compare(p("b"), Comparison.EQUAL, n("2"));
        Compare c = new Compare(p("c"), Comparison.EQUAL, n("3"));
        assertThat(Cql2Text.parse("a=1 OR b=2 AND c=3")).isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(Cql2Text.parse("(a=1 OR b=2) AND c=3")).isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
        assertThat(Cql2Text.parse("NOT a=1 AND b=2")).isEqualTo(new And(List.of(new Not(a), b)));
        assertThat(Cql2Text.parse("((a=1))")).isEqualTo(a);
    }

    @Test
    void readsAdvancedComparisons() {
        assertThat(Cql2Text.parse("name LIKE 'Canara%'")).isEqualTo(new Like(p("name"), t("Canara%"), false));
        assertThat(Cql2Text.parse("name NOT LIKE '_x'")).isEqualTo(new Like(p("name"), t("_x"), true));
        assertThat(Cql2Text.parse("population BETWEEN 1000 AND 5000 AND kind = 'town'")).isEqualTo(new And(List.of(
                new Between(p("population"), n("1000"), n("5000"), false),
                new Compare(p("kind"), Comparison.EQUAL, t("town")))));
        assertThat(Cql2Text.parse("firms not between 1 and 2")).isEqualTo(new Between(p("firms"), n("1"), n("2"),
                true));
        assertThat(Cql2Text.parse("class IN ('primary', 'secondary')")).isEqualTo(new In(p("class"),
                List.of(t("primary"), t("secondary")), false));
        assertThat(Cql2Text.parse("firms NOT IN (1)")).isEqualTo(new In(p("firms"), List.of(n("1")), true));
        assertThat(Cql2Text.parse("CASEI(name) LIKE casei('%bank%')")).isEqualTo(new Like(
                new CaseInsensitive(p("name")), new CaseInsensitive(t("%bank%")), false));
        assertThat(Cql2Text.parse("CASEI(name) IN (CASEI('a'))")).isEqualTo(new In(new CaseInsensitive(p("name")),
                List.of(new CaseInsensitive(t("a"))), false));
    }

    @Test
    void readsSpatialLiterals() {
        Condition point = Cql2Text.parse("S_INTERSECTS(geometry, POINT(80.1 20.2))");
        assertThat(point).isInstanceOf(Intersects.class);
        Intersects i = (Intersects) point;
        assertThat(i.left()).isEqualTo(p("geometry"));
        assertThat(((GeometryLiteral) i.right()).geometry().toText()).isEqualTo("POINT (80.1 20.2)");

        assertThat(Cql2Text.parse("s_intersects(geometry,bbox(80, 20, 80.5, 20.5))"))
                .isEqualTo(new Intersects(p("geometry"), new Box(80, 20, 80.5, 20.5)));
        assertThat(Cql2Text.parse("S_INTERSECTS(BBOX(80, 20, 0, 80.5, 20.5, 100), geometry)"))
                .isEqualTo(new Intersects(new Box(80, 20, 80.5, 20.5), p("geometry")));

        for (String wkt : List.of("LINESTRING(80 20, 81 21)", "POLYGON((80 20, 81 20, 81 21, 80 20))",
                "MULTIPOINT((80 20), (81 21))", "MULTIPOINT(80 20, 81 21)", "MULTILINESTRING((80 20, 81 21))",
                "MULTIPOLYGON(((80 20, 81 20, 81 21, 80 20)))", "GEOMETRYCOLLECTION(POINT(80 20))",
                "POINT Z(80 20 5)", "polygon ((80 20,81 20,81 21,80 20),(80.5 20.2,80.9 20.2,80.9 20.6,80.5 20.2))")) {
            Intersects parsed = (Intersects) Cql2Text.parse("S_INTERSECTS(geometry, " + wkt + ") AND firms > 1"
                    .replace(" AND firms > 1", ""));
            assertThat(parsed.right()).as(wkt).isInstanceOf(GeometryLiteral.class);
        }
        Condition both = Cql2Text.parse("S_INTERSECTS(geometry,POINT(1 2)) AND S_INTERSECTS(geometry,POINT(3 4))");
        assertThat(((And) both).conditions()).hasSize(2);
    }

    @Test
    void readsATrueOrFalseOnItsOwn() {
        assertThat(Cql2Text.parse("TRUE")).isEqualTo(new Constant(true));
        assertThat(Cql2Text.parse("false AND name = 'x'")).isEqualTo(new And(List.of(new Constant(false),
                new Compare(p("name"), Comparison.EQUAL, t("x")))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "name =|filter: at character 7, expected a value after '='; got end of text",
        "road_class='primary' AND|filter: at character 25, expected a condition; got end of text",
        "class = 'primary' paving = 'unpaved'|filter: at character 19, expected AND, OR or the end of the filter; got 'paving'",
        "name = 'Main|filter: at character 8, the text starting here has no closing quote (')",
        "(name = 'a'|filter: at character 12, expected ')' to close the '(' at character 1; got end of text",
        "name != 'a'|filter: at character 6, '!=' is not CQL2; write '<>' for 'not equal'",
        "name|filter: at character 5, expected a comparison (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN or IS NULL) after 'name'; got end of text",
        "firms BETWEEN 1 OR 2|filter: at character 17, expected AND between the two bounds of BETWEEN; got 'OR'",
        "class IN ('a' 'b')|filter: at character 15, expected ',' or ')' in the IN list; got the text 'b'",
        "class IN 'a'|filter: at character 10, expected '(' to open the list after IN; got the text 'a'",
        "name LIKE name|filter: at character 11, expected a pattern in quotes after LIKE, such as '%Road%'; got 'name'",
        "name IS NOT 5|filter: at character 13, expected NULL after IS NOT; got the number 5",
        "name NOT = 'a'|filter: at character 10, expected LIKE, BETWEEN or IN after NOT; got '='",
        "S_WITHIN(geometry, POINT(1 2))|filter: at character 1, S_WITHIN is not supported; the spatial function offered is S_INTERSECTS",
        "T_AFTERWARDS(built, DATE('2020-01-01'))|filter: at character 1, unknown temporal function T_AFTERWARDS; the temporal functions are T_AFTER, T_BEFORE, T_CONTAINS, T_DISJOINT, T_DURING, T_EQUALS, T_FINISHEDBY, T_FINISHES, T_INTERSECTS, T_MEETS, T_METBY, T_OVERLAPPEDBY, T_OVERLAPS, T_STARTEDBY, T_STARTS",
        "built = DATE('2020-02-30')|filter: at character 9, DATE('2020-02-30') is not a date; write one such as DATE('2020-12-31')",
        "built = DATE(2020)|filter: at character 14, expected a date in quotes inside DATE(...); got the number 2020",
        "t = TIMESTAMP('2020-12-31T10:00:00+01:00')|filter: at character 5, TIMESTAMP('2020-12-31T10:00:00+01:00') is not a timestamp in UTC; write one such as TIMESTAMP('2020-12-31T10:00:00Z')",
        "T_DURING(built, INTERVAL('2020-01-01', 'soon'))|filter: at character 40, 'soon' is not a bound of an INTERVAL: write a date ('2020-12-31'), a timestamp in UTC ('2020-12-31T10:00:00Z') or '..' for an open end",
        "T_DURING(built, INTERVAL('2020-01-01'))|filter: at character 38, expected ',' between the start and the end of INTERVAL; got ')'",
        "T_AFTER(built DATE('2020-01-01'))|filter: at character 15, expected ',' between the two arguments of T_AFTER; got 'DATE'",
        "upper(name) = 'A'|filter: at character 1, unknown function UPPER; the functions offered are S_INTERSECTS, CASEI, DATE, TIMESTAMP, INTERVAL and the temporal functions (T_AFTER, T_BEFORE, T_DURING, T_INTERSECTS, …)",
        "S_INTERSECTS(geometry, POINT(1))|filter: at character 24, the POINT literal is not valid WKT: Expected number but found ')'",
        "S_INTERSECTS(geometry, POINT(1 2)|filter: at character 34, expected ')' to close S_INTERSECTS; got end of text",
        "S_INTERSECTS(geometry, POLYGON((1 2, 3 4)|filter: at character 24, the POLYGON literal has no closing ')'",
        "S_INTERSECTS(geometry, POINT EMPTY)|filter: at character 30, expected '(' to open the coordinates of POINT (EMPTY geometries are not supported)",
        "S_INTERSECTS(geometry POINT(1 2))|filter: at character 23, expected ',' between the two geometries of S_INTERSECTS; got 'POINT'",
        "S_INTERSECTS(geometry, 'x')|filter: at character 24, expected a geometry (a WKT literal such as POINT(80.1 20.2), BBOX(...) or the property geometry) after ','; got the text 'x'",
        "S_INTERSECTS(geometry, BBOX(1, 2, 3))|filter: at character 24, BBOX takes 4 numbers (or 6 with heights); got 3",
        "firms = 5x|filter: at character 10, expected a space or an operator after the number 5; got 'x'",
        "name = 'a' # x|filter: at character 12, unexpected character '#'",
        "AND name = 'a'|filter: at character 1, expected a condition; got 'AND'",
        "name = \"\"|filter: at character 8, a quoted property name must not be empty",
    })
    void refusesWithThePlaceAndWhatWasExpected(String filter, String message) {
        assertThatThrownBy(() -> Cql2Text.parse(filter)).isInstanceOf(FilterSyntaxException.class)
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void refusesAnInvalidPolygonAtItsPlace() {
        assertThatThrownBy(() -> Cql2Text.parse("S_INTERSECTS(geometry, POLYGON((0 0, 2 2, 2 0, 0 2, 0 0)))"))
                .hasMessageStartingWith("filter: at character 24, the POLYGON literal is not a valid geometry: "
                        + "Self-intersection");
    }

    @Test
    void refusesAnEmptyFilter() {
        assertThatThrownBy(() -> Cql2Text.parse("  ")).hasMessage(
                "filter: is empty; write a condition such as name = 'Main Road'");
    }

    @Test
    void readsDatesTimestampsIntervalsAndTheTemporalFunctions() {
        assertThat(Cql2Text.parse("opened >= DATE('2020-12-31')")).isEqualTo(new Compare(p("opened"),
                Comparison.GREATER_OR_EQUAL, new Operand.Date(java.time.LocalDate.of(2020, 12, 31))));
        assertThat(Cql2Text.parse("seen = timestamp('2020-12-31T10:00:00.5Z')")).isEqualTo(new Compare(p("seen"),
                Comparison.EQUAL, new Operand.Timestamp(java.time.Instant.parse("2020-12-31T10:00:00.500Z"))));
        assertThat(Cql2Text.parse("t_during(opened, INTERVAL('2020-01-01', '..'))")).isEqualTo(
                new Condition.Temporal(TemporalRelation.T_DURING, p("opened"), new Operand.Interval(
                        new Operand.Date(java.time.LocalDate.of(2020, 1, 1)), new Operand.Unbounded())));
        assertThat(Cql2Text.parse("NOT T_AFTER(seen, INTERVAL('..', '2021-01-01T00:00:00Z'))")).isEqualTo(
                new Not(new Condition.Temporal(TemporalRelation.T_AFTER, p("seen"), new Operand.Interval(
                        new Operand.Unbounded(), new Operand.Timestamp(java.time.Instant.parse(
                                "2021-01-01T00:00:00Z"))))));
        for (TemporalRelation r : TemporalRelation.values()) {
            assertThat(Cql2Text.parse(r.function() + "(a, DATE('2020-01-01'))")).isInstanceOf(
                    Condition.Temporal.class);
        }
    }
}
