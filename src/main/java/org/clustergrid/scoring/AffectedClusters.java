package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.network.BoundedSearch;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * The clusters whose indicators some additions and road upgrades can change, and which of their {@link Measures parts}
 * each, found without scoring them: a superset of what does change, so that measuring only these parts and keeping
 * the rest of every cluster's results gives what scoring them all would. A part is kept only when its rule shows
 * nothing it is measured by moved:
 * <ul>
 *   <li>distances and counts within a radius: no changed feature lies within the farthest distance that could still
 *       matter to the part — the cluster's nearest feature of the kind as it was, the radii and served distances, the
 *       walk the travel times allow, the road data check's radius (plus the Rural Access distance for roads);</li>
 *   <li>travel times to each market tier: its arrival (time and market) is the same on both networks;</li>
 *   <li>counts and sums over the network within a travel time (finance points reachable, market potential, the
 *       {@code _reachable} layer indicators): no edge whose time changed and no added target can be reached from it
 *       within that time — one search towards all of them together, on the network as it is after the change, whose
 *       times are no longer than before, so a trip that reached one before reaches it now.</li>
 * </ul>
 * A cluster without indicators before, or that joins the network elsewhere (it entered by an edge whose time
 * changed), is measured whole.
 */
final class AffectedClusters {
    /** Slack on the distance rules, for distances measured another way than the indicators' (sphere or ellipsoid). */
    private static final double SLACK = 1.01;
    private static final double SLACK_M = 1;

    private final ScoringData before;
    private final ScoringData after;
    private final DataChanges changes;
    private final Parameters p;
    private final KnownValues known;
    /** The clusters' footprints as the scoring indexes them ({@link LayerIndexes#clusters}). */
    private final LayerIndexes indexes;
    /** Per cluster, the bits of the parts to measure again. */
    private final int[] parts;

    /** @param parts per cluster (by position), the bits of the {@link Measures} to measure again; 0 for none */
    record Affected(int[] parts) {
        /** Every cluster measured whole. */
        static Affected all(int clusters) {
            int[] parts = new int[clusters];
            java.util.Arrays.fill(parts, Measures.ALL);
            return new Affected(parts);
        }

        /** The clusters with any part to measure again. */
        BitSet any() {
            BitSet out = new BitSet(parts.length);
            for (int c = 0; c < parts.length; c++) {
                if (parts[c] != 0) {
                    out.set(c);
                }
            }
            return out;
        }
    }

    private AffectedClusters(ScoringData before, ScoringData after, DataChanges changes, Parameters p,
            KnownValues known, LayerIndexes indexes) {
        this.before = before;
        this.after = after;
        this.changes = changes;
        this.p = p;
        this.known = known;
        this.indexes = indexes;
        this.parts = new int[after.clusters().size()];
    }

    /**
     * @param before the data before the changes ({@code after}'s roads are these roads, some upgraded)
     * @param known each cluster's indicators on the data before (a cluster without any counts as affected)
     * @param indexes the indexes holding the clusters' footprints
     * @param reachSeconds the longest travel time any count or sum over the network searches
     * @param layerTargetsMoved the edges by which the {@code _reachable} layer indicators' targets that moved enter
     *     {@code now} or entered {@code was} ({@link LayerIndicators#movedTargets}); null when not known
     */
    static Affected find(ScoringData before, ScoringData after, DataChanges changes, Parameters p,
            KnownValues known, LayerIndexes indexes, NetworkAccess was, NetworkAccess now, Snap[] snapsWas,
            Snap[] snapsNow, double reachSeconds, BitSet layerTargetsMoved) {
        AffectedClusters a = new AffectedClusters(before, after, changes, p, known, indexes);
        List<StoredFeature> clusters = after.clusters();
        for (int c = 0; c < clusters.size(); c++) {
            if (!known.known(c) || !now.joinsAsBefore(snapsWas[c], snapsNow[c])) {
                a.parts[c] = Measures.ALL;
            }
        }
        a.nearFeatures(now);
        a.network(was, now, snapsWas, snapsNow, reachSeconds, layerTargetsMoved);
        return new Affected(a.parts);
    }

