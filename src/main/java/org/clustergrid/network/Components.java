package org.clustergrid.network;

/**
 * The connected components of a {@link RoadGraph}, ignoring one-way restrictions (roads that touch are one network,
 * whichever way they may be driven), with the total road length of each.
 *
 * <p>A component is a <em>fragment</em> when it has less than {@value #FRAGMENT_METRES} m of road and is not the
 * largest component: an isolated way or a handful of ways that do not join the roads around them (a mapping gap, a
 * gated compound, a track drawn a few metres short of the road it meets). A point whose nearest road is on a fragment
 * also joins the nearest non-fragment component (see {@link Snap#network()}), so a town 35 m from the main network
 * is not stranded by a stub of road beside it. Real separate networks (an island, another region of the same store)
 * are far longer than this and keep their own points.
 */
public final class Components {
    /** Below this much road a component that is not the largest is a fragment: a few hundred metres of streets. */
    public static final double FRAGMENT_METRES = 10_000;

    private final int[] nodeComponent;
    private final double[] metres;
    private final int largest;

    Components(int nodeCount, int[] edgeU, int[] edgeV, double[] edgeMetres) {
        int[] parent = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < edgeU.length; e++) {
            int a = root(parent, edgeU[e]), b = root(parent, edgeV[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        nodeComponent = new int[nodeCount];
        int[] rootComponent = new int[nodeCount];
        int count = 0;
        for (int n = 0; n < nodeCount; n++) {
            int r = root(parent, n);
            if (r == n) {
                rootComponent[n] = count++;
            }
            nodeComponent[n] = rootComponent[r]; // a root is never after its members (the smaller id wins)
        }
        metres = new double[count];
        for (int e = 0; e < edgeU.length; e++) {
            metres[nodeComponent[edgeU[e]]] += edgeMetres[e];
        }
        int big = -1;
        for (int c = 0; c < count; c++) {
            if (big < 0 || metres[c] > metres[big]) {
                big = c;
            }
        }
        largest = big;
    }

    private static int root(int[] parent, int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    /** Number of components. */
    public int count() {
        return metres.length;
    }

    /** The component of a node. */
    public int of(int node) {
        return nodeComponent[node];
    }

    /** Total road length of a component. */
    public double metres(int component) {
        return metres[component];
    }

    /** The component with the most road. */
    public int largest() {
        return largest;
    }

    /** Whether a component is a fragment: under {@value #FRAGMENT_METRES} m of road and not the largest. */
    public boolean isFragment(int component) {
        return component != largest && metres[component] < FRAGMENT_METRES;
    }
}
