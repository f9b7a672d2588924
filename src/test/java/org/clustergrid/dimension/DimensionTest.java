package org.clustergrid.dimension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Declarations, requests, matching and nearest values of the elevation and time dimensions. */
class DimensionTest {
    private static final Axis E = Axis.ELEVATION;
    private static final Axis T = Axis.TIME;

    @Test
    void aListOfElevationsTakesItsValuesAndSnapsOthersToTheNearest() {
        Dimension d = Dimension.of(E, "ELEV", "500,490,480", "500", false, true);
        assertThat(d.select("490").warning()).isNull();
        assertThat(d.select("490").matches(490)).isTrue();
        Selection near = d.select("492");
        assertThat(near.warning()).isEqualTo("99 Nearest value used: elevation=490 m");
        assertThat(near.matches(490)).isTrue();
        assertThat(near.matches(492)).isFalse();
        assertThat(d.select("1000").warning()).isEqualTo("99 Nearest value used: elevation=500 m");
        // halfway: the lower
        assertThat(d.select("485").matches(480)).isTrue();
        assertThat(d.select(null).warning()).isEqualTo("99 Default value used: elevation=500 m");
        assertThatThrownBy(() -> d.select("500,480")).isInstanceOf(DimensionException.class);
        assertThatThrownBy(() -> d.select("480/500")).isInstanceOf(DimensionException.class);
        assertThatThrownBy(() -> d.select("high")).isInstanceOf(DimensionException.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void anIntervalWithAResolutionHoldsTheValuesOnItsGrid() {
        Dimension d = Dimension.of(E, null, "0/425/1", "0/425", true, false);
        Selection s = d.select("0/200,250");
        assertThat(s.matches(0)).isTrue();
        assertThat(s.matches(200)).isTrue();
        assertThat(s.matches(201)).isFalse();
        assertThat(s.matches(250)).isTrue();
        assertThat(s.warning()).isNull();
        assertThatThrownBy(() -> d.select("1000")).isInstanceOf(DimensionException.class)
                .matches(e -> !((DimensionException) e).missing());
        assertThatThrownBy(() -> d.select("250.5")).isInstanceOf(DimensionException.class);
        assertThatThrownBy(() -> d.select("500/600")).isInstanceOf(DimensionException.class);
        // a range reaching past the extent asks for what lies within it
        assertThat(d.select("400/1000").matches(425)).isTrue();
        // a range between two grid values reaches none
        Dimension tens = Dimension.of(E, null, "0/100/10", null, true, false);
        assertThatThrownBy(() -> tens.select("11/19")).isInstanceOf(DimensionException.class);
        assertThat(tens.select("11/20").matches(20)).isTrue();
        assertThat(d.select("").warning()).isEqualTo("99 Default value used: elevation=0/425 m");
    }

    @Test
    void timesSnapToTheirPeriodAndMissingWithoutDefaultIsMissing() {
        Dimension d = Dimension.of(T, "TIME", "2000-01-01T00:00:00Z/2000-01-01T00:01:00Z/PT5S", null, true, true);
        double t5 = T.value("2000-01-01T00:00:05Z");
        Selection s = d.select("2000-01-01T00:00:06Z");
        assertThat(s.warning()).isEqualTo("99 Nearest value used: time=2000-01-01T00:00:05Z ISO8601");
        assertThat(s.matches(t5)).isTrue();
        assertThat(s.matchesAttribute("2000-01-01T00:00:05Z")).isTrue();
        assertThat(s.matchesAttribute(java.time.Instant.parse("2000-01-01T00:00:05Z"))).isTrue();
        assertThat(s.matchesAttribute("not a time")).isFalse();
        assertThat(s.matchesAttribute(null)).isFalse();
        assertThat(d.select("2000-01-01T00:00:10Z/2000-01-01T00:00:20Z").matches(T.value("2000-01-01T00:00:15Z")))
                .isTrue();
        assertThatThrownBy(() -> d.select(null)).isInstanceOf(DimensionException.class)
                .matches(e -> ((DimensionException) e).missing());
        assertThatThrownBy(() -> d.select("current")).isInstanceOf(DimensionException.class);
    }

    @Test
    void calendarPeriodsStepInMonths() {
        Dimension d = Dimension.of(T, "DATE", "2000-01-01/2000-12-01/P1M", "2000-03-01", false, true);
        Selection s = d.select("2000-02-20");
        assertThat(s.matches(T.value("2000-03-01"))).isTrue();
        assertThat(s.warning()).isEqualTo("99 Nearest value used: time=2000-03-01T00:00:00Z ISO8601");
        assertThat(d.select("2000-05-01").warning()).isNull();
    }

    @Test
    void badDeclarationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Dimension.of(E, "E", "500,490", "495", false, true))
                .hasMessageContaining("not among the values");
        assertThatThrownBy(() -> Dimension.of(E, "E", "10/0/1", null, true, true))
                .hasMessageContaining("start must come before the end");
        assertThatThrownBy(() -> Dimension.of(E, "E", "0/10/0", null, true, true)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> Dimension.of(T, "T", "2000-01-01/2001-01-01/5S", null, true, true))
                .hasMessageContaining("ISO 8601 period");
        assertThatThrownBy(() -> Dimension.of(T, "T", "", null, true, true)).hasMessageContaining("empty");
    }
}