    /** The distance rules, layer by layer, for the features each layer changed. */
    private void nearFeatures(NetworkAccess now) {
        double walkSpeed = now.graph.speeds().offRoadMetresPerSecond();
        double maxWalk = now.graph.maxOffRoadMetres();
        // an upgrade moves the road indicators only where the road joins or leaves the all-season or the motorable
        // roads; a change of speed alone is the network's (below)
        List<Geometry> allSeason = new ArrayList<>(geometries(added(after.roads(), changes.addedRoads())));
        List<Geometry> motorable = new ArrayList<>(allSeason);
        for (int i : changes.upgradedRoads()) {
            Road road = (Road) before.roads().get(i).feature();
            Road upgraded = (Road) after.roads().get(i).feature();
            if (road.allSeason() != upgraded.allSeason()) {
                allSeason.add(upgraded.geometry());
            }
            if (road.motorable() != upgraded.motorable()) {
                motorable.add(upgraded.geometry());
            }
        }
        near(allSeason, Map.of(Measures.ALL_SEASON_ROADS, c -> max(nearest(c, Indicator.ROAD_ALL_SEASON_DISTANCE),
                p.ruralAccessDistanceM())));
        Map<Measures, Radius> byMotorable = new EnumMap<>(Measures.class);
        byMotorable.put(Measures.MOTORABLE_ROADS, c -> max(nearest(c, Indicator.ROAD_MOTORABLE_DISTANCE),
                p.roadDensityRadiusM()));
        // the road data check asks whether the register places around the cluster have a motorable road near them
        byMotorable.put(Measures.FLAGS, c -> RoadDataCheck.RADIUS_M + p.ruralAccessDistanceM());
        near(motorable, byMotorable);
        near(geometries(added(after.power(), changes.addedPower())), Map.of(Measures.POWER, c -> max(nearest(c,
                Indicator.POWER_HV_DISTANCE), nearest(c, Indicator.POWER_MV_DISTANCE), nearest(c,
                Indicator.POWER_SUBSTATION_DISTANCE), p.gridServedTransformerM(), p.gridServedMvM(),
                p.gridServedHvM())));
        double financeWalk = Math.min(maxWalk, p.financeTravelSeconds() * walkSpeed);
        Map<Measures, Radius> byFinance = new EnumMap<>(Measures.class);
        byFinance.put(Measures.FINANCE_NEAR, c -> max(nearest(c, Indicator.BANK_DISTANCE), p.financeRadiusM(),
                p.e2sfcaCatchmentM()));
        byFinance.put(Measures.FINANCE_REACH, c -> financeWalk);
        byFinance.put(Measures.FLAGS, c -> RoadDataCheck.RADIUS_M);
        near(geometries(added(after.finance(), changes.addedFinance())), byFinance);
        List<StoredFeature> markets = added(after.markets(), changes.addedMarkets());
        near(geometries(markets), Map.of(Measures.FLAGS, c -> RoadDataCheck.RADIUS_M));
        double marketWalk = Math.min(maxWalk, p.gravityCutoffSeconds() * walkSpeed);
        near(geometries(markets.stream().filter(f -> ((Market) f.feature()).population() != null).toList()),
                Map.of(Measures.POTENTIAL, c -> marketWalk));
    }

    /** How far from a cluster (by position) a change can still move a part, given the cluster's indicators before. */
    private interface Radius extends java.util.function.IntToDoubleFunction {}

    private static List<Geometry> geometries(List<StoredFeature> features) {
        return features.stream().map(f -> f.feature().geometry()).toList();
    }

    private static List<StoredFeature> added(List<StoredFeature> layer, int count) {
        return layer.subList(layer.size() - count, layer.size());
    }

