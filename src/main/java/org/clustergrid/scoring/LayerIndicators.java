package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.List;
import org.clustergrid.layers.measure.LayerMeasurer;
import org.clustergrid.layers.measure.LayerSource;
import org.clustergrid.layers.measure.Measurement;
import org.locationtech.jts.geom.Geometry;

/** A profile's layer indicators of one footprint: each measurement, its score, evidence or why it is unknown. */
final class LayerIndicators {
    private final List<LayerIndicator> indicators;
    private final LayerMeasurer measurer;

    /** Reads every layer the profile's layer indicators name, once: the cost of a run, not of a cluster. */
    LayerIndicators(List<LayerIndicator> indicators, LayerSource source) {
        this.indicators = indicators;
        this.measurer = new LayerMeasurer(source, indicators.stream().map(LayerIndicator::measure).toList());
    }

    List<LayerResult> compute(Geometry footprint) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        List<LayerResult> out = new ArrayList<>(indicators.size());
        for (LayerIndicator i : indicators) {
            out.add(result(i, measurer.measure(i.measure(), footprint)));
        }
        return out;
    }

    private static LayerResult result(LayerIndicator i, Measurement m) {
        Evidence e = m.feature() == null ? null : new Evidence(m.feature().layer(), m.feature().id(),
                m.feature().name(), m.metres(), null, m.from(), m.to());
        if (!m.measured()) {
            Measurement.Kind k = m.gap().kind();
            // a layer that cannot answer is the profile entry's problem: the message says which entry
            String why = k == Measurement.Kind.UNUSABLE ? "layer_indicators." + i.id() + ": " + m.gap().message()
                    : m.gap().message();
            return new LayerResult(i, null, null, e, m.details(), new Missing(reason(k), why));
        }
        return new LayerResult(i, m.value(), i.curve().score(m.value()), e, m.details(), null);
    }

    /** The built-in indicators' reasons, so a planner reads one vocabulary of "unknown". */
    private static Missing.Reason reason(Measurement.Kind k) {
        return switch (k) {
            case NO_FEATURES -> Missing.Reason.EMPTY_LAYER;
            case OUTSIDE_EXTENT, NOT_CONTAINED -> Missing.Reason.OUTSIDE_COVERAGE;
            case NOT_REPORTED -> Missing.Reason.NOT_REPORTED;
            case UNUSABLE -> Missing.Reason.LAYER_UNUSABLE;
        };
    }
}
