package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.measure.LayerMeasurer;
import org.clustergrid.layers.measure.Measure;
import org.clustergrid.layers.measure.Measurement;
import org.clustergrid.layers.measure.ReachedCells;
import org.clustergrid.network.Snap;
import org.clustergrid.raster.CellCentres;
import org.clustergrid.raster.RasterException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The targets the {@code _reachable} layer indicators count — a vector layer's features, a raster's cells by their
 * centres — snapped to the road network once per run as the built-in finance points are ({@link
 * NetworkAccess#snapTargets}: the same off-road limit, a target with no road within it reached on foot only), one
 * target set per layer and filter; and, per place, the one bounded search that reaches them all ({@link
 * NetworkAccess#reachTargets}). A place the road data do not cover, or with no road within the off-road limit, has no
 * travel time: it is unknown with the built-in travel-time indicators' reasons. Thread-safe once built.
 */
final class ReachableLayers {
    /** Most cells (with a value other than 0) of one raster a run puts on the road network: beyond it, refused. */
    static final int MAX_CELLS = 2_000_000;

    private record Key(String layer, String filterText) {}

    /** What one place reaches: per indicator its measurement, or why nothing can be said for any of them. */
    record Search(Map<LayerIndicator, Measurement> measured, Missing missing) {}

    /** One target set: a vector layer's features or a raster's cells, or why the layer cannot be put on the roads. */
    private record Targets(List<ContextFeature> features, CellCentres.Cells cells, Measurement refused) {}

    private final NetworkAccess network;
    private final Availability availability;
    private final Parameters parameters;
    private final List<LayerIndicator> indicators = new ArrayList<>();
    private final Map<LayerIndicator, Integer> setOf = new HashMap<>();
    private final List<Targets> targets = new ArrayList<>();
    private final List<SnappedTargets> sets = new ArrayList<>();
    private final double[] cutoffs;

    ReachableLayers(List<LayerIndicator> all, LayerMeasurer measurer, NetworkAccess network,
            Availability availability, Parameters parameters) {
        this.network = network;
        this.availability = availability;
        this.parameters = parameters;
        Map<Key, Integer> byKey = new LinkedHashMap<>();
        Map<Integer, Measure> firstOf = new HashMap<>();
        List<Double> longest = new ArrayList<>();
        for (LayerIndicator i : all) {
            Measure m = i.measure();
            if (!m.kind().needsMinutes()) {
                continue;
            }
            indicators.add(i);
            int set = byKey.computeIfAbsent(new Key(m.layer(), m.filterText()), k -> {
                longest.add(0.0);
                firstOf.put(longest.size() - 1, m);
                return longest.size() - 1;
            });
            setOf.put(i, set);
            longest.set(set, Math.max(longest.get(set), m.seconds()));
        }
        cutoffs = longest.stream().mapToDouble(Double::doubleValue).toArray();
        for (int set = 0; set < cutoffs.length; set++) {
            Measure m = firstOf.get(set);
            Targets t = m.kind().raster() ? cells(measurer, m, cutoffs[set])
                    : new Targets(measurer.features(m), null, null);
            targets.add(t);
            sets.add(network.hasNetwork() ? snap(t) : null);
        }
    }

    /** Each target set snapped to the network, in the indicators' order; null entries without a network. */
    List<SnappedTargets> sets() {
        return java.util.Collections.unmodifiableList(sets);
    }

    private SnappedTargets snap(Targets t) {
        int n = t.features != null ? t.features.size() : t.cells != null ? t.cells.size() : 0;
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int f = 0; f < n; f++) {
            if (t.features != null) {
                Point p = LayerMeasurer.representative(t.features.get(f).geometry());
                lons[f] = p.getX();
                lats[f] = p.getY();
            } else {
                lons[f] = t.cells.lons()[f];
                lats[f] = t.cells.lats()[f];
            }
        }
        return network.snapTargets(lons, lats);
    }

    /**
     * A raster's cells that a search may reach: those within a walk of the cutoff (at most the off-road limit) of the
     * roads or of the road data's coverage, where every search starts.
     */
    private Targets cells(LayerMeasurer measurer, Measure m, double cutoffSeconds) {
        Envelope box = network.roadsBox();
        Envelope covered = availability.roadsArea();
        if (covered != null) {
            box.expandToInclude(covered);
        }
        if (box.isNull() || !network.hasNetwork()) {
            return new Targets(null, CellCentres.none(), null);
        }
        double walk = Math.min(parameters.maxOffRoadM(), cutoffSeconds * network.graph.speeds()
                .offRoadMetresPerSecond());
        double dLat = walk / 110_000; // a degree of latitude is at least 110.5 km
        double cos = Math.cos(Math.toRadians(Math.min(89, Math.max(Math.abs(box.getMinY()), Math.abs(box.getMaxY()))
                + dLat)));
        box.expandBy(Math.min(360, walk / (111_000 * cos)), dLat);
        try {
            return new Targets(null, measurer.cells(m, box, MAX_CELLS), null);
        } catch (CellCentres.TooManyCells e) {
            return refused(String.format(Locale.ROOT, "raster layer '%s' has more cells within reach of the roads than"
                    + " the %,d a run puts on the road network (%s); use a coarser raster, or clip it to the area"
                    + " scored", m.layer(), MAX_CELLS, e.getMessage()));
        } catch (RasterException e) {
            return refused("raster layer '" + m.layer() + "' cannot be read: " + e.getMessage());
        }
    }

    private static Targets refused(String why) {
        return new Targets(null, CellCentres.none(), Measurement.unknown(Measurement.Kind.UNUSABLE, why));
    }

    boolean isEmpty() {
        return indicators.isEmpty();
    }

    /**
     * What each {@code _reachable} indicator reaches from the footprint's point (the point, or a point inside the
     * polygon) within its time; or, for all of them, why no travel time is known there.
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
        List<Hits> bySet = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            bySet.add(new Hits());
        }
        network.reachTargets(snap, sets, cutoffs, (set, target, seconds) -> bySet.get(set).add(target, seconds));
        Map<LayerIndicator, Measurement> out = new HashMap<>();
        Coordinate from = at.getCoordinate();
        for (LayerIndicator i : indicators) {
            int set = setOf.get(i);
            Targets t = targets.get(set);
            Hits within = bySet.get(set).within(i.measure().seconds());
            if (t.refused != null) {
                out.put(i, t.refused);
            } else if (t.cells != null) {
                out.put(i, ReachedCells.measure(i.measure(), t.cells, within.targets, within.seconds, within.size,
                        from));
            } else {
                List<LayerMeasurer.Reached> reached = new ArrayList<>(within.size);
                for (int k = 0; k < within.size; k++) {
                    reached.add(new LayerMeasurer.Reached(t.features.get(within.targets[k]), within.seconds[k]));
                }
                out.put(i, LayerMeasurer.reached(i.measure(), reached, from));
            }
        }
        return new Search(out, null);
    }

    /** Targets of one set reached from a place, with their travel times. */
    private static final class Hits {
        int[] targets = new int[16];
        double[] seconds = new double[16];
        int size;

        void add(int target, double s) {
            if (size == targets.length) {
                targets = Arrays.copyOf(targets, 2 * size);
                seconds = Arrays.copyOf(seconds, 2 * size);
            }
            targets[size] = target;
            seconds[size++] = s;
        }

        /** Those reached within a time. */
        Hits within(double limit) {
            Hits out = new Hits();
            for (int k = 0; k < size; k++) {
                if (seconds[k] <= limit) {
                    out.add(targets[k], seconds[k]);
                }
            }
            return out;
        }
    }
}
