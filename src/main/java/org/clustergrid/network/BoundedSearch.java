package org.clustergrid.network;

import org.clustergrid.geo.Geodesic;
import org.locationtech.jts.geom.Point;

/**
 * One-to-many travel times up to a cutoff, for many origins in turn (e.g. each cluster's gravity market potential
 * Σ pop·exp(−λ·t) over the markets within a few hours). {@link RoadGraph.Direction#OUTWARD OUTWARD} times run from
 * the origin to the places (a cluster's goods going out, a trip from the cluster to a bank);
 * {@link RoadGraph.Direction#INWARD INWARD} times from the places to the origin (the same trips, searched from their
 * end). Arrays are allocated once per graph and only the nodes a search touched are reset, so each search costs what
 * it explores. Not thread-safe: one instance per thread.
 */
public final class BoundedSearch {
    /** Fewest metres in a degree of latitude (at the equator). */
    private static final double LAT_METRES = 110_574;
    private final RoadGraph graph;
    private final RoadGraph.Direction direction;
    private final Dijkstra dijkstra;
    private Snap origin;
    private double cutoff;
    /** Fewest metres per degree of longitude within the off-road limit of the origin, for a cheap distance bound. */
    private double lonMetres;

    /** An outward search: times from the origin. */
    public BoundedSearch(RoadGraph graph) {
        this(graph, RoadGraph.Direction.OUTWARD);
    }

    public BoundedSearch(RoadGraph graph, RoadGraph.Direction direction) {
        this.graph = graph;
        this.direction = direction;
        this.dijkstra = new Dijkstra(graph, direction);
    }

    /** Searches from a point; false (and nothing reached) when no road lies within reach. */
    public boolean run(Point from, double cutoffSeconds) {
        return run(graph.snap(from), cutoffSeconds);
    }

    /**
     * Searches from an already snapped point (snap once, search often); false when {@code from} is null. An origin off
     * the network reaches no node, only what {@link #secondsTo} finds on foot.
     */
    public boolean run(Snap from, double cutoffSeconds) {
        dijkstra.reset();
        origin = from;
        cutoff = cutoffSeconds;
        if (from == null) {
            return false;
        }
        double reachLat = Math.min(89.9, Math.abs(from.lat()) + graph.maxOffRoadMetres() / LAT_METRES);
        lonMetres = Geodesic.metresPerDegreeLon(reachLat) * 0.999;
        boolean out = direction == RoadGraph.Direction.OUTWARD;
        for (Snap s : from.entries()) {
            seed(graph.edgeSource(s.edge()), out ? graph.secondsToSource(s) : graph.secondsFromSource(s));
            seed(graph.edgeTarget(s.edge()), out ? graph.secondsToTarget(s) : graph.secondsFromTarget(s));
        }
        dijkstra.run(cutoffSeconds);
        return true;
    }

    /**
     * The nodes from which some seed node is reached within {@code cutoff} seconds over the arcs as they run, each seed
     * with the seconds already on the clock there (searched towards the seeds, once for all of them).
     */
    public static java.util.BitSet nodesReaching(RoadGraph graph, int[] nodes, double[] seconds, double cutoff) {
        return touched(graph, RoadGraph.Direction.INWARD, nodes, seconds, cutoff);
    }

    /** The nodes some seed node reaches within {@code cutoff} seconds over the arcs as they run (one search). */
    public static java.util.BitSet nodesReachedFrom(RoadGraph graph, int[] nodes, double cutoff) {
        return touched(graph, RoadGraph.Direction.OUTWARD, nodes, new double[nodes.length], cutoff);
    }

    private static java.util.BitSet touched(RoadGraph graph, RoadGraph.Direction direction, int[] nodes,
            double[] seconds, double cutoff) {
        Dijkstra d = new Dijkstra(graph, direction);
        for (int i = 0; i < nodes.length; i++) {
            if (seconds[i] <= cutoff) {
                d.seed(nodes[i], seconds[i], 0);
            }
        }
        d.run(cutoff);
        java.util.BitSet out = new java.util.BitSet(graph.nodeCount());
        for (int i = 0; i < d.touchedCount(); i++) {
            out.set(d.touched(i));
        }
        return out;
    }

    private void seed(int node, double t) {
        if (t <= cutoff) {
            dijkstra.seed(node, t, 0);
        }
    }

    /** The origin of the last search. */
    public Snap origin() {
        return origin;
    }

    /** Seconds to a node (from it, inward), +∞ when beyond the cutoff or unreachable. */
    public double seconds(int node) {
        return dijkstra.seconds(node);
    }

    /** Number of nodes reached within the cutoff by the last search. */
    public int reachedCount() {
        return dijkstra.touchedCount();
    }

    /** The i-th node reached (in no particular order). */
    public int reachedNode(int i) {
        return dijkstra.touched(i);
    }

    /**
     * Seconds between the last origin and a snapped point (e.g. a market), in the search's direction: via either end
     * node of one of its edges, along an edge it shares with the origin, or straight across country (within the
     * off-road limit), whichever is quickest; +∞ when beyond the cutoff.
     */
    public double secondsTo(Snap target) {
        if (origin == null || target == null) {
            return Double.POSITIVE_INFINITY;
        }
        boolean out = direction == RoadGraph.Direction.OUTWARD;
        double t = Double.POSITIVE_INFINITY;
        for (Snap s : target.entries()) {
            int e = s.edge();
            double viaU = dijkstra.seconds(graph.edgeSource(e))
                    + (out ? graph.secondsFromSource(s) : graph.secondsToSource(s));
            double viaV = dijkstra.seconds(graph.edgeTarget(e))
                    + (out ? graph.secondsFromTarget(s) : graph.secondsToTarget(s));
            t = Math.min(t, Math.min(viaU, viaV));
            for (Snap o : origin.entries()) {
                t = Math.min(t, out ? graph.secondsAlong(o, s) : graph.secondsAlong(s, o));
            }
        }
        // the direct leg, measured only when a lower bound on its length leaves it a chance to be quicker
        double walk = Math.min(Math.min(t, cutoff) * graph.speeds().offRoadMetresPerSecond(), graph.maxOffRoadMetres());
        if (Math.abs(target.lat() - origin.lat()) * LAT_METRES <= walk
                && Math.abs(target.lon() - origin.lon()) * lonMetres <= walk) {
            t = Math.min(t, graph.directSeconds(origin.lon(), origin.lat(), target.lon(), target.lat()));
        }
        return t <= cutoff ? t : Double.POSITIVE_INFINITY;
    }
}
