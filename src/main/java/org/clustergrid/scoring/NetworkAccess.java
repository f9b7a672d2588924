package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.network.BoundedSearch;
import org.clustergrid.network.BulkSnap;
import org.clustergrid.network.JoinedRoads;
import org.clustergrid.network.RoadDirection;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * Everything the scoring needs from the road network: the graph, travel times from every place to every market tier
 * (one multi-source search per tier, done once), and bounded searches from a point for the market potential and the
 * finance points within the finance travel time.
 *
 * <p>Direction: every time is that of a trip from the cluster — goods going out to a market, a visit to a bank — so
 * one-way roads count that way: searches from a cluster run outward, searches from markets (the tier times,
 * {@link MarketPotentials}) run inward on the reversed arcs. A market or finance point within the off-road limit is
 * also reached by the direct off-road leg when walking straight there is quicker than through the network: for the
 * tier times, the finance count and the market potential alike, so a cluster off the network still reaches what lies
 * within a walk.
 */
final class NetworkAccess {
    final RoadGraph graph;
    final Parameters parameters;
    private final MarketTiers tiers;
    /** The markets that have a population: the market potential's targets. */
    final SnappedTargets populated;
    private final SnappedTargets finance;
    /** The snaps of the data's markets, in their order. */
    private final Snap[] marketSnaps;
    private BitSet changedEdges = new BitSet();
    /** What carries over from the network this one derives from when roads were added to it; null otherwise. */
    private JoinedRoads joined;
    /** The markets' and finance points' snaps by the edge they enter by: made when first derived from. */
    private SnapsByEdge marketsByEdge;
    private SnapsByEdge financeByEdge;
    /**
     * Search states not in use, one made per thread searching at once; kept by this network, not by the threads, so
     * that they go when it goes (a thread-local would keep each derived network's arrays alive in the pool's threads).
     */
    private final java.util.Queue<Scratch> scratches = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Envelope roadsBox = new Envelope();

    /** The state of one search at a time: the search and a stamp per target, so no target is counted twice. */
    private final class Scratch {
        final BoundedSearch search = new BoundedSearch(graph, RoadGraph.Direction.OUTWARD);
        final int[] marketStamp = new int[populated.size()];
        final int[] financeStamp = new int[finance.size()];
        int stamp;
    }

    /** Market potential and reachable finance points from one origin. */
    record Reach(double marketPotential, int marketsReached, Map<String, Integer> financeByType, int financeCount) {}

    NetworkAccess(ScoringData data, Parameters parameters, SpeedProfile speeds) {
        this(data, parameters, graphOf(data, speeds, parameters), null, null, 0);
    }

    /**
     * @param snaps the snaps of the data's markets, then of its finance points (null: every one snapped here)
     * @param baseTiers tiers whose markets are the first {@code marketsBefore} of the data's, kept in their tiers
     *     (null: all sorted)
     */
    private NetworkAccess(ScoringData data, Parameters parameters, RoadGraph graph, Snap[] snaps,
            MarketTiers baseTiers, int marketsBefore) {
        this.parameters = parameters;
        this.graph = graph;
        // every market and finance point snapped once, all together: the tiers and the targets share the snaps
        if (snaps == null) {
            snaps = snapAll(graph, List.of(data.markets(), data.finance()));
        }
        int m = data.markets().size();
        marketSnaps = Arrays.copyOfRange(snaps, 0, m);
        populated = populated(data.markets(), marketSnaps, null);
        finance = new SnappedTargets(graph, data.finance(), Arrays.copyOfRange(snaps, m, snaps.length));
        tiers = new MarketTiers(data.markets(), marketSnaps, graph, parameters, baseTiers, marketsBefore, false);
        for (StoredFeature f : data.roads()) {
            roadsBox.expandToInclude(f.feature().geometry().getEnvelopeInternal());
        }
    }

    private static RoadGraph graphOf(ScoringData data, SpeedProfile speeds, Parameters parameters) {
        List<Road> roads = new ArrayList<>(data.roads().size());
        for (StoredFeature f : data.roads()) {
            roads.add((Road) f.feature());
        }
        return RoadGraph.build(roads, speeds, parameters.maxOffRoadM());
    }

    /**
     * This network with a scenario's additions and road upgrades applied to {@code after}: what they leave as it was
     * is shared, only what they change is snapped or searched again; new roads make the graph again, and carry over
     * what they leave. Null when an upgrade changes a road's direction or whether it is driven at all: build anew.
     */
    NetworkAccess derive(ScoringData before, ScoringData after, DataChanges changes) {
        Map<String, Double> speeds = upgradedSpeeds(before, after, changes);
        if (speeds == null) {
            return null;
        }
        return changes.addedRoads() == 0 ? new NetworkAccess(this, after, speeds, changes)
                : withRoadsAdded(after, changes, speeds);
    }

