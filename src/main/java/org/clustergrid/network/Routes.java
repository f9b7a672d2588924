package org.clustergrid.network;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quickest routes over a road graph, as the edges they run along: from a point to the nearest of some nodes (where
 * the all-season network begins, say) or to another point. The search is the one travel times come from (the same
 * snapping, the same one-way arcs), keeping each node's arc in so the path can be followed back. Over the roads
 * only: the direct off-road leg a travel time may take is no route to build on. Not thread-safe: one per thread.
 */
public final class Routes {
    /**
     * A route: its time, and the edges it runs along from its start, including the edges its ends were snapped onto
     * (the route runs part of their way).
     */
    public record Route(double seconds, int[] edges) {}

    private final RoadGraph graph;
    private final Dijkstra dijkstra;
    /** The edge each seed node was entered from, the origin's own. */
    private final Map<Integer, Integer> seedEdge = new HashMap<>();
    private final Map<Integer, Double> seedSeconds = new HashMap<>();

    public Routes(RoadGraph graph) {
        this.graph = graph;
        this.dijkstra = new Dijkstra(graph, RoadGraph.Direction.OUTWARD, true);
    }

    /** The quickest route from {@code from} to the nearest of {@code goals} within {@code cutoff} seconds. */
    public Optional<Route> toNearest(Snap from, BitSet goals, double cutoff) {
        if (!seed(from, cutoff)) {
            return Optional.empty();
        }
        int goal = dijkstra.runUntil(cutoff, goals);
        return goal < 0 ? Optional.empty() : Optional.of(new Route(dijkstra.seconds(goal), pathTo(goal, -1)));
    }

    /** The quickest route from {@code from} to {@code to} over the roads within {@code cutoff} seconds. */
    public Optional<Route> to(Snap from, Snap to, double cutoff) {
        if (to == null || !seed(from, cutoff)) {
            return Optional.empty();
        }
        dijkstra.run(cutoff);
        double best = Double.POSITIVE_INFINITY;
        int endNode = -1;
        int endEdge = -1;
        for (Snap s : to.entries()) {
            int e = s.edge();
            double viaSource = dijkstra.seconds(graph.edgeSource(e)) + graph.secondsFromSource(s);
            double viaTarget = dijkstra.seconds(graph.edgeTarget(e)) + graph.secondsFromTarget(s);
            if (viaSource < best) {
                best = viaSource;
                endNode = graph.edgeSource(e);
                endEdge = e;
            }
            if (viaTarget < best) {
                best = viaTarget;
                endNode = graph.edgeTarget(e);
                endEdge = e;
            }
            for (Snap o : from.entries()) {
                double along = graph.secondsAlong(o, s);
                if (along < best) {
                    best = along;
                    endNode = -1;
                    endEdge = e;
                }
            }
        }
        if (!(best <= cutoff)) {
            return Optional.empty();
        }
        return Optional.of(new Route(best, endNode < 0 ? new int[] {endEdge} : pathTo(endNode, endEdge)));
    }

    private boolean seed(Snap from, double cutoff) {
        dijkstra.reset();
        seedEdge.clear();
        seedSeconds.clear();
        if (from == null) {
            return false;
        }
        for (Snap s : from.entries()) {
            seed(graph.edgeSource(s.edge()), graph.secondsToSource(s), s.edge(), cutoff);
            seed(graph.edgeTarget(s.edge()), graph.secondsToTarget(s), s.edge(), cutoff);
        }
        return !seedEdge.isEmpty();
    }

    private void seed(int node, double t, int edge, double cutoff) {
        if (t <= cutoff && t < seedSeconds.getOrDefault(node, Double.POSITIVE_INFINITY)) {
            seedSeconds.put(node, t);
            seedEdge.put(node, edge);
            dijkstra.seed(node, t, 0);
        }
    }

    /** The edges from the origin to {@code node}, then {@code last} when it is an edge not already at the end. */
    private int[] pathTo(int node, int last) {
        List<Integer> back = new ArrayList<>();
        if (last >= 0) {
            back.add(last);
        }
        int n = node;
        for (int e = dijkstra.edgeIn(n); e >= 0; e = dijkstra.edgeIn(n)) {
            add(back, e);
            n = graph.edgeSource(e) == n ? graph.edgeTarget(e) : graph.edgeSource(e);
        }
        Integer first = seedEdge.get(n);
        if (first != null) {
            add(back, first);
        }
        Collections.reverse(back);
        return back.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(List<Integer> edges, int e) {
        if (edges.isEmpty() || edges.get(edges.size() - 1) != e) {
            edges.add(e);
        }
    }
}
