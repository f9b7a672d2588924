package org.clustergrid.network;

import java.util.Arrays;

/**
 * New node ids in Z-order (Morton) of their coordinates over the data's extent, so that nodes near each other on the
 * ground sit near each other in the arrays a search walks: fewer cache misses on large graphs.
 */
final class MortonOrder {
    private MortonOrder() {}

    /** {@code newId[i]} of node i, whose vertex is {@code nodeVertex[i]}. */
    static int[] newIds(int[] nodeVertex, int n, double[] lons, double[] lats) {
        double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minLon = Math.min(minLon, lons[nodeVertex[i]]);
            maxLon = Math.max(maxLon, lons[nodeVertex[i]]);
            minLat = Math.min(minLat, lats[nodeVertex[i]]);
            maxLat = Math.max(maxLat, lats[nodeVertex[i]]);
        }
        double sx = 32767 / Math.max(maxLon - minLon, 1e-9), sy = 32767 / Math.max(maxLat - minLat, 1e-9);
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long x = spread((int) ((lons[nodeVertex[i]] - minLon) * sx));
            long y = spread((int) ((lats[nodeVertex[i]] - minLat) * sy));
            keyed[i] = ((x | (y << 1)) << 32) | i;
        }
        Arrays.sort(keyed);
        int[] newId = new int[n];
        for (int rank = 0; rank < n; rank++) {
            newId[(int) keyed[rank]] = rank;
        }
        return newId;
    }

    /** The low 15 bits of v moved to the even bit positions. */
    private static long spread(int v) {
        long x = v & 0x7FFFL;
        x = (x | (x << 8)) & 0x00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0FL;
        x = (x | (x << 2)) & 0x33333333L;
        return (x | (x << 1)) & 0x55555555L;
    }
}
