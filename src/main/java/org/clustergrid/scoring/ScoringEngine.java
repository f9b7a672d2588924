package org.clustergrid.scoring;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.clustergrid.coverage.LayerCoverage;
import org.clustergrid.layers.measure.LayerSource;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.network.Snap;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Scores clusters and arbitrary footprints against one snapshot of the layers. Building it indexes every layer,
 * builds the road graph and runs the market-tier searches (seconds for a region); scoring then costs a few index
 * queries and one bounded network search per footprint. Indicator values do not depend on weights, so they are
 * computed once per cluster and re-weighted cheaply. Thread-safe.
 */
public final class ScoringEngine {
    private final ScoringData data;
    private final ScoringProfile profile;
    private final IndicatorCalculator calculator;
    private final NetworkAccess network;
    private final LayerIndexes indexes;
    private final E2sfca e2sfca;
    /** The layer indicators as read, before their targets join a network. */
    private final LayerIndicators layersRead;
    private final LayerIndicators layerIndicators;
    /** The clusters this engine scores itself, by position: all, or on a derived engine those changes can affect. */
    private final BitSet rescored;
    /** Where each cluster joins the network, by position; null until asked for by a derived engine. */
    private Snap[] clusterSnaps;
    /** What this engine measured of each cluster, for the engines derived from it; null until complete. */
    private KnownValues knownValues;
    /** The engine this one was derived from, which scores the clusters the changes leave; null for one built. */
    private final ScoringEngine base;
    /**
     * On a derived engine, cluster id → the bits of the {@link Measures} to measure again, for the clusters the
     * changes affect; the indicators of those measured in part only are otherwise those of {@link #kept}.
     */
    private final Map<String, Integer> partsToMeasure = new ConcurrentHashMap<>();
    /** Cluster id → its indicators on the engine this one was derived from, for those of {@link #partsToMeasure}. */
    private final Map<String, Map<Indicator, IndicatorResult>> kept = new ConcurrentHashMap<>();
    /** Cluster id → {market potential, markets}, when computed for all clusters at once from the markets' side. */
    private Map<String, double[]> clusterPotentials;
    private final Envelope extent = new Envelope();
    private final Map<String, Map<Indicator, IndicatorResult>> clusterIndicators = new ConcurrentHashMap<>();
    private final Map<String, List<QualityFlag>> clusterFlags = new ConcurrentHashMap<>();
    private final Map<String, List<LayerResult>> clusterLayerResults = new ConcurrentHashMap<>();
    private final LayerCoverage coverage;
    private final Availability availability;
    private final RoadDataCheck roadDataCheck;
    private final double buildSeconds;
    /** How many clusters' indicators all came from the engine this one followed. */
    private final int carriedOver;

