package org.clustergrid.scoring;

import java.util.BitSet;
import org.clustergrid.network.Snap;

/**
 * Which of a layer's snaps enter the network by each edge: so that the features an upgrade re-times are found from
 * the changed edges alone, not by looking at every finance point and market (hundreds of thousands) per scenario.
 */
final class SnapsByEdge {
    /** For edge {@code e}, the snaps' positions {@code items[start[e]] … items[start[e + 1] - 1]}. */
    private final int[] start;
    private final int[] items;

    SnapsByEdge(Snap[] snaps, int edges) {
        start = new int[edges + 1];
        for (Snap s : snaps) {
            for (Snap e : s == null ? new Snap[0] : s.entries()) {
                start[e.edge() + 1]++;
            }
        }
        for (int e = 0; e < edges; e++) {
            start[e + 1] += start[e];
        }
        items = new int[start[edges]];
        int[] next = java.util.Arrays.copyOf(start, edges);
        for (int i = 0; i < snaps.length; i++) {
            for (Snap e : snaps[i] == null ? new Snap[0] : snaps[i].entries()) {
                items[next[e.edge()]++] = i;
            }
        }
    }

    /** The positions of the snaps that enter by any of {@code edges}. */
    BitSet entering(BitSet edges) {
        BitSet out = new BitSet();
        for (int e = edges.nextSetBit(0); e >= 0; e = edges.nextSetBit(e + 1)) {
            for (int k = start[e]; k < start[e + 1]; k++) {
                out.set(items[k]);
            }
        }
        return out;
    }
}
