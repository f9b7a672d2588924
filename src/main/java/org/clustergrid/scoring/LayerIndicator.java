package org.clustergrid.scoring;

import java.util.Objects;
import org.clustergrid.layers.measure.Measure;

/**
 * An indicator a profile declares on a context layer ({@code layer_indicators}): what is measured, and how it scores
 * and counts as the built-in indicators do — a curve, a weight within its dimension (0: shown, not scored), and the
 * source of both.
 *
 * @param id the profile's key, unique among all indicators
 * @param unit the unit of its values ({@code m}, {@code count}, or as the profile says)
 * @param source where the curve and weight come from, as the profile gives it; null when it gives none
 */
public record LayerIndicator(String id, String title, String unit, Dimension dimension, ScoreCurve curve,
        double weight, String source, Measure measure) {

    public LayerIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(measure, "measure");
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a non-negative number");
        }
    }
}