    /**
     * Marks each part of the clusters within its radius of any of the geometries, measured from each cluster's
     * footprint as its indicators measure it (one nearest-geometry query per cluster for all the parts).
     */
    private void near(List<Geometry> changed, Map<Measures, Radius> radii) {
        if (changed.isEmpty()) {
            return;
        }
        NearestIndex<Geometry> index = NearestIndex.build(changed, g -> g);
        List<StoredFeature> clusters = after.clusters();
        // each cluster's radii, and the farthest of all: only clusters that near a changed feature are looked at
        double[][] radius = new double[clusters.size()][];
        IntStream.range(0, clusters.size()).parallel().forEach(c -> {
            if (known.known(c)) { // else measured whole already
                radius[c] = new double[Measures.values().length];
                for (Map.Entry<Measures, Radius> r : radii.entrySet()) {
                    radius[c][r.getKey().ordinal()] = r.getValue().applyAsDouble(c) * SLACK + SLACK_M;
                }
            }
        });
        double farthestOfAll = 0;
        for (double[] r : radius) {
            for (int m = 0; r != null && m < r.length; m++) {
                farthestOfAll = Math.max(farthestOfAll, r[m]);
            }
        }
        // on the sphere, which is cheap, around each changed feature's box: the ellipsoid's distance is at least 0.99
        // of the sphere's, and a feature is no nearer than its box
        java.util.BitSet near = new java.util.BitSet(clusters.size());
        for (Geometry g : changed) {
            org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
            if (e.getWidth() > 0 || e.getHeight() > 0) {
                e.expandBy(1e-9); // a polygon, also around a line along a meridian or a parallel
            }
            Geometry box = g.getFactory().toGeometry(e);
            indexes.clusters.forEachWithin(box, farthestOfAll / 0.99,
                    (item, metres) -> near.set(indexes.clusterPositions[item]));
        }
        near.stream().parallel().forEach(c -> {
            if (radius[c] == null) {
                return;
            }
            double farthest = 0;
            for (double r : radius[c]) {
                farthest = Math.max(farthest, r);
            }
            Geometry footprint = clusters.get(c).feature().geometry();
            double metres = index.nearest(footprint, farthest).map(n -> n.metres()).orElse(Double.POSITIVE_INFINITY);
            int bits = 0;
            for (Measures m : radii.keySet()) {
                if (metres <= radius[c][m.ordinal()]) {
                    bits |= m.bit();
                }
            }
            if (bits != 0) {
                mark(c, bits);
            }
        });
    }

    private synchronized void mark(int cluster, int bits) {
        parts[cluster] |= bits;
    }

    /** A cluster's distance to the nearest feature of an indicator's kind; 0 when it has none to speak of. */
    private double nearest(int c, Indicator i) {
        return known.value(i, c);
    }

