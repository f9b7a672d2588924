package org.clustergrid.network;

import java.util.stream.IntStream;

/**
 * Snaps many points at once, in parallel and in Z-order of their positions: points near each other on the ground are
 * snapped one after another, so the grid cells and segments they look up are still in the cache (the points usually
 * come in register order, scattered over the extent). Each point's snap is that of {@link RoadGraph#snap}.
 */
public final class BulkSnap {
    private BulkSnap() {}

    /** The snap of every point (lon/lat), {@link Snap#offNetwork off-network} where no road lies within reach. */
    public static Snap[] snapAll(RoadGraph graph, double[] lons, double[] lats) {
        int n = lons.length;
        int[] rank = MortonOrder.newIds(IntStream.range(0, n).toArray(), n, lons, lats);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[rank[i]] = i;
        }
        Snap[] snaps = new Snap[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            int i = order[k];
            Snap s = graph.snap(lons[i], lats[i]);
            snaps[i] = s != null ? s : Snap.offNetwork(lons[i], lats[i]);
        });
        return snaps;
    }
}
