package org.clustergrid.network;

import java.util.Arrays;

/**
 * A uniform grid over the road segments, for snapping. Cells are 0.0025° (about 250 m, so a city cell holds tens of
 * segments, not thousands), coarser only when the extent would need more than 2³⁰ cells. Cells are kept as a sorted
 * key array (binary search) rather than a dense matrix, so a wide extent costs memory only where roads are. A
 * segment is listed in every cell its bounding box overlaps; segments are short, so nearly all sit in one or two.
 */
final class EdgeGrid {
    private static final double FINEST_CELL = 0.0025;

    final double cell;
    private final double originLon;
    private final double originLat;
    private final int columns;
    private final int rows;
    private final int[] cellKeys;
    private final int[] cellStart;
    private final int[] cellSegments;

    EdgeGrid(int segmentCount, int[] segU, int[] segV, double[] lons, double[] lats) {
        double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < segmentCount; s++) {
            minLon = Math.min(minLon, Math.min(lons[segU[s]], lons[segV[s]]));
            maxLon = Math.max(maxLon, Math.max(lons[segU[s]], lons[segV[s]]));
            minLat = Math.min(minLat, Math.min(lats[segU[s]], lats[segV[s]]));
            maxLat = Math.max(maxLat, Math.max(lats[segU[s]], lats[segV[s]]));
        }
        if (segmentCount == 0) {
            minLon = minLat = maxLon = maxLat = 0;
        }
        double area = (maxLon - minLon + FINEST_CELL) * (maxLat - minLat + FINEST_CELL);
        cell = Math.max(FINEST_CELL, Math.sqrt(area / (1 << 30)) * 1.01);
        originLon = minLon;
        originLat = minLat;
        columns = (int) ((maxLon - minLon) / cell) + 1;
        rows = (int) ((maxLat - minLat) / cell) + 1;

        long[] entries = new long[Math.max(16, segmentCount + segmentCount / 2)];
        int n = 0;
        for (int s = 0; s < segmentCount; s++) {
            int u = segU[s], v = segV[s];
            int x0 = cx(Math.min(lons[u], lons[v])), x1 = cx(Math.max(lons[u], lons[v]));
            int y0 = cy(Math.min(lats[u], lats[v])), y1 = cy(Math.max(lats[u], lats[v]));
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    if (n == entries.length) {
                        entries = Arrays.copyOf(entries, n * 2);
                    }
                    entries[n++] = ((long) key(x, y) << 32) | s;
                }
            }
        }
        Arrays.sort(entries, 0, n);
        int[] keys = new int[Math.max(1, n)];
        int[] starts = new int[Math.max(1, n) + 1];
        cellSegments = new int[n];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            int k = (int) (entries[i] >>> 32);
            if (cells == 0 || keys[cells - 1] != k) {
                keys[cells] = k;
                starts[cells] = i;
                cells++;
            }
            cellSegments[i] = (int) entries[i];
        }
        starts[cells] = n;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStart = Arrays.copyOf(starts, cells + 1);
    }

    /** Column of a longitude (may lie outside the grid for query points). */
    int cx(double lon) {
        return (int) Math.floor((lon - originLon) / cell);
    }

    int cy(double lat) {
        return (int) Math.floor((lat - originLat) / cell);
    }

    /** Position of a longitude within its cell, 0 to 1. */
    double cellFractionX(double lon) {
        double c = (lon - originLon) / cell;
        return c - Math.floor(c);
    }

    double cellFractionY(double lat) {
        double c = (lat - originLat) / cell;
        return c - Math.floor(c);
    }

    private int key(int x, int y) {
        return x * rows + y;
    }

    boolean isEmpty() {
        return cellKeys.length == 0;
    }

    /** Visitor of the segments in one cell; a segment spanning cells may be visited more than once. */
    interface SegmentVisitor {
        void visit(int segment);
    }

    /** Visits the segments of the cells at Chebyshev distance {@code ring} from cell (x, y). */
    void visitRing(int x, int y, int ring, SegmentVisitor visitor) {
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

    /** The smallest ring around (x, y) that reaches the grid (0 inside it). */
    int ringsToExtent(int x, int y) {
        int dx = x < 0 ? -x : x >= columns ? x - columns + 1 : 0;
        int dy = y < 0 ? -y : y >= rows ? y - rows + 1 : 0;
        return Math.max(dx, dy);
    }

    /** The largest ring around (x, y) that can still hold a segment. */
    int lastRing(int x, int y) {
        return Math.max(Math.max(Math.abs(x), Math.abs(x - columns + 1)), Math.max(Math.abs(y), Math.abs(y - rows + 1)));
    }

    private void visitCell(int x, int y, SegmentVisitor visitor) {
        if (x < 0 || x >= columns || y < 0 || y >= rows) {
            return;
        }
        int i = Arrays.binarySearch(cellKeys, key(x, y));
        if (i >= 0) {
            for (int j = cellStart[i]; j < cellStart[i + 1]; j++) {
                visitor.visit(cellSegments[j]);
            }
        }
    }
}
