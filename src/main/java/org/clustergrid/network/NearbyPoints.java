package org.clustergrid.network;

import java.util.Arrays;
import org.clustergrid.geo.Geodesic;

/**
 * Points on a uniform lon/lat grid, for the direct off-road legs: which points lie within a walk of a place. Cells
 * are {@value #CELL}° (about 2 km) in a sorted key array, so a wide extent costs memory only where points are; a
 * query looks up the cells of the radius' box and measures only the points in them.
 */
public final class NearbyPoints {
    private static final double CELL = 0.02;

    private final double[] lons;
    private final double[] lats;
    private final long[] cellKeys;
    private final int[] cellStart;
    private final int[] order;

    /** The points at (lons[i], lats[i]); NaN coordinates (no point) are left out. */
    public NearbyPoints(double[] lons, double[] lats) {
        this.lons = lons;
        this.lats = lats;
        int n = 0;
        long[] keyed = new long[lons.length];
        int[] index = new int[lons.length];
        for (int i = 0; i < lons.length; i++) {
            if (!Double.isNaN(lons[i]) && !Double.isNaN(lats[i])) {
                keyed[n] = key(cell(lons[i]), cell(lats[i]));
                index[n++] = i;
            }
        }
        // points by cell, in input order within a cell: the distinct cells sorted, then a counting sort into them
        long[] cells = Arrays.copyOf(keyed, n);
        Arrays.sort(cells);
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (count == 0 || cells[count - 1] != cells[k]) {
                cells[count++] = cells[k];
            }
        }
        int[] starts = new int[count + 1];
        int[] cellOf = new int[n];
        for (int k = 0; k < n; k++) {
            cellOf[k] = Arrays.binarySearch(cells, 0, count, keyed[k]);
            starts[cellOf[k] + 1]++;
        }
        for (int c = 0; c < count; c++) {
            starts[c + 1] += starts[c];
        }
        order = new int[n];
        int[] fill = Arrays.copyOf(starts, count);
        for (int k = 0; k < n; k++) {
            order[fill[cellOf[k]]++] = index[k];
        }
        cellKeys = Arrays.copyOf(cells, count);
        cellStart = Arrays.copyOf(starts, count + 1);
    }

    private static int cell(double degrees) {
        return (int) Math.floor(degrees / CELL);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) + (y + (1L << 31)); // ordered by x, then y, negative ones too
    }

    /** Receives a point within the radius and its geodesic distance. */
    public interface Visitor {
        void visit(int point, double metres);
    }

    /** Visits every point within {@code metres} (geodesic) of (lon, lat). */
    public void forEachWithin(double lon, double lat, double metres, Visitor visitor) {
        if (!(metres >= 0) || cellKeys.length == 0) {
            return;
        }
        double dLat = metres / 110_574.0 + 1e-9; // metres per degree of latitude at the equator, the fewest
        double maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
        double dLon = metres / Geodesic.metresPerDegreeLon(maxAbsLat) + 1e-9;
        int x0 = cell(lon - dLon), x1 = cell(lon + dLon), y0 = cell(lat - dLat), y1 = cell(lat + dLat);
        for (int x = x0; x <= x1; x++) {
            int c = Arrays.binarySearch(cellKeys, key(x, y0));
            if (c < 0) {
                c = -c - 1;
            }
            for (; c < cellKeys.length && cellKeys[c] <= key(x, y1); c++) {
                for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                    int i = order[k];
                    double d = Geodesic.fastDistance(lon, lat, lons[i], lats[i]);
                    if (d <= metres) {
                        visitor.visit(i, d);
                    }
                }
            }
        }
    }
}
