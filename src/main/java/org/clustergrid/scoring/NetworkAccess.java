package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.network.BoundedSearch;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Point;

/**
 * Everything the scoring needs from the road network: the graph, travel times from every market tier (one
 * multi-source search per tier, done once), and bounded searches from a point for the market potential and the
 * finance points within the finance travel time.
 */
final class NetworkAccess {
    final RoadGraph graph;
    private final Parameters parameters;
    private final Map<MarketTier, List<StoredFeature>> tierMarkets = new EnumMap<>(MarketTier.class);
    private final Map<MarketTier, TravelTimes> tierTimes = new EnumMap<>(MarketTier.class);
    private final SnappedTargets populated;
    private final SnappedTargets finance;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread search state: the search and a stamp per target, so no target is counted twice. */
    private final class Scratch {
        final BoundedSearch search = new BoundedSearch(graph);
        final int[] marketStamp = new int[populated.size()];
        final int[] financeStamp = new int[finance.size()];
        int stamp;
    }

    /** Market potential and reachable finance points from one origin. */
    record Reach(double marketPotential, int marketsReached, Map<String, Integer> financeByType, int financeCount) {}

    NetworkAccess(ScoringData data, Parameters parameters, SpeedProfile speeds) {
        this.parameters = parameters;
        List<Road> roads = new ArrayList<>(data.roads().size());
        for (StoredFeature f : data.roads()) {
            roads.add((Road) f.feature());
        }
        graph = RoadGraph.build(roads, speeds);
        for (MarketTier tier : MarketTier.values()) {
            List<StoredFeature> markets = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            for (StoredFeature f : data.markets()) {
                if (tier.includes((Market) f.feature(), parameters)) {
                    markets.add(f);
                    points.add(Features.representative(f.feature().geometry()));
                }
            }
            tierMarkets.put(tier, markets);
            if (!markets.isEmpty() && graph.nodeCount() > 0) {
                tierTimes.put(tier, TravelTimes.fromSources(graph, points));
            }
        }
        List<StoredFeature> withPopulation = new ArrayList<>();
        for (StoredFeature f : data.markets()) {
            if (((Market) f.feature()).population() != null) {
                withPopulation.add(f);
            }
        }
        populated = new SnappedTargets(graph, withPopulation);
        finance = new SnappedTargets(graph, data.finance());
        scratch = ThreadLocal.withInitial(Scratch::new);
    }

    boolean hasNetwork() {
        return graph.nodeCount() > 0;
    }

    boolean hasMarkets(MarketTier tier) {
        return !tierMarkets.get(tier).isEmpty();
    }

    Snap snap(Point p) {
        return hasNetwork() ? graph.snap(p) : null;
    }

    /** Arrival from the nearest market of a tier; null when the tier has no market or there is no network. */
    TravelTimes.Arrival arrival(MarketTier tier, Snap at) {
        TravelTimes t = tierTimes.get(tier);
        return t == null || at == null ? null : t.arrivalAt(at);
    }

    StoredFeature market(MarketTier tier, int source) {
        return tierMarkets.get(tier).get(source);
    }