    private static double max(double... v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /**
     * The travel-time rules: tier arrivals compared; one search towards every changed edge and added finance point
     * within the finance time (and the layer indicators' times, which only a changed edge can move), one towards every
     * changed edge and added populated market within the gravity cutoff. With roads added, targets may join the
     * network elsewhere (a new road nearer than their road was): the edges they enter by now and entered by before
     * count as changed for their searches.
     */
    private void network(NetworkAccess was, NetworkAccess now, Snap[] snapsWas, Snap[] snapsNow,
            double reachSeconds, BitSet layerTargetsMoved) {
        if (!now.hasNetwork()) {
            return;
        }
        BitSet changedEdges = now.changedEdges();
        BitSet countEdges = (BitSet) changedEdges.clone();
        countEdges.or(now.movedFinance(was));
        countEdges.or(layerTargetsMoved);
        BitSet gravityEdges = (BitSet) changedEdges.clone();
        gravityEdges.or(now.movedMarkets(was));
        List<StoredFeature> newPopulated = new ArrayList<>();
        for (StoredFeature f : added(after.markets(), changes.addedMarkets())) {
            if (((Market) f.feature()).population() != null) {
                newPopulated.add(f);
            }
        }
        Seeds counts = new Seeds(now, countEdges, added(after.finance(), changes.addedFinance()),
                Math.max(p.financeTravelSeconds(), reachSeconds));
        Seeds gravity = new Seeds(now, gravityEdges, newPopulated, p.gravityCutoffSeconds());
        boolean tiersMoved = changes.addedMarkets() > 0 || !changedEdges.isEmpty();
        if (counts.isEmpty() && gravity.isEmpty() && !tiersMoved) {
            return;
        }
        int countParts = Measures.FINANCE_REACH.bit() | (now.graph != was.graph ? Measures.LAYERS.bit() : 0);
        // per tier, the nodes whose arrival moved (null: compare every cluster's arrival)
        BitSet[] moved = new BitSet[MarketTier.values().length];
        for (int t = 0; tiersMoved && changes.addedMarkets() == 0 && t < moved.length; t++) {
            moved[t] = now.tierNodesChanged(was, MarketTier.values()[t]);
        }
        List<StoredFeature> clusters = after.clusters();
        IntStream.range(0, clusters.size()).parallel().forEach(c -> {
            Snap s = snapsNow[c];
            if (s == null) {
                return;
            }
            int bits = (gravity.reaches(s) ? Measures.POTENTIAL.bit() : 0) | (counts.reaches(s) ? countParts : 0);
            for (int t = 0; tiersMoved && t < MarketTier.values().length; t++) {
                MarketTier tier = MarketTier.values()[t];
                if (moved[t] != null && now.joinsAsBefore(snapsWas[c], s) && !touches(now.graph, s, moved[t])) {
                    continue; // joins by edges whose times and ends' arrivals are the same: arrives as it did
                }
                if (!sameArrival(was.arrival(tier, snapsWas[c]), now.arrival(tier, s))) {
                    bits |= Measures.TIERS.bit();
                    break;
                }
            }
            if (bits != 0) {
                mark(c, bits);
            }
        });
    }

    /**
     * Where changed edges and added targets are, and the nodes from which one is reached within a cutoff: both ends
     * of every changed edge (at 0 s), and each target's entry edges' ends (with the time along the edge to it).
     */
    private static final class Seeds {
        private final RoadGraph g;
        private final BitSet edges;
        private final BitSet reached;

        Seeds(NetworkAccess network, BitSet changedEdges, List<StoredFeature> targets, double cutoff) {
            g = network.graph;
            edges = (BitSet) changedEdges.clone();
            List<Integer> nodes = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            changedEdges.stream().forEach(e -> {
                nodes.addAll(List.of(g.edgeSource(e), g.edgeTarget(e)));
                seconds.addAll(List.of(0.0, 0.0));
            });
            for (StoredFeature f : targets) {
                Snap s = network.snap(Features.representative(f.feature().geometry()));
                for (Snap e : s == null ? new Snap[0] : s.entries()) {
                    edges.set(e.edge());
                    nodes.addAll(List.of(g.edgeSource(e.edge()), g.edgeTarget(e.edge())));
                    seconds.addAll(List.of(g.secondsFromSource(e), g.secondsFromTarget(e)));
                }
            }
            reached = nodes.isEmpty() ? new BitSet() : BoundedSearch.nodesReaching(g,
                    nodes.stream().mapToInt(Integer::intValue).toArray(),
                    seconds.stream().mapToDouble(Double::doubleValue).toArray(), cutoff);
        }

        boolean isEmpty() {
            return edges.isEmpty();
        }

        /** Whether a place entering the network at {@code s} may reach a seed within the cutoff. */
        boolean reaches(Snap s) {
            for (Snap e : s.entries()) {
                if (edges.get(e.edge()) || reached.get(g.edgeSource(e.edge())) || reached.get(g.edgeTarget(e.edge()))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether a place's entry edges end at any of {@code nodes}. */
    private static boolean touches(RoadGraph g, Snap s, BitSet nodes) {
        for (Snap e : s.entries()) {
            if (nodes.get(g.edgeSource(e.edge())) || nodes.get(g.edgeTarget(e.edge()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameArrival(TravelTimes.Arrival a, TravelTimes.Arrival b) {
        return a == null ? b == null : a.equals(b);
    }

}