    /**
     * This network with roads added (and others upgraded in place, {@code speeds}): the graph made again from this
     * one's vertices and segments with the new roads' after them, which numbers nodes and edges anew, and what carries
     * over matched to it — the edges along the same segments ({@link JoinedRoads}), the
     * snaps of the markets and finance points no added road can have moved, the markets' tiers. Null when the roads
     * before are not the first of the roads after, unchanged in where and whether they are driven.
     */
    private NetworkAccess withRoadsAdded(ScoringData after, DataChanges changes, Map<String, Double> speeds) {
        int first = after.roads().size() - changes.addedRoads();
        List<Road> added = new ArrayList<>(changes.addedRoads());
        for (StoredFeature f : after.roads().subList(first, after.roads().size())) {
            added.add((Road) f.feature());
        }
        JoinedRoads joined = graph.withRoads(speeds, added, first).joinedFrom(graph);
        if (joined == null) {
            return null;
        }
        int oldMarkets = after.markets().size() - changes.addedMarkets();
        int oldFinance = after.finance().size() - changes.addedFinance();
        Snap[] snaps = new Snap[after.markets().size() + after.finance().size()];
        System.arraycopy(joined.carry(marketSnaps), 0, snaps, 0, oldMarkets);
        System.arraycopy(joined.carry(finance.snaps), 0, snaps, after.markets().size(), oldFinance);
        List<StoredFeature> markets = after.markets();
        List<StoredFeature> financePoints = after.finance();
        for (int i = oldMarkets; i < markets.size(); i++) {
            snaps[i] = snapOn(joined.graph(), Features.representative(markets.get(i).feature().geometry()));
        }
        for (int i = oldFinance; i < financePoints.size(); i++) {
            snaps[markets.size() + i] = snapOn(joined.graph(),
                    Features.representative(financePoints.get(i).feature().geometry()));
        }
        NetworkAccess out = new NetworkAccess(after, parameters, joined.graph(), snaps, tiers, oldMarkets);
        out.joined = joined;
        out.changedEdges = joined.changedEdges();
        return out;
    }

    private static Snap snapOn(RoadGraph graph, Point p) {
        Snap s = graph.snap(p);
        return s != null ? s : Snap.offNetwork(p.getX(), p.getY());
    }

    private NetworkAccess(NetworkAccess base, ScoringData after, Map<String, Double> speeds, DataChanges changes) {
        this.parameters = base.parameters;
        this.graph = speeds.isEmpty() ? base.graph : base.graph.withSpeeds(speeds);
        this.changedEdges = base.graph.edgesOf(speeds.keySet());
        int oldMarkets = after.markets().size() - changes.addedMarkets();
        int oldFinance = after.finance().size() - changes.addedFinance();
        this.marketSnaps = resnapped(base.marketSnaps, base.byEdge(true), after.markets(), oldMarkets);
        Snap[] financeSnaps = resnapped(base.finance.snaps, base.byEdge(false), after.finance(), oldFinance);
        this.populated = Arrays.equals(marketSnaps, base.marketSnaps) ? base.populated
                : populated(after.markets(), marketSnaps, base.populated);
        // the finance points are counted, not summed, so the added ones may be listed apart from the others
        SnappedTargets old = Arrays.equals(financeSnaps, 0, oldFinance, base.finance.snaps, 0, oldFinance)
                ? base.finance : base.finance.retimed(Arrays.copyOf(financeSnaps, oldFinance));
        this.finance = old == null ? new SnappedTargets(graph, after.finance(), financeSnaps)
                : oldFinance == financeSnaps.length ? old
                : old.plus(graph, after.finance(), Arrays.copyOfRange(financeSnaps, oldFinance, financeSnaps.length));
        // a road keeps its geometry when upgraded: the box is the same
        roadsBox.expandToInclude(base.roadsBox);
        this.tiers = new MarketTiers(after.markets(), marketSnaps, graph, parameters, base.tiers, oldMarkets,
                graph == base.graph);
    }

