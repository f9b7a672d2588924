package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score classes the WMS shares with the web map (web/score-classes.js computeClasses and classOf). */
class ScoreClassesTest {
    static final Color MOST_NEED = new Color(0xBD0026);
    static final Color LEAST_NEED = new Color(0xFFFFB2);

    @Test
    void gapsUseFixedBreaksAndAValueOnABreakGoesToTheClassAbove() {
        ScoreClasses gap = ScoreClasses.of(ScoreMeasure.GAP, List.of());
        assertThat(gap.need(0.0)).isZero();
        assertThat(gap.need(19.99)).isZero();
        assertThat(gap.need(20.0)).isEqualTo(1);
        assertThat(gap.need(40.0)).isEqualTo(2);
        assertThat(gap.need(60.0)).isEqualTo(3);
        assertThat(gap.need(79.99)).isEqualTo(3);
        assertThat(gap.need(80.0)).isEqualTo(4);
        assertThat(gap.need(100.0)).as("the top class includes its maximum").isEqualTo(4);
        assertThat(gap.colour(100.0)).isEqualTo(MOST_NEED);
        assertThat(gap.colour(5.0)).isEqualTo(LEAST_NEED);
        // beyond the ends: the end classes
        assertThat(gap.need(-3.0)).isZero();
        assertThat(gap.need(130.0)).isEqualTo(4);
        assertThat(gap.label(4)).isEqualTo("80 – 100");
    }

    @Test
    void theCompositeIsInvertedLowScoresAreMostInNeed() {
        ScoreClasses composite = ScoreClasses.of(ScoreMeasure.COMPOSITE, List.of());
        assertThat(composite.need(0.0)).isEqualTo(4);
        assertThat(composite.need(19.99)).isEqualTo(4);
        assertThat(composite.need(20.0)).as("on a break: the class above, which has less need").isEqualTo(3);
        assertThat(composite.need(80.0)).isZero();
        assertThat(composite.need(100.0)).isZero();
        assertThat(composite.colour(10.0)).isEqualTo(MOST_NEED);
        assertThat(composite.colour(95.0)).isEqualTo(LEAST_NEED);
        assertThat(composite.label(4)).isEqualTo("0 – 20");
        assertThat(composite.label(0)).isEqualTo("80 – 100");
    }

    @Test
    void priorityUsesQuintilesOfTheCurrentClustersFromZero() {
        List<Double> values = new ArrayList<>(Arrays.asList(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, null));
        ScoreClasses p = ScoreClasses.of(ScoreMeasure.PRIORITY, values);
        // sorted 1..10: breaks 0, v[2]=3, v[4]=5, v[6]=7, v[8]=9, max 10
        assertThat(p.min(0)).isZero();
        assertThat(p.max(0)).isEqualTo(3.0);
        assertThat(p.max(1)).isEqualTo(5.0);
        assertThat(p.max(2)).isEqualTo(7.0);
        assertThat(p.max(3)).isEqualTo(9.0);
        assertThat(p.max(4)).isEqualTo(10.0);
        assertThat(p.need(1.0)).isZero();
        assertThat(p.need(3.0)).isEqualTo(1);
        assertThat(p.need(9.0)).isEqualTo(4);
        assertThat(p.need(10.0)).isEqualTo(4);
        assertThat(p.need(25.0)).isEqualTo(4);
        assertThat(p.label(1)).isEqualTo("3 – 5");
        assertThat(ScoreClasses.quintiles(List.of(1234.5, 20000.5)).label(4)).isEqualTo("20,001 – 20,001");
    }

    @Test
    void repeatedQuintileValuesLeaveEmptyClassesAsTheWebMapDoes() {
        ScoreClasses p = ScoreClasses.quintiles(List.of(5.0, 5.0, 5.0, 5.0, 9.0));
        // breaks 0, 5, 5, 5, 9, 9: a value of 5 skips the empty classes [5, 5) into [5, 9)
        assertThat(p.need(5.0)).isEqualTo(3);
        // and the maximum stays in [5, 9], which also ends at the top: the web map's first match wins
        assertThat(p.need(9.0)).isEqualTo(3);
        assertThat(p.need(4.0)).isZero();
        assertThat(ScoreClasses.quintiles(List.of()).max(4)).as("no values: breaks 0 to 5").isEqualTo(5.0);
    }

    @Test
    void noScoreIsGrey() {
        ScoreClasses gap = ScoreClasses.fixed(true);
        assertThat(gap.need(null)).isEqualTo(-1);
        assertThat(gap.need(Double.NaN)).isEqualTo(-1);
        assertThat(gap.colour(null)).isEqualTo(new Color(0xBDBDBD));
    }
}
