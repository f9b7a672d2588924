package org.clustergrid.scoring;

import java.util.Map;

/**
 * One indicator of one cluster.
 *
 * @param value the measured value in the indicator's unit; null means "no data" (e.g. the layer is empty, or the
 *     network does not reach any market of the tier) — never a zero
 * @param score 0–100 by the profile's curve, null when there is no value
 * @param evidence the feature behind the value, null when none applies
 * @param details extra facts, e.g. counts by type, {@code noData} or {@code unreachable}
 */
public record IndicatorResult(
        Indicator indicator, Double value, Double score, Evidence evidence, Map<String, Object> details) {

    public IndicatorResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static IndicatorResult noData(Indicator indicator) {
        return new IndicatorResult(indicator, null, null, null, Map.of("noData", true));
    }

    /** Measured, but nothing of the kind can be reached: no value, the lowest score. */
    public static IndicatorResult unreachable(Indicator indicator) {
        return new IndicatorResult(indicator, null, 0.0, null, Map.of("unreachable", true));
    }

    public boolean hasData() {
        return value != null;
    }
}