    /**
     * Each upgraded road's new speed (road id → m/s), for the routable roads whose speed changes; null when an
     * upgrade changes where or whether a road is driven.
     */
    private Map<String, Double> upgradedSpeeds(ScoringData before, ScoringData after, DataChanges changes) {
        SpeedProfile speeds = graph.speeds();
        Map<String, Double> out = new java.util.HashMap<>();
        for (int i : changes.upgradedRoads()) {
            Road was = (Road) before.roads().get(i).feature();
            Road now = (Road) after.roads().get(i).feature();
            if (speeds.routable(was) != speeds.routable(now) || RoadDirection.of(was) != RoadDirection.of(now)
                    || !was.geometry().equalsExact(now.geometry())) {
                return null;
            }
            double mps = speeds.metresPerSecond(now.roadClass(), now.paving());
            if (speeds.routable(now) && mps != speeds.metresPerSecond(was.roadClass(), was.paving())) {
                out.put(now.id(), mps);
            }
        }
        return out;
    }

    /**
     * The snaps of a layer: those of the first {@code kept} features kept unless they enter by a changed edge.
     *
     * @param byEdge {@code old} by the edges they enter by
     */
    private Snap[] resnapped(Snap[] old, SnapsByEdge byEdge, List<StoredFeature> features, int kept) {
        Snap[] out = Arrays.copyOf(old, features.size());
        BitSet again = byEdge.entering(changedEdges);
        again.set(kept, out.length);
        for (int i = again.nextSetBit(0); i >= 0; i = again.nextSetBit(i + 1)) {
            out[i] = snap(Features.representative(features.get(i).feature().geometry()));
        }
        return out;
    }

    /** The markets' ({@code markets}) or the finance points' snaps by edge, made once. */
    private synchronized SnapsByEdge byEdge(boolean markets) {
        if (markets && marketsByEdge == null) {
            marketsByEdge = new SnapsByEdge(marketSnaps, graph.edgeCount());
        } else if (!markets && financeByEdge == null) {
            financeByEdge = new SnapsByEdge(finance.snaps, graph.edgeCount());
        }
        return markets ? marketsByEdge : financeByEdge;
    }

    /**
     * Where a point joins this network, given where it joins the network this one is derived from: the same snap
     * unless it enters by an edge whose time changed (its place along the edge is measured in time); with roads
     * added, carried over where no added road can have moved it ({@link JoinedRoads#carry}).
     */
    Snap snapFrom(Snap before, Point p) {
        if (joined != null) {
            return before == null ? snap(p) : joined.carry(before);
        }
        return before != null && !entersBy(before, changedEdges) ? before : snap(p);
    }

    /**
     * Whether a point that joined the network this one derives from at {@code before} joins this one at {@code now}
     * the same way: the same snap, or with roads added {@link JoinedRoads#joinsAsBefore}.
     */
    boolean joinsAsBefore(Snap before, Snap now) {
        return joined == null || before == now ? before == now : joined.joinsAsBefore(before, now);
    }

    /**
     * The edges by which targets that join this network otherwise than they joined the one it derives from enter it
     * or entered it ({@link JoinedRoads#edgesOfMovedTargets}): none for a network of the same shape.
     */
    BitSet edgesOfMovedTargets(Snap[] was, Snap[] now) {
        return joined == null || was == now ? new BitSet() : joined.edgesOfMovedTargets(was, now);
    }

    /** {@link #edgesOfMovedTargets} of the finance points, this network derived from {@code was}. */
    BitSet movedFinance(NetworkAccess was) {
        return edgesOfMovedTargets(was.finance.snaps, finance.snaps);
    }

    /** {@link #edgesOfMovedTargets} of the populated markets, this network derived from {@code was}. */
    BitSet movedMarkets(NetworkAccess was) {
        return edgesOfMovedTargets(was.populated.snaps, populated.snaps);
    }