    private ScoringEngine(ScoringData data, ScoringProfile profile, SpeedProfile speeds, LayerIndicators layersRead) {
        long start = System.nanoTime();
        this.data = data;
        this.profile = profile;
        this.layersRead = layersRead;
        // the road network (graph, snaps, tier searches) and the rest (indexes, E2SFCA) need nothing of each other:
        // built side by side, each on its own core when it has none to share
        CompletableFuture<NetworkAccess> networkBuild = CompletableFuture.supplyAsync(
                () -> new NetworkAccess(data, profile.parameters(), speeds));
        this.indexes = new LayerIndexes(data, profile.parameters());
        this.coverage = data.layerCoverage();
        this.availability = new Availability(data, coverage, profile.parameters());
        this.e2sfca = new E2sfca(indexes, profile.parameters().e2sfcaCatchmentM()).prepare(data.finance(),
                data.clusters());
        this.network = networkBuild.join();
        // the features the _reachable layer indicators count join the network once, as the finance points do
        this.layerIndicators = layersRead.overNetwork(network, availability, profile.parameters());
        this.calculator = new IndicatorCalculator(profile, indexes, network, e2sfca, availability);
        this.roadDataCheck = new RoadDataCheck(data, indexes.motorableRoads, profile.parameters().ruralAccessDistanceM());
        expandToAll(extent, data);
        this.rescored = allOf(data.clusters().size());
        this.base = null;
        this.carriedOver = 0;
        this.buildSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** An engine derived from {@code base} by {@link #derive}: the parts the changes leave are the base's. */
    private ScoringEngine(ScoringEngine base, ScoringData after, DataChanges changes, NetworkAccess network) {
        long start = System.nanoTime();
        Parameters p = base.profile.parameters();
        this.base = base;
        this.data = after;
        this.profile = base.profile;
        this.layersRead = base.layersRead;
        this.network = network;
        this.indexes = base.indexes.derive(base.data, after, p, changes);
        this.coverage = base.coverage;
        List<StoredFeature> markets = after.markets();
        this.availability = base.availability.derive(after, markets.subList(markets.size() - changes.addedMarkets(),
                markets.size()), p);
        List<StoredFeature> finance = after.finance();
        this.e2sfca = changes.addedFinance() == 0 ? base.e2sfca : base.e2sfca.withAdded(indexes,
                finance.subList(finance.size() - changes.addedFinance(), finance.size()), after.clusters());
        this.layerIndicators = network.graph == base.network.graph ? base.layerIndicators
                : layersRead.overNetwork(network, availability, p);
        this.calculator = new IndicatorCalculator(profile, indexes, network, e2sfca, availability);
        // the check's roads are the motorable ones: upgrades that leave them keep it
        RoadDataCheck check = changes.addedRoads() == 0 && indexes.motorableRoads == base.indexes.motorableRoads
                ? base.roadDataCheck : base.roadDataCheck.withRoads(base.data, indexes.motorableRoads,
                        after.roads().subList(after.roads().size() - changes.addedRoads(), after.roads().size()));
        this.roadDataCheck = check.plus(finance.subList(finance.size() - changes.addedFinance(), finance.size()),
                markets.subList(markets.size() - changes.addedMarkets(), markets.size()));
        extent.expandToInclude(base.extent);
        List<List<StoredFeature>> was = List.of(base.data.roads(), base.data.power(), base.data.finance(),
                base.data.markets());
        List<List<StoredFeature>> now = List.of(after.roads(), after.power(), finance, markets);
        for (int l = 0; l < now.size(); l++) {
            for (StoredFeature f : now.get(l).subList(was.get(l).size(), now.get(l).size())) {
                extent.expandToInclude(f.feature().geometry().getEnvelopeInternal());
            }
        }
        int n = after.clusters().size();
        Snap[] snapsWas = base.clusterSnaps();
        Snap[] snapsNow = new Snap[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(c -> snapsNow[c] = network.hasNetwork()
                ? network.snapFrom(snapsWas[c], Features.representative(after.clusters().get(c).feature()
                        .geometry())) : null);
        this.clusterSnaps = snapsNow;
        BitSet layerTargetsMoved = layerIndicators.movedTargets(base.layerIndicators, network);
        AffectedClusters.Affected affected = availability.differsFrom(base.availability)
                || base.indexes.gainsKind(indexes) || layerTargetsMoved == null ? AffectedClusters.Affected.all(n)
                : AffectedClusters.find(base.data, after, changes, p, base.knownValues(), base.indexes,
                        base.network, network, snapsWas, snapsNow, layerIndicators.reachSeconds(),
                        layerTargetsMoved);
        // the clusters the changes leave are the base's to score; of the others, what they leave is kept
        for (int c = 0; c < n; c++) {
            String id = after.clusters().get(c).layerId();
            int parts = affected.parts()[c];
            if (parts == 0) {
                continue;
            }
            partsToMeasure.put(id, parts);
            if (parts == Measures.ALL) {
                continue;
            }
            kept.put(id, base.knownIndicators(id));
            if (!Measures.FLAGS.in(parts)) {
                put(clusterFlags, id, base.knownFlags(id));
            }
            if (!Measures.LAYERS.in(parts)) {
                put(clusterLayerResults, id, base.knownLayerResults(id));
            }
        }
        this.rescored = affected.any();
        this.carriedOver = n - partsToMeasure.size();
        this.buildSeconds = (System.nanoTime() - start) / 1e9;
    }

    /**
     * An engine for the same layers with the clusters of {@code after}, from {@link #withEditedClusters}: a built
     * one (it leaves nothing to {@code was}), holding {@code was}'s indicators, flags and layer results of the
     * clusters not edited, to measure again only the edited ones and, of the others, the E2SFCA part where their
     * access moved.
     */
    private ScoringEngine(ScoringEngine was, ScoringData after, Set<String> edited) {
        long start = System.nanoTime();
        this.data = after;
        this.profile = was.profile;
        this.layersRead = was.layersRead;
        this.network = was.network;
        this.indexes = was.indexes.withClusters(after.clusters());
        this.coverage = after.layerCoverage();
        // availability asks the coverage of the other layers only, which the clusters leave
        this.availability = was.availability;
        this.e2sfca = new E2sfca(indexes, profile.parameters().e2sfcaCatchmentM()).prepare(after.finance(),
                after.clusters());
        this.layerIndicators = was.layerIndicators;
        this.calculator = new IndicatorCalculator(profile, indexes, network, e2sfca, availability);
        this.roadDataCheck = was.roadDataCheck;
        expandToAll(extent, after);
        for (StoredFeature c : after.clusters()) {
            String id = c.layerId();
            Map<Indicator, IndicatorResult> known = was.clusterIndicators.get(id);
            if (edited.contains(id) || known == null) {
                continue; // measured whole
            }
            put(clusterFlags, id, was.clusterFlags.get(id));
            put(clusterLayerResults, id, was.clusterLayerResults.get(id));
            // a cluster's workers weigh on the supply ratio of every finance point it shares with others
            if (Double.compare(was.e2sfca.clusterAccess(c), e2sfca.clusterAccess(c)) != 0) {
                partsToMeasure.put(id, Measures.FINANCE_NEAR.bit());
                kept.put(id, known);
            } else {
                clusterIndicators.put(id, known);
            }
        }
        this.carriedOver = clusterIndicators.size();
        this.rescored = allOf(after.clusters().size());
        this.base = null;
        this.buildSeconds = (System.nanoTime() - start) / 1e9;
    }

    private static void expandToAll(Envelope extent, ScoringData data) {
        for (List<StoredFeature> layer : List.of(data.clusters(), data.roads(), data.power(), data.finance(),
                data.markets())) {
            for (StoredFeature f : layer) {
                extent.expandToInclude(f.feature().geometry().getEnvelopeInternal());
            }
        }
    }

    /**
     * This engine for the same roads, power, finance and markets with the register edited: {@code after} holds
     * every cluster {@code edited} does not name as the same object this engine's data hold it (added, changed and
     * retired clusters are named). What equals {@link #build} on {@code after}, measuring again only the edited
     * clusters and, since a cluster's workers share the branches near it (E2SFCA), the finance access of those whose
     * access moves; everyone else keeps the indicators measured here. Null when the edits change how every cluster
     * is measured (the market potentials' way, chosen by the number of clusters): build anew then. Call on a built
     * engine after a run on it, whose indicators it keeps.
     */
    public ScoringEngine withEditedClusters(ScoringData after, Set<String> edited) {
        if (base != null) {
            throw new IllegalStateException("only a built engine takes register edits");
        }
        if (after.roads() != data.roads() || after.power() != data.power() || after.finance() != data.finance()
                || after.markets() != data.markets()) {
            throw new IllegalArgumentException("register edits change clusters only: the other layers are these");
        }
        if (network.hasNetwork() && network.potentialsFromMarketsPay(data.clusters().size())
                != network.potentialsFromMarketsPay(after.clusters().size())) {
            return null;
        }
        return new ScoringEngine(this, after, edited);
    }

    /** What this engine measured of each cluster, by position: kept once every cluster has its indicators. */
    private synchronized KnownValues knownValues() {
        if (knownValues != null) {
            return knownValues;
        }
        KnownValues k = new KnownValues(data.clusters(), this::knownIndicators);
        if (k.complete()) {
            knownValues = k;
        }
        return k;
    }

    /** Where each cluster joins the network, by position (null without a network): found once, then kept. */
    private synchronized Snap[] clusterSnaps() {
        if (clusterSnaps == null) {
            List<StoredFeature> clusters = data.clusters();
            Snap[] out = new Snap[clusters.size()];
            java.util.stream.IntStream.range(0, out.length).parallel().forEach(c -> out[c] = network.snap(
                    Features.representative(clusters.get(c).feature().geometry())));
            clusterSnaps = out;
        }
        return clusterSnaps;
    }

    private static <V> void put(Map<String, V> to, String id, V v) {
        if (v != null) {
            to.put(id, v);
        }
    }

    /** Whether this engine leaves a cluster to the engine it was derived from: the changes cannot affect it. */
    private boolean leaves(String id) {
        return base != null && !partsToMeasure.containsKey(id);
    }

    /** A cluster's indicators as far as computed, here or (for a cluster this engine leaves) by its base; or null. */
    private Map<Indicator, IndicatorResult> knownIndicators(String id) {
        return leaves(id) ? base.knownIndicators(id) : clusterIndicators.get(id);
    }

    private List<QualityFlag> knownFlags(String id) {
        return leaves(id) ? base.knownFlags(id) : clusterFlags.get(id);
    }

    private List<LayerResult> knownLayerResults(String id) {
        return leaves(id) ? base.knownLayerResults(id) : clusterLayerResults.get(id);
    }

    private static BitSet allOf(int n) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        return all;
    }

    /**
     * This engine for the same data with additions and road upgrades ({@code changes} tells which): shares what they
     * leave as it was (the graph when no road changes, or its geometry and grid when roads only change speed; the
     * indexes and searches of unchanged layers) and keeps the indicators of every cluster they cannot affect ({@link
     * AffectedClusters}), so a run on it scores only the others. Gives what {@link #build} on {@code after} gives;
     * built anew, every cluster scored, when the changes alter the network's shape (a new road). Call after a run on
     * this engine, whose indicators it keeps.
     */
    public ScoringEngine derive(ScoringData after, DataChanges changes) {
        if (after.clusters().size() != data.clusters().size()) {
            throw new IllegalArgumentException("the derived data must hold the same clusters");
        }
        NetworkAccess derived = network.derive(data, after, changes);
        if (derived == null) {
            return new ScoringEngine(after, profile, network.graph.speeds(), layersRead);
        }
        return new ScoringEngine(this, after, changes, derived);
    }

    /**
     * Of the clusters this engine scores, how many have all their indicators from the engine it follows (after
     * register edits, all but the edited ones and those sharing their finance points): 0 for one built.
     */
    public int carriedOver() {
        return carriedOver;
    }

    /** How many clusters this engine must score itself: all of them, or on a derived one those changes can affect. */
    public int rescored() {
        return rescored.cardinality();
    }

    /** Which clusters this engine scores itself, by position in the data's clusters (a copy). */
    public BitSet rescoredClusters() {
        return (BitSet) rescored.clone();
    }

    /**
     * The scores of the clusters this engine scores itself ({@link #rescoredClusters}), by position: on a derived
     * engine, what a change does to the clusters it can affect, without aggregating every other one again.
     */
    public Map<Integer, ClusterScore> scoreRescored(Weights weights) {
        return scoreRescored(weights, rescored);
    }

    /** As {@link #scoreRescored(Weights)}, for only those of {@code clusters} this engine scores itself. */
    public Map<Integer, ClusterScore> scoreRescored(Weights weights, BitSet clusters) {
        clusterPotentials();
        BitSet these = (BitSet) clusters.clone();
        these.and(rescored);
        Map<Integer, ClusterScore> out = new ConcurrentHashMap<>();
        these.stream().parallel().forEach(c -> out.put(c, scoreCluster(data.clusters().get(c), weights)));
        return out;
    }

    /**
     * Of the clusters this engine scores itself, those whose gap its changes can move ({@link GainRoom}): what a
     * portfolio weighs; all of them on an engine built anew. Of those, it then measures again only the parts with
     * room to gain ({@link GainRoom#roomToGain}): the others keep what {@code before} measured. Every gap this engine
     * then gives is the one it gives measuring all, but not every indicator: an engine for weighing projects, not for
     * showing their effects. Call before scoring on it.
     */
    public BitSet measureOnlyGains(ScoringRun before) {
        Map<Integer, Integer> room = base == null ? null : GainRoom.room(base.data, data, partsToMeasure, before,
                network.graph.speeds(), rescored);
        if (room == null) {
            return rescoredClusters();
        }
        BitSet out = new BitSet();
        room.forEach((c, parts) -> {
            out.set(c);
            String id = data.clusters().get(c).layerId();
            int was = partsToMeasure.getOrDefault(id, Measures.ALL);
            Map<Indicator, IndicatorResult> known = base.knownIndicators(id);
            if (parts == was || known == null) {
                return;
            }
            kept.putIfAbsent(id, known);
            if (Measures.FLAGS.in(was)) {
                put(clusterFlags, id, base.knownFlags(id));
            }
            if (Measures.LAYERS.in(was) && !Measures.LAYERS.in(parts)) {
                put(clusterLayerResults, id, base.knownLayerResults(id));
            }
            partsToMeasure.put(id, parts);
        });
        return out;
    }

    /**
     * A cluster's score with the indicator results given instead of its own (e.g. the best each of several projects
     * gives it), aggregated as its own are, with its data's flags.
     */
    public ClusterScore scoreWith(int position, Map<Indicator, IndicatorResult> indicators, List<LayerResult> layers,
            Weights weights) {
        StoredFeature stored = data.clusters().get(position);
        if (leaves(stored.layerId())) {
            return base.scoreWith(position, indicators, layers, weights);
        }
        Cluster c = (Cluster) stored.feature();
        List<QualityFlag> flags = clusterFlags.computeIfAbsent(stored.layerId(), k -> dataFlags(c.footprint()));
        return aggregate(stored.layerId(), c.name(), c.size(), indicators, layers, c.typology(), c.marketsServed(),
                weights, flags);
    }

    /** The gap {@link #scoreWith} would give, without the rest of the score. */
    public Double gapWith(int position, Map<Indicator, IndicatorResult> indicators, List<LayerResult> layers,
            Weights weights) {
        Cluster c = (Cluster) data.clusters().get(position).feature();
        return Aggregation.gap(indicators, layers, profile, profile.targets().targetFor(c.typology(),
                c.marketsServed()), weights);
    }

    public static ScoringEngine build(ScoringData data, ScoringProfile profile, SpeedProfile speeds) {
        return build(data, profile, speeds, LayerSource.NONE);
    }

    /**
     * An engine whose profile's layer indicators read their context layers from {@code layers}: each layer once,
     * now, so a run costs one read of each layer it names.
     */
    public static ScoringEngine build(ScoringData data, ScoringProfile profile, SpeedProfile speeds,
            LayerSource layers) {
        return new ScoringEngine(data, profile, speeds, new LayerIndicators(profile.layerIndicators(), layers));
    }

    public ScoringProfile profile() {
        return profile;
    }

    public ScoringData data() {
        return data;
    }

    public double buildSeconds() {
        return buildSeconds;
    }

    /** The extent of all layers together; empty when the store is. */
    public Envelope extent() {
        return new Envelope(extent);
    }

    /** Every cluster's score under these weights, in the order of {@link ScoringData#clusters()}. */
    public List<ClusterScore> scoreClusters(Weights weights) {
        clusterPotentials();
        return data.clusters().parallelStream().map(c -> scoreCluster(c, weights)).toList();
    }

    public ClusterScore scoreCluster(StoredFeature stored, Weights weights) {
        if (leaves(stored.layerId())) {
            return base.scoreCluster(stored, weights); // the same cluster, indicators and flags
        }
        Cluster c = (Cluster) stored.feature();
        Map<Indicator, IndicatorResult> indicators = clusterIndicators.computeIfAbsent(stored.layerId(),
                k -> calculator.measure(c.footprint(), clusterPotentials().get(k), stored,
                        partsToMeasure.getOrDefault(k, Measures.ALL), kept.getOrDefault(k, Map.of())));
        List<QualityFlag> flags = clusterFlags.computeIfAbsent(stored.layerId(), k -> dataFlags(c.footprint()));
        List<LayerResult> layers = clusterLayerResults.computeIfAbsent(stored.layerId(),
                k -> layerIndicators.compute(c.footprint()));
        return aggregate(stored.layerId(), c.name(), c.size(), indicators, layers, c.typology(), c.marketsServed(),
                weights, flags);
    }

    /**
     * Market potentials of every cluster, searched from the markets when there are fewer of them than clusters (the
     * same sums, fewer searches); empty when searching from each cluster is cheaper.
     */
    private synchronized Map<String, double[]> clusterPotentials() {
        if (clusterPotentials == null) {
            clusterPotentials = new java.util.HashMap<>();
            // those whose potential is to be measured (on a derived engine, of the clusters the changes affect)
            List<StoredFeature> clusters = data.clusters().stream().filter(c -> !leaves(c.layerId())
                    && !clusterIndicators.containsKey(c.layerId())
                    && Measures.POTENTIAL.in(partsToMeasure.getOrDefault(c.layerId(), Measures.ALL))).toList();
            // the way is chosen for all the clusters, as a build scoring them all would: the sums are the same
            // either way but for the order they are added in
            if (!clusters.isEmpty() && network.hasNetwork()
                    && network.potentialsFromMarketsPay(data.clusters().size())) {
                org.clustergrid.network.Snap[] snaps = new org.clustergrid.network.Snap[clusters.size()];
                java.util.stream.IntStream.range(0, snaps.length).parallel().forEach(i -> snaps[i] =
                        network.snap(Features.representative(clusters.get(i).feature().geometry())));
                MarketPotentials p = MarketPotentials.of(network, snaps);
                for (int i = 0; i < snaps.length; i++) {
                    if (snaps[i] != null) {
                        clusterPotentials.put(clusters.get(i).layerId(), new double[] {p.potential()[i], p.markets()[i]});
                    }
                }
            }
        }
        return clusterPotentials;
    }

    /** The road graph travel times run on; null when the data hold no road. */
    public org.clustergrid.network.RoadGraph roadGraph() {
        return network.hasNetwork() ? network.graph : null;
    }

    /** Where a place joins the road network, as its travel times are measured from it; null when it does not. */
    public Snap snap(Geometry place) {
        return network.hasNetwork() ? network.snap(Features.representative(place)) : null;
    }

    /** Whether travel times to regional markets exist: a road network and a market of the profile's regional tier. */
    public boolean hasRegionalMarkets() {
        return network.hasNetwork() && network.hasMarkets(MarketTier.REGIONAL);
    }

    /**
     * When, and from which regional market, a point is reached over the roads: the market indicator's own lookup
     * (the point snapped, then read off the tier's one multi-source search done at build). Unreachable — no time —
     * when the road or market data do not cover the point (a walk to a town there would pass roads the store lacks),
     * when it lies too far from any road with no market within a walk, or on a network no regional market reaches.
     * Thread-safe.
     */
    public TravelTimes.Arrival regionalMarketArrival(Point p) {
        if (availability.check(Indicator.MARKET_REGIONAL_TIME, p.getCoordinate()) != null) {
            return new TravelTimes.Arrival(Double.POSITIVE_INFINITY, -1);
        }
        TravelTimes.Arrival a = network.arrival(MarketTier.REGIONAL, network.snap(p));
        return a == null ? new TravelTimes.Arrival(Double.POSITIVE_INFINITY, -1) : a;
    }

    /** The regional market of an arrival's {@code source}. */
    public StoredFeature regionalMarket(int source) {
        return network.market(MarketTier.REGIONAL, source);
    }

    /** Scores any point or polygon, as a cluster of the given typology, markets and size would be. */
    public ClusterScore scoreGeometry(String id, Geometry footprint, Typology typology, Set<MarketScope> markets,
            Integer size, Weights weights) {
        return aggregate(id, null, size, calculator.compute(footprint), layerIndicators.compute(footprint), typology,
                markets, weights, dataFlags(footprint));
    }

    /** Flags about the data around a footprint that its indicators alone do not show. */
    private List<QualityFlag> dataFlags(Geometry footprint) {
        Point at = Features.representative(footprint);
        if (availability.check(Indicator.ROAD_DENSITY, at.getCoordinate()) != null) {
            return List.of(); // no road data here to doubt
        }
        List<QualityFlag> flags = new java.util.ArrayList<>();
        org.clustergrid.network.Snap snap = network.snap(at);
        if (snap != null && snap.onNetwork() && snap.onFragment()) {
            double length = snap.componentMetres();
            flags.add(new QualityFlag("nearest_road_fragment", String.format(java.util.Locale.ROOT,
                    "The nearest road, %.0f m away, is a piece of %s of road not joined to the main network",
                    snap.offRoadMetres(), length < 1000 ? Math.round(length) + " m"
                            : String.format(java.util.Locale.ROOT, "%.1f km", length / 1000)),
                    "Travel times also start from the nearest road of the larger network, so the fragment does not"
                            + " strand the cluster; road distances still count the fragment"));
        }
        roadDataCheck.check(at).ifPresent(flags::add);
        return flags;
    }

    /** Where each layer has data. */
    public LayerCoverage coverage() {
        return coverage;
    }

    private ClusterScore aggregate(String id, String name, Integer size, Map<Indicator, IndicatorResult> indicators,
            List<LayerResult> layers, Typology typology, Set<MarketScope> markets, Weights weights,
            List<QualityFlag> extraFlags) {
        Map<Dimension, Double> dims = Aggregation.dimensionScores(indicators, layers, profile);
        Map<Dimension, Double> completeness = Aggregation.completeness(indicators, layers, profile);
        double known = Aggregation.overallCompleteness(completeness, dims, weights);
        boolean enough = known >= profile.completeness().minComposite() && !dims.isEmpty();
        Double composite = enough ? Aggregation.weightedMean(dims, weights) : null;
        Map<Dimension, Double> targets = profile.targets().targetFor(typology, markets);
        Map<Dimension, Double> gaps = enough ? Aggregation.gaps(dims, targets) : Map.of();
        Double gap = enough ? Aggregation.weightedMean(gaps, weights) : null;
        List<QualityFlag> flags = new java.util.ArrayList<>(QualityFlags.of(indicators));
        flags.addAll(extraFlags);
        return new ClusterScore(id, name, size, indicators, dims, composite, targets, gaps, gap,
                Aggregation.priority(gap, size), completeness, known, flags, layers);
    }
}
