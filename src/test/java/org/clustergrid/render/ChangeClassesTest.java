package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A change is coloured by its class; a gap unknown on either side is no data, never "no change". */
class ChangeClassesTest {
    @Test
    void classes() {
        assertThat(ChangeClasses.fall(40.0, 37.456)).isEqualTo(2.54);
        assertThat(ChangeClasses.fall(null, 3.0)).isNull();
        assertThat(ChangeClasses.fall(3.0, null)).isNull();
        assertThat(ChangeClasses.colour(null)).isEqualTo(ScoreClasses.NO_SCORE).isNotEqualTo(ChangeClasses.SAME);
        assertThat(ChangeClasses.colour(0.0)).isEqualTo(ChangeClasses.SAME);
        assertThat(ChangeClasses.colour(-0.5)).isEqualTo(ChangeClasses.ROSE);
        assertThat(ChangeClasses.colour(1.99)).isEqualTo(ChangeClasses.FELL[0]);
        assertThat(ChangeClasses.colour(2.0)).isEqualTo(ChangeClasses.FELL[1]);
        assertThat(ChangeClasses.colour(9.99)).isEqualTo(ChangeClasses.FELL[2]);
        assertThat(ChangeClasses.colour(10.0)).isEqualTo(ChangeClasses.FELL[3]);
        assertThat(ChangeClasses.legend()).hasSize(7);
        assertThat(ChangeClasses.legend().get(6).label()).contains("no data");
    }
}