    private static boolean entersBy(Snap s, BitSet edges) {
        if (s != null && !edges.isEmpty()) {
            for (Snap e : s.entries()) {
                if (edges.get(e.edge())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The markets that have a population, as targets of the market potential; {@code base}'s lists kept when these
     * are its markets at the same places (null to build anew).
     */
    private SnappedTargets populated(List<StoredFeature> markets, Snap[] snaps, SnappedTargets base) {
        List<StoredFeature> withPopulation = new ArrayList<>();
        List<Snap> populatedSnaps = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            if (((Market) markets.get(i).feature()).population() != null) {
                withPopulation.add(markets.get(i));
                populatedSnaps.add(snaps[i]);
            }
        }
        Snap[] now = populatedSnaps.toArray(Snap[]::new);
        SnappedTargets retimed = base != null && same(base.features, withPopulation) ? base.retimed(now) : null;
        return retimed != null ? retimed : new SnappedTargets(graph, withPopulation, now);
    }

    /** The same features, one by one (not compared by value: that would compare every geometry). */
    private static boolean same(List<StoredFeature> a, List<StoredFeature> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private Scratch borrow() {
        Scratch s = scratches.poll();
        return s != null ? s : new Scratch();
    }

    /** The edges whose times differ from those of the network this one was derived from (none for a built one). */
    BitSet changedEdges() {
        return changedEdges;
    }

    /** The snaps of the layers' features, one after another, at their {@link Features#representative} points. */
    private static Snap[] snapAll(RoadGraph graph, List<List<StoredFeature>> layers) {
        int n = layers.stream().mapToInt(List::size).sum();
        double[] lons = new double[n];
        double[] lats = new double[n];
        int i = 0;
        for (List<StoredFeature> layer : layers) {
            for (StoredFeature f : layer) {
                Point p = Features.representative(f.feature().geometry());
                lons[i] = p.getX();
                lats[i++] = p.getY();
            }
        }
        return BulkSnap.snapAll(graph, lons, lats);
    }

    /** The box around every road's geometry (a copy; null envelope without roads). */
    Envelope roadsBox() {
        return new Envelope(roadsBox);
    }

    boolean hasNetwork() {
        return graph.nodeCount() > 0;
    }

    boolean hasMarkets(MarketTier tier) {
        return tiers.has(tier);
    }

    /**
     * Where a point joins the network: null without a network, an {@link Snap#offNetwork off-network} snap when no
     * road lies within the off-road limit ({@link Snap#onFragment()} tells a point whose nearest road is a fragment).
     */
    Snap snap(Point p) {
        return hasNetwork() ? snapOn(graph, p) : null;
    }

    /**
     * Arrival at the nearest market of a tier ({@link TravelTimes.Arrival#onFoot()} when by the direct off-road leg);
     * null when the tier has no market, there is no network, or the point is off the network with no market of the
     * tier within a walk.
     */
    TravelTimes.Arrival arrival(MarketTier tier, Snap at) {
        TravelTimes.Arrival a = at == null ? null : tiers.arrivalAt(tier, at);
        return a == null || a.reachable() || at.onNetwork() ? a : null;
    }

    /** The nodes whose arrival at a tier differs from {@code was}'s, this derived from it; null when not known. */
    BitSet tierNodesChanged(NetworkAccess was, MarketTier tier) {
        return tiers.nodesChanged(was.tiers, tier);
    }

    StoredFeature market(MarketTier tier, int source) {
        return tiers.market(tier, source);
    }

    /**
     * One bounded search from {@code origin}: out to the finance time, and when {@code withPotential} also to the
     * gravity cutoff for the market potential (otherwise left at 0, for {@link MarketPotentials} to fill in).
     */
    Reach reach(Snap origin, boolean withPotential) {
        Scratch s = borrow();
        try {
            return reach(s, origin, withPotential);
        } finally {
            scratches.offer(s);
        }
    }

    private Reach reach(Scratch s, Snap origin, boolean withPotential) {
        double financeSeconds = parameters.financeTravelSeconds();
        double gravitySeconds = parameters.gravityCutoffSeconds();
        double cutoff = withPotential ? Math.max(gravitySeconds, financeSeconds) : financeSeconds;
        if (origin == null || !s.search.run(origin, cutoff)) {
            return new Reach(0, 0, Map.of(), 0);
        }
        BoundedSearch search = s.search;
        int stamp = ++s.stamp;
        double lambda = parameters.gravityLambda();
        double[] potential = {0};
        int[] markets = {0};
        int[] byType = new int[FinanceType.values().length];
        NearTarget market = m -> {
            if (s.marketStamp[m] != stamp) {
                s.marketStamp[m] = stamp;
                double t = search.secondsTo(populated.snaps[m]);
                if (t <= gravitySeconds) {
                    potential[0] += ((Market) populated.features.get(m).feature()).population() * Math.exp(-lambda * t);
                    markets[0]++;
                }
            }
        };
        NearTarget bank = f -> {
            if (s.financeStamp[f] != stamp) {
                s.financeStamp[f] = stamp;
                if (search.secondsTo(finance.snaps[f]) <= financeSeconds) {
                    byType[((FinancePoint) finance.features.get(f).feature()).type().ordinal()]++;
                }
            }
        };
        for (int r = -2 * origin.entries().length; r < search.reachedCount(); r++) {
            // the ends of the origin's own edges first, reached or not: targets along those edges are reached along
            // them; then every node reached
            int node = r < 0 ? originEnd(origin, r) : search.reachedNode(r);
            if (withPotential) {
                populated.forEachAt(node, market);
            }
            // a node reached too late for finance leaves its targets to the other end of their edge
            if (r < 0 || search.seconds(node) <= financeSeconds) {
                finance.forEachAt(node, bank);
            }
        }
        double mps = graph.speeds().offRoadMetresPerSecond();
        double walk = Math.min(graph.maxOffRoadMetres(), financeSeconds * mps);
        finance.forEachNear(origin.lon(), origin.lat(), walk, (f, metres) -> bank.visit(f));
        if (withPotential) {
            walk = Math.min(graph.maxOffRoadMetres(), gravitySeconds * mps);
            populated.forEachNear(origin.lon(), origin.lat(), walk, (m, metres) -> market.visit(m));
        }
        Map<String, Integer> counts = new TreeMap<>();
        int financeCount = 0;
        for (FinanceType t : FinanceType.values()) {
            if (byType[t.ordinal()] > 0) {
                counts.put(t.name().toLowerCase(java.util.Locale.ROOT), byType[t.ordinal()]);
                financeCount += byType[t.ordinal()];
            }
        }
        return new Reach(potential[0], markets[0], counts, financeCount);
    }

    /**
     * Points of a further target set (e.g. a context layer's features) snapped once, as the market and finance points
     * are: a point with no road within the off-road limit gets an off-network snap, reached on foot only.
     */
    SnappedTargets snapTargets(double[] lons, double[] lats) {
        return new SnappedTargets(graph, null, BulkSnap.snapAll(graph, lons, lats));
    }

    /** A target of set {@code set} (by index) reached, with its travel time. */
    interface Reached {
        void reached(int set, int target, double seconds);
    }

    /**
     * One bounded search from {@code origin}, out to the longest of the cutoffs, reaching every target set at once as
     * {@link #reach} reaches the finance points: targets along the origin's own edges, at every node reached within
     * the set's cutoff, and within a walk (the direct off-road leg); each visited once, and reported when its travel
     * time is within its set's cutoff. Nothing is reached from a null origin or where there is no network.
     */
    void reachTargets(Snap origin, List<SnappedTargets> sets, double[] cutoffSeconds, Reached out) {
        Scratch s = borrow();
        try {
            reachTargets(s, origin, sets, cutoffSeconds, out);
        } finally {
            scratches.offer(s);
        }
    }

    private void reachTargets(Scratch s, Snap origin, List<SnappedTargets> sets, double[] cutoffSeconds,
            Reached out) {
        double cutoff = 0;
        for (double c : cutoffSeconds) {
            cutoff = Math.max(cutoff, c);
        }
        if (origin == null || sets.isEmpty() || !s.search.run(origin, cutoff)) {
            return;
        }
        BoundedSearch search = s.search;
        BitSet[] seen = new BitSet[sets.size()];
        NearTarget[] visit = new NearTarget[sets.size()];
        for (int k = 0; k < sets.size(); k++) {
            int set = k;
            seen[k] = new BitSet(sets.get(k).size());
            visit[k] = t -> {
                if (!seen[set].get(t)) {
                    seen[set].set(t);
                    double seconds = search.secondsTo(sets.get(set).snaps[t]);
                    if (seconds <= cutoffSeconds[set]) {
                        out.reached(set, t, seconds);
                    }
                }
            };
        }
        for (int r = -2 * origin.entries().length; r < search.reachedCount(); r++) {
            int node = r < 0 ? originEnd(origin, r) : search.reachedNode(r);
            for (int k = 0; k < sets.size(); k++) {
                // a node reached too late for a set leaves its targets to the other end of their edge
                if (r < 0 || search.seconds(node) <= cutoffSeconds[k]) {
                    sets.get(k).forEachAt(node, visit[k]);
                }
            }
        }
        double mps = graph.speeds().offRoadMetresPerSecond();
        for (int k = 0; k < sets.size(); k++) {
            NearTarget v = visit[k];
            double walk = Math.min(graph.maxOffRoadMetres(), cutoffSeconds[k] * mps);
            sets.get(k).forEachNear(origin.lon(), origin.lat(), walk, (t, metres) -> v.visit(t));
        }
    }

    /** End node number {@code r + 2·entries} (0 ≤ that < 2·entries) of the origin's entry edges. */
    int originEnd(Snap origin, int r) {
        int k = r + 2 * origin.entries().length;
        Snap entry = origin.entries()[k / 2];
        return k % 2 == 0 ? graph.edgeSource(entry.edge()) : graph.edgeTarget(entry.edge());
    }

    /** A target (by index) met at a node or within a walk. */
    interface NearTarget {
        void visit(int target);
    }

    /** Whether {@link MarketPotentials#of} is the cheaper way for this many targets: fewer markets than targets. */
    boolean potentialsFromMarketsPay(int targets) {
        return populated.snappedCount() < targets;
    }
}
