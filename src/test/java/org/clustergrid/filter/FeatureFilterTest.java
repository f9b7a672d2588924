package org.clustergrid.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** CQL2 on features in memory, by the stores' rules: SQL's three-valued logic, one kind each side, LIKE's escapes. */
class FeatureFilterTest {
    static final Map<String, FeatureFilter.Kind> QUERYABLES = Map.of("name", FeatureFilter.Kind.TEXT,
            "cost", FeatureFilter.Kind.NUMBER, "kv", FeatureFilter.Kind.NUMBER);
    static final Geometry AT = new GeometryFactory().createPoint(new Coordinate(80.4, 20.4));

    static boolean test(String cql, Object name, Object cost, Object kv) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("cost", cost);
        p.put("kv", kv);
        return new FeatureFilter(Cql2Text.parse(cql), QUERYABLES).test(p, AT);
    }

    @Test
    void missingValuesAreUnknownNotFalse() {
        assertThat(test("kv >= 66", "a", 1.0, null)).isFalse();
        assertThat(test("NOT (kv >= 66)", "a", 1.0, null)).as("NOT unknown is unknown").isFalse();
        assertThat(test("cost < 10 OR kv >= 66", "a", 1.0, null)).isTrue();
        assertThat(test("cost > 10 OR kv >= 66", "a", 1.0, null)).isFalse();
        assertThat(test("kv IS NULL", "a", 1.0, null)).isTrue();
        assertThat(test("name IS NOT NULL AND cost BETWEEN 0.5 AND 1", "a", 1.0, null)).isTrue();
        assertThat(test("kv IN (33, 66)", "a", 1.0, 66)).isTrue();
        assertThat(test("kv NOT IN (33, 66)", "a", 1.0, null)).isFalse();
    }

    @Test
    void numbersCompareAsNumbersAndTextsAsTexts() {
        assertThat(test("cost = 150000", "a", 150000.0, null)).isTrue();
        assertThat(test("cost = 1.5e5", "a", 150000L, null)).isTrue();
        assertThat(test("name LIKE 'New%'", "New town", 1, null)).isTrue();
        assertThat(test("name LIKE 'N_w\\%'", "New%", 1, null)).isTrue();
        assertThat(test("name LIKE 'N_w\\%'", "New town", 1, null)).isFalse();
        assertThat(test("CASEI(name) = CASEI('NEW TOWN')", "New town", 1, null)).isTrue();
        assertThat(test("S_INTERSECTS(geometry, BBOX(80, 20, 81, 21))", "a", 1, null)).isTrue();
        assertThat(test("S_INTERSECTS(geometry, BBOX(170, 20, -170, 21))", "a", 1, null)).isFalse();
    }

    @Test
    void aMistypedFilterIsRefusedBeforeAnyFeature() {
        assertThatThrownBy(() -> new FeatureFilter(Cql2Text.parse("cost = 'many'"), QUERYABLES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one kind");
        assertThatThrownBy(() -> new FeatureFilter(Cql2Text.parse("nosuch = 1"), QUERYABLES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no queryable 'nosuch'");
        assertThatThrownBy(() -> new FeatureFilter(Cql2Text.parse("name LIKE 1"), QUERYABLES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
