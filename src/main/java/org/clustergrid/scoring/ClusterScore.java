package org.clustergrid.scoring;

import java.util.List;
import java.util.Map;

/**
 * A cluster's (or a scored point's) full result.
 *
 * @param id the Cluster Grid ID, or a label for a scored point/polygon
 * @param size employment, else firms; null when neither is known (then there is no priority)
 * @param dimensions score 0–100 per dimension; a dimension too little is known of is absent
 * @param composite weighted connectivity score over the scored dimensions; null when too little is known
 * @param targets the target score per dimension for this cluster's typology and markets
 * @param gaps how far each scored dimension falls short of its target (0 when it meets it); empty without a composite
 * @param gap the weighted mean gap; null without a composite
 * @param priority gap × size: where investment helps most
 * @param completeness per dimension, the share of its indicator weight that is known
 * @param known the share of all the evidence that is known and used (see {@link Aggregation#overallCompleteness})
 * @param flags what a planner should know about the data here
 * @param layerIndicators the profile's layer indicators, in its order (empty when it declares none)
 */
public record ClusterScore(
        String id,
        String name,
        Integer size,
        Map<Indicator, IndicatorResult> indicators,
        Map<Dimension, Double> dimensions,
        Double composite,
        Map<Dimension, Double> targets,
        Map<Dimension, Double> gaps,
        Double gap,
        Double priority,
        Map<Dimension, Double> completeness,
        double known,
        List<QualityFlag> flags,
        List<LayerResult> layerIndicators) {

    public ClusterScore {
        flags = List.copyOf(flags);
        layerIndicators = List.copyOf(layerIndicators);
    }

    /** A score of the built-in indicators only. */
    public ClusterScore(String id, String name, Integer size, Map<Indicator, IndicatorResult> indicators,
            Map<Dimension, Double> dimensions, Double composite, Map<Dimension, Double> targets,
            Map<Dimension, Double> gaps, Double gap, Double priority, Map<Dimension, Double> completeness,
            double known, List<QualityFlag> flags) {
        this(id, name, size, indicators, dimensions, composite, targets, gaps, gap, priority, completeness, known, flags,
                List.of());
    }

    /** Whether enough is known for a composite score (and so a gap, and a rank). */
    public boolean scored() {
        return composite != null;
    }
}
