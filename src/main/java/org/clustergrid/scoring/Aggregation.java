package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.ScoringProfile.IndicatorSpec;

/**
 * From indicator scores to dimension scores, the composite, gaps and priority; pure arithmetic. Unknown indicators
 * are left out and the weights renormalised over the known ones, but only while enough is known
 * ({@link Completeness}): a dimension or composite resting on too little evidence is not scored at all.
 */
public final class Aggregation {
    private Aggregation() {}

    /** Per dimension, the share of its indicator weight that is known (0–1); 1 for a dimension without weight. */
    public static Map<Dimension, Double> completeness(Map<Indicator, IndicatorResult> results, ScoringProfile p) {
        return completeness(results, List.of(), p);
    }

    /** As {@link #completeness(Map, ScoringProfile)}, the profile's layer indicators counted as the built-in ones. */
    public static Map<Dimension, Double> completeness(Map<Indicator, IndicatorResult> results,
            List<LayerResult> layers, ScoringProfile p) {
        double[] known = new double[Dimension.values().length];
        double[] total = new double[known.length];
        for (Indicator i : Indicator.values()) {
            double w = p.indicators().get(i).weight();
            int d = i.dimension().ordinal();
            total[d] += w;
            IndicatorResult r = results.get(i);
            if (r != null && r.known()) {
                known[d] += w;
            }
        }
        for (LayerResult r : layers) {
            int d = r.indicator().dimension().ordinal();
            total[d] += r.indicator().weight();
            known[d] += r.known() ? r.indicator().weight() : 0;
        }
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            out.put(d, total[d.ordinal()] > 0 ? known[d.ordinal()] / total[d.ordinal()] : 1.0);
        }
        return out;
    }

    /**
     * Weighted mean of each dimension's known indicators, for the dimensions whose known share reaches the profile's
     * {@code min_dimension}; the others are absent.
     */
    public static Map<Dimension, Double> dimensionScores(Map<Indicator, IndicatorResult> results, ScoringProfile p) {
        return dimensionScores(results, List.of(), p);
    }

    /** As {@link #dimensionScores(Map, ScoringProfile)}, the layer indicators weighted into their dimensions. */
    public static Map<Dimension, Double> dimensionScores(Map<Indicator, IndicatorResult> results,
            List<LayerResult> layers, ScoringProfile p) {
        double[] sum = new double[Dimension.values().length];
        double[] weight = new double[sum.length];
        for (IndicatorResult r : results.values()) {
            IndicatorSpec spec = p.indicators().get(r.indicator());
            if (r.known() && spec.weight() > 0) {
                int d = r.indicator().dimension().ordinal();
                sum[d] += spec.weight() * r.score();
                weight[d] += spec.weight();
            }
        }
        for (LayerResult r : layers) {
            if (r.known() && r.indicator().weight() > 0) {
                int d = r.indicator().dimension().ordinal();
                sum[d] += r.indicator().weight() * r.score();
                weight[d] += r.indicator().weight();
            }
        }
        Map<Dimension, Double> share = completeness(results, layers, p);
        Map<Dimension, Double> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (weight[d.ordinal()] > 0 && share.get(d) >= p.completeness().minDimension()) {
                out.put(d, sum[d.ordinal()] / weight[d.ordinal()]);
            }
        }
        return out;
    }

    /**
     * The share of all evidence that is known under these weights: each dimension's known share (0 when it is not
     * scored) times its weight, over the weights.
     */
    public static double overallCompleteness(Map<Dimension, Double> completeness, Map<Dimension, Double> scored,
            Weights w) {
        double sum = 0;
        double weight = 0;
        for (Dimension d : Dimension.values()) {
            sum += w.of(d) * (scored.containsKey(d) ? completeness.get(d) : 0);
            weight += w.of(d);
        }
        return weight > 0 ? sum / weight : 0;
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

    /**
     * The gap a score aggregated from these results would have (as the scoring aggregates them), without the rest of
     * the score: null when too little is known for a composite. For objectives evaluated many times over.
     */
    public static Double gap(Map<Indicator, IndicatorResult> indicators, List<LayerResult> layers, ScoringProfile p,
            Map<Dimension, Double> targets, Weights w) {
        Map<Dimension, Double> dims = dimensionScores(indicators, layers, p);
        double known = overallCompleteness(completeness(indicators, layers, p), dims, w);
        return known >= p.completeness().minComposite() && !dims.isEmpty() ? weightedMean(gaps(dims, targets), w)
                : null;
    }

    public static Double priority(Double gap, Integer size) {
        return gap == null || size == null ? null : gap * size;
    }
}
