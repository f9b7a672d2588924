package org.clustergrid.report;

import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Evidence;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoreCurve;

/**
 * One indicator of a cluster as a report shows it: its value, the value that would meet its dimension's target, its
 * score and how far that falls short of the target, the feature behind it, or why it is unknown.
 *
 * @param id the indicator's id ({@code bank_distance}, or a layer indicator's)
 * @param weight its weight within its dimension
 * @param unreachable measured, but nothing of the kind can be reached (the lowest score, not unknown)
 * @param targetValue the value at which the curve gives the dimension's target score; null when no single value does
 * @param gap target score minus score when it falls short, else 0; null when the indicator is unknown
 * @param missing why it is unknown; null when measured
 */
public record IndicatorRow(String id, String title, Dimension dimension, String unit, double weight, Double value,
        Double score, boolean unreachable, Double targetValue, boolean lowerIsBetter, Double gap, Missing missing,
        Evidence evidence) {

    static IndicatorRow of(IndicatorResult r, double weight, ScoreCurve curve, Double target) {
        return of(r.indicator().id(), r.indicator().title(), r.indicator().dimension(), r.indicator().unit(), weight,
                r.value(), r.score(), Boolean.TRUE.equals(r.details().get("unreachable")), curve, target, r.missing(),
                r.evidence());
    }

    static IndicatorRow of(LayerResult r, Double target) {
        var l = r.indicator();
        return of(l.id(), l.title(), l.dimension(), l.unit(), l.weight(), r.value(), r.score(),
                Boolean.TRUE.equals(r.details().get("unreachable")), l.curve(), target, r.missing(), r.evidence());
    }

    private static IndicatorRow of(String id, String title, Dimension d, String unit, double weight, Double value,
            Double score, boolean unreachable, ScoreCurve curve, Double target, Missing missing, Evidence evidence) {
        Double targetValue = target == null ? null : IndicatorTarget.value(curve, target);
        Double gap = score == null || target == null ? null : Math.max(0, target - score);
        return new IndicatorRow(id, title, d, unit, weight, value, score, unreachable, targetValue,
                IndicatorTarget.lowerIsBetter(curve), gap, missing, evidence);
    }

    public boolean known() {
        return score != null;
    }

    /** The value as the report prints it: the figure, "none reachable", or "unknown". */
    public String valueText() {
        if (missing != null) {
            return "unknown";
        }
        if (unreachable) {
            return "none reachable";
        }
        return Plain.value(unit, value);
    }

    /** The target value as the report prints it, e.g. "≤ 7.0 km"; "—" when no single value meets the target. */
    public String targetText() {
        if (targetValue == null) {
            return "—";
        }
        if (unit.equals("flag")) {
            return lowerIsBetter ? "no" : "yes";
        }
        // counts are whole: the fewest that reach the target
        double v = unit.equals("count") && !lowerIsBetter ? Math.ceil(targetValue - 1e-9) : targetValue;
        return (lowerIsBetter ? "≤ " : "≥ ") + Plain.value(unit, v);
    }
}
