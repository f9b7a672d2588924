package org.clustergrid.network;

import java.util.Arrays;

/**
 * A uniform grid over the road segments, for snapping. Cells are 0.0025° (about 250 m, so a city cell holds tens of
 * segments, not thousands), coarser only when the extent would need more than 2³⁰ cells. Cells are kept as a sorted
 * key array (binary search) rather than a dense matrix, so a wide extent costs memory only where roads are. A
 * segment is listed in every cell its bounding box overlaps; segments are short, so nearly all sit in one or two.
 *
 * <p>A second level groups the occupied cells into coarse cells of {@value #COARSE}×{@value #COARSE} cells (about
 * 9 km), so that a search far from any road crosses empty country a coarse cell at a time instead of a cell at a
 * time, and enters only the cells that can still hold a nearer segment.
 */
final class EdgeGrid {
    private static final double FINEST_CELL = 0.0025;
    /** Cells per coarse cell side. */
    static final int COARSE = 32;

    final double cell;
    private final double originLon;
    private final double originLat;
    private final int columns;
    private final int rows;
    private final int[] cellKeys;
    private final int[] cellStart;
    private final int[] cellSegments;
    private final int coarseRows;
    private final int[] coarseKeys;
    private final int[] coarseStart;
    private final int[] coarseCells;
    /** Position in {@code coarseKeys} of each coarse cell, -1 when empty: at most 2²⁰ cells, looked up directly. */
    private final int[] coarseIndex;

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

