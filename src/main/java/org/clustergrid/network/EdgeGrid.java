package org.clustergrid.network;

import java.util.Arrays;

/**
 * A uniform grid of 0.01° cells over the edges, for snapping. Cells are kept as a sorted key array (binary search)
 * rather than a dense matrix, so a continent-wide extent costs memory only where roads are. An edge is listed in
 * every cell its bounding box overlaps; road segments are short, so nearly all sit in one or two cells.
 */
final class EdgeGrid {
    static final double CELL = 0.01;
    private static final int LON_OFFSET = 18_001;
    private static final int LAT_CELLS = 18_003;

    private final int[] cellKeys;
    private final int[] cellStart;
    private final int[] cellEdges;
    private final int minCx;
    private final int maxCx;
    private final int minCy;
    private final int maxCy;

    EdgeGrid(int edgeCount, int[] edgeU, int[] edgeV, double[] lons, double[] lats) {
        long[] entries = new long[Math.max(16, edgeCount + edgeCount / 4)];
        int n = 0;
        int loX = Integer.MAX_VALUE, hiX = Integer.MIN_VALUE, loY = Integer.MAX_VALUE, hiY = Integer.MIN_VALUE;
        for (int e = 0; e < edgeCount; e++) {
            int u = edgeU[e], v = edgeV[e];
            int x0 = cx(Math.min(lons[u], lons[v])), x1 = cx(Math.max(lons[u], lons[v]));
            int y0 = cy(Math.min(lats[u], lats[v])), y1 = cy(Math.max(lats[u], lats[v]));
            loX = Math.min(loX, x0);
            hiX = Math.max(hiX, x1);
            loY = Math.min(loY, y0);
            hiY = Math.max(hiY, y1);
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    if (n == entries.length) {
                        entries = Arrays.copyOf(entries, n * 2);
                    }
                    entries[n++] = ((long) key(x, y) << 32) | e;
                }
            }
        }
        Arrays.sort(entries, 0, n);
        int[] keys = new int[Math.max(1, n)];
        int[] starts = new int[Math.max(1, n) + 1];
        cellEdges = new int[n];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            int k = (int) (entries[i] >>> 32);
            if (cells == 0 || keys[cells - 1] != k) {
                keys[cells] = k;
                starts[cells] = i;
                cells++;
            }
            cellEdges[i] = (int) entries[i];
        }
        starts[cells] = n;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStart = Arrays.copyOf(starts, cells + 1);
        minCx = loX;
        maxCx = hiX;
        minCy = loY;
        maxCy = hiY;
    }

    static int cx(double lon) {
        return (int) Math.floor(lon / CELL);
    }

    static int cy(double lat) {
        return (int) Math.floor(lat / CELL);
    }

    private static int key(int x, int y) {
        return (x + LON_OFFSET) * LAT_CELLS + (y + 9_001);
    }

    boolean isEmpty() {
        return cellKeys.length == 0;
    }

    /** Visitor of the edges in one cell; an edge spanning cells may be visited more than once. */
    interface EdgeVisitor {
        void visit(int edge);
    }

    /** Visits the edges of the cells at Chebyshev distance {@code ring} from cell (x, y). */
    void visitRing(int x, int y, int ring, EdgeVisitor visitor) {
        if (ring == 0) {
            visitCell(x, y, visitor);
            return;
        }
        for (int dx = -ring; dx <= ring; dx++) {
            visitCell(x + dx, y - ring, visitor);
            visitCell(x + dx, y + ring, visitor);
        }
        for (int dy = -ring + 1; dy <= ring - 1; dy++) {
            visitCell(x - ring, y + dy, visitor);
            visitCell(x + ring, y + dy, visitor);
        }
    }

    /** The largest ring around (x, y) that can still hold an edge. */
    int lastRing(int x, int y) {
        return Math.max(Math.max(Math.abs(x - minCx), Math.abs(x - maxCx)),
                Math.max(Math.abs(y - minCy), Math.abs(y - maxCy)));
    }

    private void visitCell(int x, int y, EdgeVisitor visitor) {
        if (x < minCx || x > maxCx || y < minCy || y > maxCy) {
            return;
        }
        int i = Arrays.binarySearch(cellKeys, key(x, y));
        if (i >= 0) {
            for (int j = cellStart[i]; j < cellStart[i + 1]; j++) {
                visitor.visit(cellEdges[j]);
            }
        }
    }
}
