package org.clustergrid.network;

import java.util.Arrays;

/**
 * Multi-source Dijkstra over a {@link RoadGraph}'s arcs, as they run or reversed, with arrays kept between runs: only
 * the nodes a run touched are reset before the next, so many small bounded searches on a large graph cost what they
 * explore, not the graph's size. Not thread-safe; one per thread.
 */
final class Dijkstra {
    private final int[] offsets;
    private final int[] targets;
    private final double[] arcSeconds;
    private final int[] arcEdges;
    /** The arc each node was last reached by (−1 at a seed); only when paths are kept. */
    private final int[] via;
    private final double[] seconds;
    private final int[] owner;
    private final IndexedHeap heap;
    private int[] touched = new int[1024];
    private int touchedCount;

    Dijkstra(RoadGraph graph, RoadGraph.Direction direction) {
        this(graph, direction, false);
    }

    /** With {@code paths}, each node's arc in is kept, so the path to it can be followed back ({@link #edgeIn}). */
    Dijkstra(RoadGraph graph, RoadGraph.Direction direction, boolean paths) {
        RoadGraph.Csr arcs = graph.arcs(direction);
        offsets = arcs.offsets();
        targets = arcs.targets();
        arcSeconds = arcs.seconds();
        arcEdges = arcs.edges();
        int n = graph.nodeCount();
        via = paths ? new int[n] : null;
        seconds = new double[n];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        owner = new int[n];
        Arrays.fill(owner, -1);
        heap = new IndexedHeap(n);
    }

    /** Forgets the previous run. */
    void reset() {
        heap.clear();
        for (int i = 0; i < touchedCount; i++) {
            seconds[touched[i]] = Double.POSITIVE_INFINITY;
            owner[touched[i]] = -1;
        }
        touchedCount = 0;
    }

    /** Starts the search at a node already {@code t} seconds away from source {@code source}. */
    void seed(int node, double t, int source) {
        relax(node, t, source, -1);
    }

    /** Settles every node within {@code cutoff} seconds (infinity for all); nodes beyond stay unreached. */
    void run(double cutoff) {
        runUntil(cutoff, null);
    }

    /**
     * Settles nodes in order of time, up to {@code cutoff}, until one in {@code goals} (null for none) is settled:
     * that node, or −1 when none lies within the cutoff. The nodes settled so far have their final times.
     */
    int runUntil(double cutoff, java.util.BitSet goals) {
        while (!heap.isEmpty()) {
            int u = heap.poll();
            if (goals != null && goals.get(u)) {
                return u;
            }
            double du = seconds[u];
            int src = owner[u];
            for (int a = offsets[u], end = offsets[u + 1]; a < end; a++) {
                double t = du + arcSeconds[a];
                if (t <= cutoff) {
                    relax(targets[a], t, src, a);
                }
            }
        }
        return -1;
    }

    /** The edge a node was reached along, −1 at a seed (only when paths are kept). */
    int edgeIn(int node) {
        return via[node] < 0 ? -1 : arcEdges[via[node]];
    }

    private void relax(int node, double t, int source, int arc) {
        if (t < seconds[node]) {
            if (seconds[node] == Double.POSITIVE_INFINITY) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = node;
            }
            seconds[node] = t;
            owner[node] = source;
            if (via != null) {
                via[node] = arc;
            }
            heap.offer(node, t);
        }
    }

    double seconds(int node) {
        return seconds[node];
    }

    int owner(int node) {
        return owner[node];
    }

    int touchedCount() {
        return touchedCount;
    }

    int touched(int i) {
        return touched[i];
    }

    /** The times array itself (for a one-off run whose engine is then dropped). */
    double[] secondsArray() {
        return seconds;
    }

    int[] ownerArray() {
        return owner;
    }
}