        coarseRows = rows / COARSE + 1;
        long[] byCoarse = new long[cells];
        for (int i = 0; i < cells; i++) {
            int x = cellKeys[i] / rows, y = cellKeys[i] % rows;
            byCoarse[i] = ((long) coarseKey(x / COARSE, y / COARSE) << 32) | i;
        }
        Arrays.sort(byCoarse);
        int[] ck = new int[Math.max(1, cells)];
        int[] cs = new int[Math.max(1, cells) + 1];
        coarseCells = new int[cells];
        int coarse = 0;
        for (int i = 0; i < cells; i++) {
            int k = (int) (byCoarse[i] >>> 32);
            if (coarse == 0 || ck[coarse - 1] != k) {
                ck[coarse] = k;
                cs[coarse] = i;
                coarse++;
            }
            coarseCells[i] = (int) byCoarse[i];
        }
        cs[coarse] = cells;
        coarseKeys = Arrays.copyOf(ck, coarse);
        coarseStart = Arrays.copyOf(cs, coarse + 1);
        coarseIndex = new int[coarseColumns() * coarseRows];
        Arrays.fill(coarseIndex, -1);
        for (int c = 0; c < coarse; c++) {
            coarseIndex[coarseKeys[c]] = c;
        }
    }

    private int coarseKey(int cx, int cy) {
        return cx * coarseRows + cy;
    }

    /** Columns and rows of coarse cells. */
    int coarseColumns() {
        return columns / COARSE + 1;
    }

    int coarseRows() {
        return coarseRows;
    }

    /** Number of coarse cells holding a segment, and the column and row of the i-th. */
    int coarseCount() {
        return coarseKeys.length;
    }

    int coarseXAt(int i) {
        return coarseKeys[i] / coarseRows;
    }

    int coarseYAt(int i) {
        return coarseKeys[i] % coarseRows;
    }

    /** Coarse column of a longitude (may lie outside the grid for query points). */
    int coarseX(double lon) {
        return Math.floorDiv(cx(lon), COARSE);
    }

    int coarseY(double lat) {
        return Math.floorDiv(cy(lat), COARSE);
    }

    /** Coarse ring around (cx, cy) beyond which no coarse cell of the grid lies. */
    int lastCoarseRing(int cx, int cy) {
        int cols = coarseColumns();
        return Math.max(Math.max(Math.abs(cx), Math.abs(cx - cols + 1)),
                Math.max(Math.abs(cy), Math.abs(cy - coarseRows + 1)));
    }

    /**
     * Visits the segments of the coarse cells at Chebyshev distance {@code ring} from coarse cell (cx, cy), entering a
     * coarse cell, then each of its occupied cells, only when the visitor {@link SegmentVisitor#wants wants} its box;
     * the columns nearest the query point (lon, lat) first.
     */
    void visitCoarseRing(int cx, int cy, int ring, double lon, double lat, SegmentVisitor visitor) {
        if (ring == 0) {
            visitCoarse(cx, cy, lon, lat, visitor);
            return;
        }
        for (int dx = -ring; dx <= ring; dx++) {
            visitCoarse(cx + dx, cy - ring, lon, lat, visitor);
            visitCoarse(cx + dx, cy + ring, lon, lat, visitor);
        }
        for (int dy = -ring + 1; dy <= ring - 1; dy++) {
            visitCoarse(cx - ring, cy + dy, lon, lat, visitor);
            visitCoarse(cx + ring, cy + dy, lon, lat, visitor);
        }
    }

    private void visitCoarse(int cx, int cy, double lon, double lat, SegmentVisitor visitor) {
        if (cx < 0 || cx >= coarseColumns() || cy < 0 || cy >= coarseRows) {
            return;
        }
        double span = cell * COARSE;
        double minLon = originLon + cx * span, minLat = originLat + cy * span;
        visitor.probed();
        if (!visitor.wants(minLon, minLat, minLon + span, minLat + span)) {
            return;
        }
        int c = coarseIndex[coarseKey(cx, cy)];
        if (c < 0) {
            return;
        }
        // columns from the visitor's side, so a near segment is found early; in each column, the cells from the
        // visitor's row outward while their box is nearer than the best segment: the nearer cells form one run
        int first = coarseStart[c], last = coarseStart[c + 1]; // this coarse cell's cells, in key (column) order
        int x0 = cx * COARSE, y0 = cy * COARSE;
        boolean fromEast = lon > minLon + span / 2;
        int row = Math.max(y0, Math.min(y0 + COARSE - 1, cy(lat)));
        for (int step = 0; step < COARSE; step++) {
            int x = fromEast ? x0 + COARSE - 1 - step : x0 + step;
            double lon0 = originLon + x * cell;
            visitor.probed();
            if (!visitor.wants(lon0, -90, lon0 + cell, 90)) {
                if (fromEast ? lon0 < lon : lon0 > lon) {
                    break; // this column, and every one after it, lies farther than the best segment
                }
                continue;
            }
            int from = firstAtLeast(first, last, key(x, row));
            for (int j = from; j < last && cellKeys[coarseCells[j]] < key(x + 1, 0); j++) {
                if (!visitCell(coarseCells[j], visitor)) {
                    break;
                }
            }
            for (int j = from - 1; j >= first && cellKeys[coarseCells[j]] >= key(x, 0); j--) {
                if (!visitCell(coarseCells[j], visitor)) {
                    break;
                }
            }
        }
    }

    /** Visits the segments of cell {@code i} (an index into the cell arrays) if the visitor wants its box. */
    private boolean visitCell(int i, SegmentVisitor visitor) {
        int y = cellKeys[i] % rows;
        double lon0 = originLon + (cellKeys[i] / rows) * cell, lat0 = originLat + y * cell;
        visitor.probed();
        if (!visitor.wants(lon0, lat0, lon0 + cell, lat0 + cell)) {
            return false;
        }
        for (int k = cellStart[i]; k < cellStart[i + 1]; k++) {
            visitor.visit(cellSegments[k]);
        }
        return true;
    }

    /** The first position in [from, to) of the coarse cell list whose cell key is at least {@code key}. */
    private int firstAtLeast(int from, int to, int key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cellKeys[coarseCells[mid]] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** West and south edges of the grid, in degrees. */
    double originLon() {
        return originLon;
    }

    double originLat() {
        return originLat;
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

        /** Whether a cell of this lon/lat box can hold a segment the visitor still wants. */
        default boolean wants(double minLon, double minLat, double maxLon, double maxLat) {
            return true;
        }

        /** Called once for each cell looked up, to count the work a search does. */
        default void probed() {}
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
        visitor.probed();
        int i = Arrays.binarySearch(cellKeys, key(x, y));
        if (i >= 0) {
            for (int j = cellStart[i]; j < cellStart[i + 1]; j++) {
                visitor.visit(cellSegments[j]);
            }
        }
    }
}
