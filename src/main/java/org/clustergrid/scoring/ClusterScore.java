package org.clustergrid.scoring;

import java.util.Map;

/**
 * A cluster's (or a scored point's) full result.
 *
 * @param id the Cluster Grid ID, or a label for a scored point/polygon
 * @param size employment, else firms; null when neither is known (then there is no priority)
 * @param dimensions score 0–100 per dimension; a dimension with no data at all is absent
 * @param composite weighted connectivity score over the dimensions with data; null when none has data
 * @param targets the target score per dimension for this cluster's typology and markets
 * @param gaps how far each dimension falls short of its target (0 when it meets it)
 * @param gap the weighted mean gap
 * @param priority gap × size: where investment helps most
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
        Double priority) {}
