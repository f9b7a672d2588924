package org.clustergrid.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Point;

/**
 * Travel times from a set of sources (e.g. all markets of a tier) to every node, with the nearest source per node
 * as evidence: one multi-source Dijkstra, O((n + m) log n). A source reaches the network at the off-road speed,
 * then runs along its edge to both end nodes. Unreachable nodes (another component) are +∞. Nodes are the graph's
 * junctions and road ends (see {@link RoadGraph}); any other place is reached through {@link #secondsTo(Point)}.
 */
public final class TravelTimes {
    private final RoadGraph graph;
    private final double[] seconds;
    private final int[] nearest;
    private final Snap[] sourceSnaps;
    private final int[] sourceEdgeOrder;

    private TravelTimes(RoadGraph graph, double[] seconds, int[] nearest, Snap[] sourceSnaps) {
        this.graph = graph;
        this.seconds = seconds;
        this.nearest = nearest;
        this.sourceSnaps = sourceSnaps;
        // sources sorted by edge, so a target on a source's own edge can take the direct way along it
        this.sourceEdgeOrder = IntStream.range(0, sourceSnaps.length)
                .filter(i -> sourceSnaps[i] != null).boxed()
                .sorted((a, b) -> Integer.compare(sourceSnaps[a].edge(), sourceSnaps[b].edge()))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Times from the nearest of {@code sources} (points, snapped to the network) to every node. A source is
     * identified by its index in the list.
     */
    public static TravelTimes fromSources(RoadGraph graph, List<? extends Point> sources) {
        Snap[] snaps = new Snap[sources.size()];
        for (int i = 0; i < snaps.length; i++) {
            snaps[i] = graph.snap(Objects.requireNonNull(sources.get(i), "source"));
        }
        return fromSnaps(graph, snaps);
    }

    /**
     * As {@link #fromSources}, for sources already snapped (a null snap is a source off the network); source i is
     * {@code snaps[i]}.
     */
    public static TravelTimes fromSnaps(RoadGraph graph, Snap[] snaps) {
        Dijkstra d = new Dijkstra(graph);
        for (int i = 0; i < snaps.length; i++) {
            Snap s = snaps[i];
            if (s != null) {
                d.seed(graph.edgeSource(s.edge()), graph.secondsToSource(s), i);
                d.seed(graph.edgeTarget(s.edge()), graph.secondsToTarget(s), i);
            }
        }
        d.run(Double.POSITIVE_INFINITY);
        return new TravelTimes(graph, d.secondsArray(), d.ownerArray(), snaps.clone());
    }

    /** Times from the nearest of some nodes (at time 0) to every node; source i is {@code sourceNodes[i]}. */
    public static TravelTimes fromNodes(RoadGraph graph, int[] sourceNodes) {
        Dijkstra d = new Dijkstra(graph);
        for (int i = 0; i < sourceNodes.length; i++) {
            d.seed(sourceNodes[i], 0, i);
        }
        d.run(Double.POSITIVE_INFINITY);
        return new TravelTimes(graph, d.secondsArray(), d.ownerArray(), new Snap[0]);
    }

    public RoadGraph graph() {
        return graph;
    }

    /** Seconds from the nearest source to a node; +∞ when no source reaches it. */
    public double seconds(int node) {
        return seconds[node];
    }

    /** Index of the source nearest to a node, -1 when none reaches it. */
    public int nearestSource(int node) {
        return nearest[node];
    }

    /** A copy of all node times. */
    public double[] nodeSeconds() {
        return Arrays.copyOf(seconds, seconds.length);
    }

    /** Seconds from the nearest source to any point (e.g. a cluster); +∞ when unreachable or the graph is empty. */
    public double secondsTo(Point p) {
        return arrivalAt(graph.snap(p)).seconds();
    }

    /** Time and nearest source at a snapped point: its off-road leg and partial edge from the better end node. */
    public Arrival arrivalAt(Snap target) {
        if (target == null) {
            return Arrival.UNREACHABLE;
        }
        int e = target.edge();
        int u = graph.edgeSource(e), v = graph.edgeTarget(e);
        double viaU = seconds[u] + graph.secondsToSource(target);
        double viaV = seconds[v] + graph.secondsToTarget(target);
        double best = Math.min(viaU, viaV);
        int source = best == Double.POSITIVE_INFINITY ? -1 : viaU <= viaV ? nearest[u] : nearest[v];
        for (int k = firstSourceOn(e); k < sourceEdgeOrder.length && sourceSnaps[sourceEdgeOrder[k]].edge() == e; k++) {
            int i = sourceEdgeOrder[k];
            Snap s = sourceSnaps[i];
            double direct = s.offRoadSeconds() + Math.abs(s.fraction() - target.fraction()) * graph.edgeSeconds(e)
                    + target.offRoadSeconds();
            if (direct < best) {
                best = direct;
                source = i;
            }
        }
        return new Arrival(best, source);
    }

    private int firstSourceOn(int edge) {
        int lo = 0, hi = sourceEdgeOrder.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sourceSnaps[sourceEdgeOrder[mid]].edge() < edge) {
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
     * @param seconds travel time from the nearest source, +∞ when unreachable
     * @param source index of that source, -1 when unreachable
     */
    public record Arrival(double seconds, int source) {
        static final Arrival UNREACHABLE = new Arrival(Double.POSITIVE_INFINITY, -1);

        public boolean reachable() {
            return source >= 0;
        }
    }
}
