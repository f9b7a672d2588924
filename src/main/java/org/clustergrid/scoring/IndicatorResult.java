package org.clustergrid.scoring;

import java.util.Map;

/**
 * One indicator of one cluster.
 *
 * @param value the measured value in the indicator's unit; null when unknown ({@code missing} says why) or when
 *     nothing of the kind can be reached — never a zero standing in for "unknown"
 * @param score 0–100 by the profile's curve; null when unknown
 * @param evidence the feature behind the value, null when none applies
 * @param details extra facts, e.g. counts by type, or {@code unreachable}
 * @param missing why the indicator is unknown; null when it was measured
 */
public record IndicatorResult(
        Indicator indicator, Double value, Double score, Evidence evidence, Map<String, Object> details,
        Missing missing) {

    public IndicatorResult {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A measured value. */
    public IndicatorResult(Indicator indicator, Double value, Double score, Evidence evidence,
            Map<String, Object> details) {
        this(indicator, value, score, evidence, details, null);
    }

    public static IndicatorResult missing(Indicator indicator, Missing.Reason reason, String message) {
        return new IndicatorResult(indicator, null, null, null, Map.of(), new Missing(reason, message));
    }

    /** Measured: the cluster is on the network, but no target of the kind can be reached. The lowest score. */
    public static IndicatorResult unreachable(Indicator indicator) {
        return new IndicatorResult(indicator, null, 0.0, null, Map.of("unreachable", true));
    }

    /** Whether the indicator counts towards its dimension: measured, or measured as unreachable. */
    public boolean known() {
        return score != null;
    }

    public boolean hasData() {
        return value != null;
    }
}
