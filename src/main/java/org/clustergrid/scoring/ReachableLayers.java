package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.measure.LayerMeasurer;
import org.clustergrid.layers.measure.Measure;
import org.clustergrid.network.Snap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The features the {@code _reachable} layer indicators count, snapped to the road network once per run as the
 * built-in finance points are ({@link NetworkAccess#snapTargets}: the same off-road limit, a feature with no road within
 * it reached on foot only), one target set per layer and filter; and, per place, the one bounded search that reaches
 * them all ({@link NetworkAccess#reachTargets}). A place the road data do not cover, or with no road within the off-road
 * limit, has no travel time: it is unknown with the built-in travel-time indicators' reasons. Thread-safe once built.
 */
final class ReachableLayers {
    private record Key(String layer, String filterText) {}

    /** What one place reaches: per indicator the features within its time, or why nothing can be said. */
    record Search(Map<LayerIndicator, List<LayerMeasurer.Reached>> reached, Missing missing) {}

    private final NetworkAccess network;
    private final Availability availability;
    private final Parameters parameters;
    private final List<LayerIndicator> indicators = new ArrayList<>();
    private final Map<LayerIndicator, Integer> setOf = new HashMap<>();
    private final List<SnappedTargets> sets = new ArrayList<>();
    private final List<List<ContextFeature>> features = new ArrayList<>();
    private final double[] cutoffs;

    ReachableLayers(List<LayerIndicator> all, LayerMeasurer measurer, NetworkAccess network,
            Availability availability, Parameters parameters) {
        this.network = network;
        this.availability = availability;
        this.parameters = parameters;
        Map<Key, Integer> byKey = new HashMap<>();
        List<Double> longest = new ArrayList<>();
        for (LayerIndicator i : all) {
            Measure m = i.measure();
            if (!m.kind().needsMinutes()) {
                continue;
            }
            indicators.add(i);
            int set = byKey.computeIfAbsent(new Key(m.layer(), m.filterText()), k -> {
                List<ContextFeature> fs = measurer.features(m);
                double[] lons = new double[fs.size()];
                double[] lats = new double[fs.size()];
                for (int f = 0; f < fs.size(); f++) {
                    Point p = LayerMeasurer.representative(fs.get(f).geometry());
                    lons[f] = p.getX();
                    lats[f] = p.getY();
                }
                sets.add(network.hasNetwork() ? network.snapTargets(lons, lats) : null);
                features.add(fs);
                longest.add(0.0);
                return sets.size() - 1;
            });
            setOf.put(i, set);
            longest.set(set, Math.max(longest.get(set), m.seconds()));
        }
        cutoffs = longest.stream().mapToDouble(Double::doubleValue).toArray();
    }

    boolean isEmpty() {
        return indicators.isEmpty();
    }

    /**
     * The features each {@code _reachable} indicator reaches from the footprint's point (the point, or a point inside
     * the polygon) within its time; or, for all of them, why no travel time is known there.
     */
    Search search(Geometry footprint) {
        Point at = Features.representative(footprint);
        // as the built-in travel times: a place the road data do not cover is not snapped at all
        Missing roads = availability.check(Indicator.ROAD_DENSITY, at.getCoordinate());
        if (roads != null) {
            return new Search(Map.of(), roads);
        }
        Snap snap = network.snap(at);
        if (snap == null) {
            return new Search(Map.of(), new Missing(Missing.Reason.EMPTY_LAYER, "no road of the data joins into a"
                    + " network: no travel time is known"));
        }
        if (!snap.onNetwork()) {
            return new Search(Map.of(), new Missing(Missing.Reason.OFF_NETWORK,
                    IndicatorCalculator.offNetworkReason(parameters)));
        }
        List<List<LayerMeasurer.Reached>> bySet = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            bySet.add(new ArrayList<>());
        }
        network.reachTargets(snap, sets, cutoffs, (set, target, seconds) ->
                bySet.get(set).add(new LayerMeasurer.Reached(features.get(set).get(target), seconds)));
        Map<LayerIndicator, List<LayerMeasurer.Reached>> out = new HashMap<>();
        for (LayerIndicator i : indicators) {
            double limit = i.measure().seconds();
            List<LayerMeasurer.Reached> within = new ArrayList<>();
            for (LayerMeasurer.Reached r : bySet.get(setOf.get(i))) {
                if (r.seconds() <= limit) {
                    within.add(r);
                }
            }
            out.put(i, within);
        }
        return new Search(out, null);
    }
}
