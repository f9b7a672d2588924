package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.measure.LayerMeasurer;
import org.clustergrid.layers.measure.LayerSource;
import org.clustergrid.layers.measure.Measurement;
import org.locationtech.jts.geom.Geometry;

/** A profile's layer indicators of one footprint: each measurement, its score, evidence or why it is unknown. */
final class LayerIndicators {
    private final List<LayerIndicator> indicators;
    private final LayerMeasurer measurer;
    /** The {@code _reachable} indicators' targets on the road network; null until {@link #overNetwork}. */
    private final ReachableLayers reachable;

    /** Reads every layer the profile's layer indicators name, once: the cost of a run, not of a cluster. */
    LayerIndicators(List<LayerIndicator> indicators, LayerSource source) {
        this(indicators, new LayerMeasurer(source, indicators.stream().map(LayerIndicator::measure).toList()), null);
    }

    private LayerIndicators(List<LayerIndicator> indicators, LayerMeasurer measurer, ReachableLayers reachable) {
        this.indicators = indicators;
        this.measurer = measurer;
        this.reachable = reachable;
    }

    /**
     * These indicators, their layers as read, with the features of the {@code _reachable} ones snapped to the road
     * network once, so each place costs one search reaching them all.
     */
    LayerIndicators overNetwork(NetworkAccess network, Availability availability, Parameters parameters) {
        return new LayerIndicators(indicators, measurer,
                new ReachableLayers(indicators, measurer, network, availability, parameters));
    }

    /**
     * The edges of {@code network} by which the {@code _reachable} indicators' targets that join it otherwise than
     * they joined {@code was}'s network enter it or entered it ({@link NetworkAccess#edgesOfMovedTargets}); null when
     * a set holds other targets now (a raster's cells near the roads, which added roads may extend).
     */
    java.util.BitSet movedTargets(LayerIndicators was, NetworkAccess network) {
        java.util.BitSet out = new java.util.BitSet();
        if (reachable == null || was.reachable == null) {
            return reachable == was.reachable ? out : null;
        }
        List<SnappedTargets> before = was.reachable.sets();
        List<SnappedTargets> now = reachable.sets();
        for (int k = 0; k < now.size(); k++) {
            SnappedTargets a = before.get(k);
            SnappedTargets b = now.get(k);
            if (a == null || b == null || a.size() != b.size()) {
                if (a != b) {
                    return null;
                }
                continue;
            }
            out.or(network.edgesOfMovedTargets(a.snaps, b.snaps));
        }
        return out;
    }

    /** The longest travel time a {@code _reachable} indicator searches (seconds); 0 without one. */
    double reachSeconds() {
        double out = 0;
        for (LayerIndicator i : indicators) {
            if (i.measure().kind().needsMinutes()) {
                out = Math.max(out, i.measure().minutes() * 60);
            }
        }
        return out;
    }

    List<LayerResult> compute(Geometry footprint) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        List<LayerResult> out = new ArrayList<>(indicators.size());
        ReachableLayers.Search search = null;
        for (LayerIndicator i : indicators) {
            if (!i.measure().kind().needsMinutes()) {
                out.add(result(i, measurer.measure(i.measure(), footprint)));
                continue;
            }
            Measurement unknown = measurer.unknownAt(i.measure(), footprint);
            if (unknown != null) {
                out.add(result(i, unknown));
                continue;
            }
            if (reachable == null) {
                throw new IllegalStateException("layer_indicators." + i.id() + " needs the road network");
            }
            if (search == null) {
                search = reachable.search(footprint); // one search for every _reachable indicator of the place
            }
            if (search.missing() != null) {
                out.add(new LayerResult(i, null, null, null, Map.of("minutes", i.measure().minutes()),
                        search.missing()));
            } else {
                out.add(result(i, search.measured().get(i)));
            }
        }
        return out;
    }

    private static LayerResult result(LayerIndicator i, Measurement m) {
        Evidence e = m.feature() == null ? null : new Evidence(m.feature().layer(), m.feature().id(),
                m.feature().name(), m.metres(), m.seconds(), m.from(), m.to());
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
