package org.clustergrid.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * Travel times from every place to the nearest of a set of sources (e.g. all markets of a tier), with that source as
 * evidence: one multi-source Dijkstra on the reversed arcs, O((n + m) log n), so that one-way roads count in the
 * direction goods travel, from the place to the source. A source is reached from the network at the off-road speed,
 * after running along its edge from either end node the edge may be driven from. Unreachable nodes are +∞. Nodes are
 * the graph's junctions and road ends (see {@link RoadGraph}); any other place is reached through {@link
 * #arrivalAt(Snap)}, which also takes the direct off-road leg to a source when walking straight there is quicker
 * than through the network (within the graph's off-road limit).
 */
public final class TravelTimes {
    private final RoadGraph graph;
    private final double[] seconds;
    private final int[] nearest;
    /** Where the sources enter the graph (a source on a fragment enters twice), sorted by edge. */
    private final Snap[] entries;
    private final int[] entrySource;
    private final NearbyPoints sourcePoints;

    /** The sources as given, to tell when another search has the same ones. */
    private final Snap[] sources;

    /** Times on another graph from the very same sources: their entries and points are {@code same}'s. */
    private TravelTimes(RoadGraph graph, double[] seconds, int[] nearest, TravelTimes same) {
        this.graph = graph;
        this.seconds = seconds;
        this.nearest = nearest;
        this.sources = same.sources;
        this.entries = same.entries;
        this.entrySource = same.entrySource;
        this.sourcePoints = same.sourcePoints;
    }

    private TravelTimes(RoadGraph graph, double[] seconds, int[] nearest, Snap[] sourceSnaps) {
        this.graph = graph;
        this.seconds = seconds;
        this.nearest = nearest;
        this.sources = sourceSnaps;
        List<long[]> byEdge = new ArrayList<>();
        List<Snap> all = new ArrayList<>();
        double[] lons = new double[sourceSnaps.length];
        double[] lats = new double[sourceSnaps.length];
        Arrays.fill(lons, Double.NaN);
        Arrays.fill(lats, Double.NaN);
        for (int i = 0; i < sourceSnaps.length; i++) {
            Snap s = sourceSnaps[i];
            if (s != null) {
                lons[i] = s.lon();
                lats[i] = s.lat();
                for (Snap e : s.entries()) {
                    byEdge.add(new long[] {e.edge(), i, all.size()});
                    all.add(e);
                }
            }
        }
        byEdge.sort((a, b) -> Long.compare(a[0], b[0]));
        entries = new Snap[byEdge.size()];
        entrySource = new int[byEdge.size()];
        for (int k = 0; k < entries.length; k++) {
            entries[k] = all.get((int) byEdge.get(k)[2]);
            entrySource[k] = (int) byEdge.get(k)[1];
        }
        sourcePoints = new NearbyPoints(lons, lats);
    }

    /**
     * Times to the nearest of {@code sources} (points, snapped to the network) from every node. A source is
     * identified by its index in the list.
     */
    public static TravelTimes fromSources(RoadGraph graph, List<? extends Point> sources) {
        Snap[] snaps = new Snap[sources.size()];
        for (int i = 0; i < snaps.length; i++) {
            Point p = Objects.requireNonNull(sources.get(i), "source");
            Snap s = graph.snap(p);
            snaps[i] = s != null ? s : Snap.offNetwork(p.getX(), p.getY());
        }
        return fromSnaps(graph, snaps);
    }

    /**
     * As {@link #fromSources}, for sources already snapped (null: a source of unknown position); source i is
     * {@code snaps[i]}.
     */
    public static TravelTimes fromSnaps(RoadGraph graph, Snap[] snaps) {
        return fromSnaps(graph, snaps, null);
    }

    /**
     * As {@link #fromSnaps(RoadGraph, Snap[])}; when {@code like} searched from the very same snaps (another graph's
     * times, e.g. roads upgraded), what depends on the sources alone is taken from it rather than made again.
     */
    public static TravelTimes fromSnaps(RoadGraph graph, Snap[] snaps, TravelTimes like) {
        Dijkstra d = new Dijkstra(graph, RoadGraph.Direction.INWARD);
        for (int i = 0; i < snaps.length; i++) {
            if (snaps[i] != null) {
                for (Snap s : snaps[i].entries()) {
                    d.seed(graph.edgeSource(s.edge()), graph.secondsFromSource(s), i);
                    d.seed(graph.edgeTarget(s.edge()), graph.secondsFromTarget(s), i);
                }
            }
        }
        d.run(Double.POSITIVE_INFINITY);
        // the sources' entries name edges: another graph's serve only when its edges are numbered as these
        return like != null && like.graph.sameShape(graph) && Arrays.equals(like.sources, snaps)
                ? new TravelTimes(graph, d.secondsArray(), d.ownerArray(), like)
                : new TravelTimes(graph, d.secondsArray(), d.ownerArray(), snaps.clone());
    }

    /** Times to the nearest of some nodes (at time 0) from every node; source i is {@code sourceNodes[i]}. */
    public static TravelTimes fromNodes(RoadGraph graph, int[] sourceNodes) {
        Dijkstra d = new Dijkstra(graph, RoadGraph.Direction.INWARD);
        for (int i = 0; i < sourceNodes.length; i++) {
            d.seed(sourceNodes[i], 0, i);
        }
        d.run(Double.POSITIVE_INFINITY);
        return new TravelTimes(graph, d.secondsArray(), d.ownerArray(), new Snap[0]);
    }

    public RoadGraph graph() {
        return graph;
    }

    /** Seconds from a node to the nearest source; +∞ when it reaches none. */
    public double seconds(int node) {
        return seconds[node];
    }

    /** Index of the source nearest to a node, -1 when it reaches none. */
    public int nearestSource(int node) {
        return nearest[node];
    }

    /**
     * The nodes whose time or nearest source differs from {@code other}'s, searched from the same sources over a graph
     * of the same nodes (e.g. with some edges re-timed): a place joining the network by an edge whose times are the
     * same and whose ends are not among them arrives as it did.
     */
    public java.util.BitSet nodesDiffering(TravelTimes other) {
        java.util.BitSet out = new java.util.BitSet(seconds.length);
        for (int n = 0; n < seconds.length; n++) {
            if (Double.compare(seconds[n], other.seconds[n]) != 0 || nearest[n] != other.nearest[n]) {
                out.set(n);
            }
        }
        return out;
    }

    /** A copy of all node times. */
    public double[] nodeSeconds() {
        return Arrays.copyOf(seconds, seconds.length);
    }

    /** Seconds from any point (e.g. a cluster) to the nearest source; +∞ when it reaches none. */
    public double secondsTo(Point p) {
        Snap s = graph.snap(p);
        return arrivalAt(s != null ? s : Snap.offNetwork(p.getX(), p.getY())).seconds();
    }

    /**
     * Time from a snapped point to the nearest source and which one: over the network from each of its entries
     * (off-road leg, partial edge to an end node it may drive to, then the node's time), along its own edge to a
     * source on the same edge, or straight across country when that is quicker.
     */
    public Arrival arrivalAt(Snap target) {
        if (target == null) {
            return Arrival.UNREACHABLE;
        }
        double best = Double.POSITIVE_INFINITY;
        int source = -1;
        for (Snap t : target.entries()) {
            int e = t.edge();
            int u = graph.edgeSource(e), v = graph.edgeTarget(e);
            double viaU = graph.secondsToSource(t) + seconds[u];
            double viaV = graph.secondsToTarget(t) + seconds[v];
            if (Math.min(viaU, viaV) < best) {
                best = Math.min(viaU, viaV);
                source = viaU <= viaV ? nearest[u] : nearest[v];
            }
            for (int k = firstEntryOn(e); k < entries.length && entries[k].edge() == e; k++) {
                double along = graph.secondsAlong(t, entries[k]);
                if (along < best) {
                    best = along;
                    source = entrySource[k];
                }
            }
        }
        double mps = graph.speeds().offRoadMetresPerSecond();
        double[] direct = {best, -1};
        sourcePoints.forEachWithin(target.lon(), target.lat(), Math.min(best * mps, graph.maxOffRoadMetres()),
                (i, metres) -> {
                    if (metres / mps < direct[0]) {
                        direct[0] = metres / mps;
                        direct[1] = i;
                    }
                });
        if (direct[1] >= 0) {
            return new Arrival(direct[0], (int) direct[1], true);
        }
        return best == Double.POSITIVE_INFINITY ? Arrival.UNREACHABLE : new Arrival(best, source, false);
    }

    private int firstEntryOn(int edge) {
        int lo = 0, hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].edge() < edge) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * When and from where a point is reached.
     *
     * @param seconds travel time to the nearest source, +∞ when unreachable
     * @param source index of that source, -1 when unreachable
     * @param onFoot whether the quickest way is the direct off-road leg, not the network
     */
    public record Arrival(double seconds, int source, boolean onFoot) {
        static final Arrival UNREACHABLE = new Arrival(Double.POSITIVE_INFINITY, -1, false);

        /** An arrival over the network (or none, with source -1). */
        public Arrival(double seconds, int source) {
            this(seconds, source, false);
        }

        public boolean reachable() {
            return source >= 0;
        }
    }
}
