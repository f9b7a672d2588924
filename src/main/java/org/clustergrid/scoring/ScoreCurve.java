package org.clustergrid.scoring;

import java.util.List;

/**
 * Maps an indicator value to a score 0–100 by linear interpolation between fixed points, flat beyond the ends. The
 * points are absolute (metres, seconds, counts), so a score means the same in every region and every run.
 *
 * @param values strictly increasing indicator values
 * @param scores the score at each value, each within 0–100
 */
public record ScoreCurve(List<Double> values, List<Double> scores) {
    public ScoreCurve {
        values = List.copyOf(values);
        scores = List.copyOf(scores);
        if (values.size() < 2 || values.size() != scores.size()) {
            throw new IllegalArgumentException("a curve needs at least two [value, score] points");
        }
        for (int i = 0; i < values.size(); i++) {
            double s = scores.get(i);
            if (!(s >= 0 && s <= 100)) {
                throw new IllegalArgumentException("score " + s + " is outside 0–100");
            }
            if (!Double.isFinite(values.get(i)) || (i > 0 && values.get(i) <= values.get(i - 1))) {
                throw new IllegalArgumentException("curve values must be finite and strictly increasing");
            }
        }
    }

    public double score(double value) {
        if (value <= values.get(0)) {
            return scores.get(0);
        }
        int last = values.size() - 1;
        if (value >= values.get(last)) {
            return scores.get(last);
        }
        int i = 1;
        while (values.get(i) < value) {
            i++;
        }
        double x0 = values.get(i - 1);
        double x1 = values.get(i);
        double t = (value - x0) / (x1 - x0);
        return scores.get(i - 1) + t * (scores.get(i) - scores.get(i - 1));
    }
}