    /**
     * One bounded search from {@code origin}: out to the finance time, and when {@code withPotential} also to the
     * gravity cutoff for the market potential (otherwise left at 0, for {@link #potentials} to fill in).
     */
    Reach reach(Snap origin, boolean withPotential) {
        Scratch s = scratch.get();
        double cutoff = withPotential ? Math.max(parameters.gravityCutoffSeconds(), parameters.financeTravelSeconds())
                : parameters.financeTravelSeconds();
        if (origin == null || !s.search.run(origin, cutoff)) {
            return new Reach(0, 0, Map.of(), 0);
        }
        int stamp = ++s.stamp;
        int originU = graph.edgeSource(origin.edge());
        int originV = graph.edgeTarget(origin.edge());
        double lambda = parameters.gravityLambda();
        double potential = 0;
        int markets = 0;
        int financeCount = 0;
        int[] byType = new int[FinanceType.values().length];
        for (int r = 0; r < s.search.reachedCount(); r++) {
            int node = s.search.reachedNode(r);
            if (withPotential) {
                for (int k = populated.from(node); k < populated.to(node); k++) {
                    int m = populated.at(k);
                    if (s.marketStamp[m] != stamp) {
                        s.marketStamp[m] = stamp;
                        double t = s.search.secondsTo(populated.snaps[m]);
                        if (t <= parameters.gravityCutoffSeconds()) {
                            potential += ((Market) populated.features.get(m).feature()).population() * Math.exp(-lambda * t);
                            markets++;
                        }
                    }
                }
            }
            if (s.search.seconds(node) > parameters.financeTravelSeconds() && node != originU && node != originV) {
                // reached through this node too late; through the edge's other end, or along the origin's own edge
                // (whose end nodes are always scanned), it may still count
                continue;
            }
            for (int k = finance.from(node); k < finance.to(node); k++) {
                int f = finance.at(k);
                if (s.financeStamp[f] != stamp) {
                    s.financeStamp[f] = stamp;
                    if (s.search.secondsTo(finance.snaps[f]) <= parameters.financeTravelSeconds()) {
                        financeCount++;
                        byType[((FinancePoint) finance.features.get(f).feature()).type().ordinal()]++;
                    }
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (FinanceType t : FinanceType.values()) {
            if (byType[t.ordinal()] > 0) {
                counts.put(t.name().toLowerCase(java.util.Locale.ROOT), byType[t.ordinal()]);
            }
        }
        return new Reach(potential, markets, counts, financeCount);
    }

    /** Market potential and the number of markets within the cutoff, per target point. */
    record Potentials(double[] potential, int[] markets) {}

    /** Whether {@link #potentials} is the cheaper way for this many targets: fewer markets than targets. */
    boolean potentialsFromMarketsPay(int targets) {
        return populated.snappedCount() < targets;
    }

    /**
     * The market potential of many points at once, searching from every populated market instead of from every
     * point: travel times are symmetric (two-way roads, the same off-road legs at both ends), so the sums are the
     * same, and there are usually far fewer markets than clusters. Markets run in parallel, each thread adding into
     * its own arrays.
     */
    Potentials potentials(Snap[] targets) {
        SnappedTargets points = new SnappedTargets(graph, null, targets);
        double lambda = parameters.gravityLambda();
        double cutoff = parameters.gravityCutoffSeconds();
        final class Sums {
            final double[] potential = new double[targets.length];
            final int[] markets = new int[targets.length];
            final int[] stamp = new int[targets.length];
            final BoundedSearch search = new BoundedSearch(graph);
            int run;

            void add(int m) {
                Snap from = populated.snaps[m];
                if (from == null || !search.run(from, cutoff)) {
                    return;
                }
                int id = ++run;
                double pop = ((Market) populated.features.get(m).feature()).population();
                for (int r = 0; r < search.reachedCount(); r++) {
                    int node = search.reachedNode(r);
                    for (int k = points.from(node); k < points.to(node); k++) {
                        int t = points.at(k);
                        if (stamp[t] != id) {
                            stamp[t] = id;
                            double seconds = search.secondsTo(targets[t]);
                            if (seconds <= cutoff) {
                                potential[t] += pop * Math.exp(-lambda * seconds);
                                markets[t]++;
                            }
                        }
                    }
                }
            }

            Sums merge(Sums other) {
                for (int t = 0; t < potential.length; t++) {
                    potential[t] += other.potential[t];
                    markets[t] += other.markets[t];
                }
                return this;
            }
        }
        Sums sums = java.util.stream.IntStream.range(0, populated.size()).parallel()
                .collect(Sums::new, Sums::add, Sums::merge);
        return new Potentials(sums.potential, sums.markets);
    }
}
