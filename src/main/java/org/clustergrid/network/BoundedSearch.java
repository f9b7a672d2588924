package org.clustergrid.network;

import org.locationtech.jts.geom.Point;

/**
 * One-to-many travel times up to a cutoff, for many origins in turn (e.g. each cluster's gravity market potential
 * Σ pop·exp(−λ·t) over the markets within a few hours). Arrays are allocated once per graph and only the nodes a
 * search touched are reset, so each search costs what it explores. Not thread-safe: one instance per thread.
 */
public final class BoundedSearch {
    private final RoadGraph graph;
    private final Dijkstra dijkstra;
    private Snap origin;
    private double cutoff;

    public BoundedSearch(RoadGraph graph) {
        this.graph = graph;
        this.dijkstra = new Dijkstra(graph);
    }

    /** Searches from a point; false (and nothing reached) when the graph is empty. */
    public boolean run(Point from, double cutoffSeconds) {
        return run(graph.snap(from), cutoffSeconds);
    }

    /** Searches from an already snapped point (snap once, search often); false when {@code from} is null. */
    public boolean run(Snap from, double cutoffSeconds) {
        dijkstra.reset();
        origin = from;
        cutoff = cutoffSeconds;
        if (from == null) {
            return false;
        }
        seed(graph.edgeSource(from.edge()), graph.secondsToSource(from));
        seed(graph.edgeTarget(from.edge()), graph.secondsToTarget(from));
        dijkstra.run(cutoffSeconds);
        return true;
    }

    private void seed(int node, double t) {
        if (t <= cutoff) {
            dijkstra.seed(node, t, 0);
        }
    }

    /** Seconds to a node, +∞ when beyond the cutoff or unreachable. */
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
     * Seconds from the last origin to a snapped point (e.g. a market): via either end node of its edge, or directly
     * along the edge both share; +∞ when beyond the cutoff.
     */
    public double secondsTo(Snap target) {
        if (origin == null || target == null) {
            return Double.POSITIVE_INFINITY;
        }
        int e = target.edge();
        double t = Math.min(dijkstra.seconds(graph.edgeSource(e)) + graph.secondsToSource(target),
                dijkstra.seconds(graph.edgeTarget(e)) + graph.secondsToTarget(target));
        if (origin.edge() == e) {
            t = Math.min(t, origin.offRoadSeconds() + Math.abs(origin.fraction() - target.fraction())
                    * graph.edgeSeconds(e) + target.offRoadSeconds());
        }
        return t <= cutoff ? t : Double.POSITIVE_INFINITY;
    }
}
