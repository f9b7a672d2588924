package org.clustergrid.render;

import java.awt.Color;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;

/**
 * Five classes of a score, as the planner web map draws them (web/score-classes.js computeClasses / classOf): ColorBrewer
 * YlOrRd, darker = more need. 0–100 scores break at 0, 20, 40, 60, 80, 100; priority at the quintiles of the
 * current clusters' values (0, then the values at ⌊n·q/5⌋ of the sorted list for q = 1…4, then the maximum). A value
 * on a break goes to the class above it; the top class includes its maximum; values beyond the ends go to the end
 * classes. For the composite the lowest scores are the most in need.
 */
public final class ScoreClasses {
    /** ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies. */
    public static final Color[] COLOURS = {new Color(0xFFFFB2), new Color(0xFECC5C), new Color(0xFD8D3C),
        new Color(0xF03B20), new Color(0xBD0026)};
    public static final Color NO_SCORE = new Color(0xBDBDBD);
    static final int CLASSES = 5;

    /** Lower and upper bound of each class, by need (0 = least … 4 = most). */
    private final double[] min = new double[CLASSES];
    private final double[] max = new double[CLASSES];

    private ScoreClasses(double[] bounds, boolean needHigh) {
        for (int i = 0; i < CLASSES; i++) {
            int need = needHigh ? i : CLASSES - 1 - i;
            min[need] = bounds[i];
            max[need] = bounds[i + 1];
        }
    }

    /** The classes of a measure over the values of the current clusters (used for quintiles only). */
    public static ScoreClasses of(ScoreMeasure measure, Collection<Double> values) {
        return measure.fixedBreaks() ? fixed(measure.needHigh()) : quintiles(values);
    }

    public static ScoreClasses fixed(boolean needHigh) {
        return new ScoreClasses(new double[] {0, 20, 40, 60, 80, 100}, needHigh);
    }

    /** Quintile classes, higher = more need; with no values the breaks are 0…5, as the web map's. */
    public static ScoreClasses quintiles(Collection<Double> values) {
        double[] v = values.stream().filter(x -> x != null && !x.isNaN()).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        double[] bounds = new double[CLASSES + 1];
        for (int q = 1; q < CLASSES; q++) {
            bounds[q] = v.length == 0 ? q : v[Math.min(v.length - 1, v.length * q / CLASSES)];
        }
        bounds[CLASSES] = v.length == 0 ? CLASSES : v[v.length - 1];
        return new ScoreClasses(bounds, true);
    }

    /** The need class (0 = least … 4 = most) of a value, or -1 when there is no score. */
    public int need(Double value) {
        if (value == null || value.isNaN()) {
            return -1;
        }
        double top = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < CLASSES; i++) {
            top = Math.max(top, max[i]);
            low = Math.min(low, min[i]);
        }
        double x = value;
        for (int i = 0; i < CLASSES; i++) {
            if (x >= min[i] && (x < max[i] || (x == max[i] && max[i] == top))) {
                return i;
            }
        }
        for (int i = 0; i < CLASSES; i++) {
            if (x < low ? min[i] == low : max[i] == top) {
                return i;
            }
        }
        return -1; // not reached: one class always holds each end
    }

    public Color colour(Double value) {
        int need = need(value);
        return need < 0 ? NO_SCORE : COLOURS[need];
    }

    public double min(int need) {
        return min[need];
    }

    public double max(int need) {
        return max[need];
    }

    /** "min – max" with whole numbers, as the web map's legend writes a class. */
    public String label(int need) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMaximumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP); // JavaScript's toLocaleString rounds halves away from zero
        return f.format(min[need]) + " – " + f.format(max[need]);
    }
}
