package org.clustergrid.scoring;

import java.util.Map;

/**
 * One layer indicator of one cluster; as {@link IndicatorResult}, never a zero standing in for "unknown".
 *
 * @param value the measured value in the indicator's unit; null when unknown ({@code missing} says why)
 * @param score 0–100 by the profile's curve; null when unknown
 * @param evidence the feature behind the value (nearest, nearest counted, containing polygon); null when none applies
 * @param details extra facts, e.g. the count and radius
 */
public record LayerResult(
        LayerIndicator indicator, Double value, Double score, Evidence evidence, Map<String, Object> details,
        Missing missing) {

    public LayerResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Whether it counts towards its dimension. */
    public boolean known() {
        return score != null;
    }
}
