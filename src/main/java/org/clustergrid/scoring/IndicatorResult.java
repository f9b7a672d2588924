package org.clustergrid.scoring;

/**
 * One indicator of one cluster.
 *
 * @param value the measured value in the indicator's unit; null means "no data" (e.g. the layer is empty, or the
 *     network does not reach any market of the tier) — never a zero
 * @param score 0–100 by the profile's curve, null when there is no value
 * @param evidence the feature behind the value, null when none applies
 */
public record IndicatorResult(Indicator indicator, Double value, Double score, Evidence evidence) {
    public static IndicatorResult noData(Indicator indicator) {
        return new IndicatorResult(indicator, null, null, null);
    }

    public boolean hasData() {
        return value != null;
    }
}
