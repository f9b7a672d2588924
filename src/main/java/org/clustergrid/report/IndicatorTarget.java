package org.clustergrid.report;

import java.util.List;
import org.clustergrid.scoring.ScoreCurve;

/**
 * The value an indicator must reach for its score to meet its dimension's target: the profile's curve read
 * backwards. A distance curve falls, so the target is the farthest distance still scoring the target; a count
 * curve rises, so it is the fewest. Null when the curve never reaches the target, always does, or goes both ways.
 */
final class IndicatorTarget {
    private IndicatorTarget() {}

    /** Whether lower values score higher (distances, times). */
    static boolean lowerIsBetter(ScoreCurve c) {
        return c.scores().get(0) > c.scores().get(c.scores().size() - 1);
    }

    static Double value(ScoreCurve c, double target) {
        List<Double> v = c.values();
        List<Double> s = c.scores();
        int last = s.size() - 1;
        boolean falling = monotone(s, -1);
        boolean rising = monotone(s, 1);
        if (falling && !rising) {
            if (s.get(0) < target || s.get(last) >= target) {
                return null;
            }
            for (int k = 0; k < last; k++) {
                if (s.get(k) >= target && s.get(k + 1) < target) {
                    return v.get(k) + (s.get(k) - target) / (s.get(k) - s.get(k + 1)) * (v.get(k + 1) - v.get(k));
                }
            }
        } else if (rising && !falling) {
            if (s.get(last) < target || s.get(0) >= target) {
                return null;
            }
            for (int k = 0; k < last; k++) {
                if (s.get(k) < target && s.get(k + 1) >= target) {
                    return v.get(k) + (target - s.get(k)) / (s.get(k + 1) - s.get(k)) * (v.get(k + 1) - v.get(k));
                }
            }
        }
        return null;
    }

    /** Whether the scores never move against {@code direction} (1 rising, −1 falling). */
    private static boolean monotone(List<Double> s, int direction) {
        for (int k = 1; k < s.size(); k++) {
            if ((s.get(k) - s.get(k - 1)) * direction < 0) {
                return false;
            }
        }
        return true;
    }
}
