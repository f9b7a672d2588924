package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.Map;
import org.clustergrid.scoring.ScoringProfile.IndicatorSpec;

/** From indicator scores to dimension scores, the composite, gaps and priority; pure arithmetic. */
public final class Aggregation {
    private Aggregation() {}

    /** Weighted mean of each dimension's indicators that have data; dimensions without any data are left out. */
    public static Map<Dimension, Double> dimensionScores(Map<Indicator, IndicatorResult> results, ScoringProfile p) {
        double[] sum = new double[Dimension.values().length];
        double[] weight = new double[sum.length];
        for (IndicatorResult r : results.values()) {
            IndicatorSpec spec = p.indicators().get(r.indicator());
            if (r.score() != null && spec.weight() > 0) {
                int d = r.indicator().dimension().ordinal();
                sum[d] += spec.weight() * r.score();
                weight[d] += spec.weight();
            }
        }
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (weight[d.ordinal()] > 0) {
                out.put(d, sum[d.ordinal()] / weight[d.ordinal()]);
            }
        }
        return out;
    }

    /** Weighted mean over the dimensions present; null when none is. */
    public static Double weightedMean(Map<Dimension, Double> values, Weights w) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<Dimension, Double> e : values.entrySet()) {
            sum += w.of(e.getKey()) * e.getValue();
            weight += w.of(e.getKey());
        }
        return weight > 0 ? sum / weight : null;
    }

    public static Map<Dimension, Double> gaps(Map<Dimension, Double> scores, Map<Dimension, Double> targets) {
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        scores.forEach((d, s) -> out.put(d, Math.max(0, targets.getOrDefault(d, 0.0) - s)));
        return out;
    }

    public static Double priority(Double gap, Integer size) {
        return gap == null || size == null ? null : gap * size;
    }
}
