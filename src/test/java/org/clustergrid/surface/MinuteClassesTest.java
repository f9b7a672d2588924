package org.clustergrid.surface;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinuteClassesTest {
    @Test
    void breaksBelongToTheClassAboveAndNoDataIsNoClass() {
        assertThat(MinuteClasses.of(0)).isZero();
        assertThat(MinuteClasses.of(14.99)).isZero();
        assertThat(MinuteClasses.of(15)).isEqualTo(1);
        assertThat(MinuteClasses.of(30)).isEqualTo(2);
        assertThat(MinuteClasses.of(60)).isEqualTo(3);
        assertThat(MinuteClasses.of(119.9)).isEqualTo(3);
        assertThat(MinuteClasses.of(120)).isEqualTo(4);
        assertThat(MinuteClasses.of(5000)).isEqualTo(4);
        assertThat(MinuteClasses.of(Double.POSITIVE_INFINITY)).isEqualTo(-1);
        assertThat(MinuteClasses.of(Double.NaN)).isEqualTo(-1);
        assertThat(MinuteClasses.colour(Double.POSITIVE_INFINITY)).isEqualTo(MinuteClasses.NO_DATA);
        assertThat(MinuteClasses.label(45)).isEqualTo("30 – 60 min");
        assertThat(MinuteClasses.label(Double.POSITIVE_INFINITY))
                .isEqualTo("no data: not reached over the imported roads");
    }
}
