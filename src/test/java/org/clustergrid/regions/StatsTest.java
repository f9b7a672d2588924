package org.clustergrid.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void quartilesInterpolateAsRAndNumPyDoAndNothingKnownIsNull() {
        // R: quantile(c(1, 2, 4, 10), c(.25, .5, .75)) = 1.75 3 5.5
        Stats s = Stats.of(new double[] {10, 1, 4, 2});
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(4.25);
        assertThat(new double[] {s.min(), s.p25(), s.median(), s.p75(), s.max()})
                .containsExactly(1, 1.75, 3, 5.5, 10);
        assertThat(Stats.of(new double[] {7}).median()).isEqualTo(7);
        assertThat(Stats.of(new double[0])).isNull();
    }
}
