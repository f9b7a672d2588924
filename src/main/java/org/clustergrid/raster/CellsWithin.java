package org.clustergrid.raster;

import java.util.Locale;
import net.sf.geographiclib.GeodesicData;
import org.clustergrid.geo.Geodesic;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;

/**
 * The full-resolution cells of a grid whose centres lie within a geodesic distance of a longitude/latitude point,
 * summed. The cells the circle may reach are found by tracing its outline into the grid; only those are read, at
 * full resolution, and each centre is tested by its WGS84 geodesic distance (Karney, as PostGIS geography measures),
 * so the answer does not depend on the grid's projection. Cell positions within the circle beyond the grid's edge are
 * counted apart, as are cells without data: neither is summed.
 */
public final class CellsWithin {
    /** Directions the circle's outline is traced in. */
    private static final int OUTLINE = 360;

    private CellsWithin() {}

    /**
     * @param sum the sum of the values of the cells with data
     * @param cells cells with data within the distance
     * @param noData cells of the grid within the distance without data
     * @param beyondEdge cell positions within the distance that lie beyond the grid's edge
     * @param read cells read (the window around the circle, clipped to the grid)
     */
    public record Sum(double sum, long cells, long noData, long beyondEdge, long read) {
        /** The mean of the cells with data; NaN when none has. */
        public double mean() {
            return cells == 0 ? Double.NaN : sum / cells;
        }
    }

    /**
     * The cells whose centres lie within {@code radiusM} metres of (lon, lat), inclusive.
     *
     * @throws RasterException when the window around the circle holds more than {@code maxCells} cells, or the grid
     *     cannot be read there
     */
    public static Sum sum(GeoTiffGrid grid, double lon, double lat, double radiusM, long maxCells) {
        try {
            return measure(grid, lon, lat, radiusM, maxCells);
        } catch (TransformException e) {
            throw new RasterException("cannot place the circle in the grid's CRS (" + grid.crsName() + "): "
                    + e.getMessage(), e);
        }
    }

    private static Sum measure(GeoTiffGrid grid, double lon, double lat, double radiusM, long maxCells)
            throws TransformException {
        MathTransform lonLatToNative = grid.lonLatToNative();
        MathTransform nativeToLonLat = lonLatToNative.inverse();
        MathTransform gridToNative = grid.gridToNative();
        int[] range = range(grid, lon, lat, radiusM);
        int minC = range[0];
        int minR = range[1];
        int maxC = range[2];
        int maxR = range[3];
        long window = (long) (maxC - minC) * (maxR - minR);
        if (window > maxCells) {
            throw new RasterException(String.format(Locale.ROOT, "a circle of %,.0f m needs a window of %,d × %,d"
                    + " cells (%,d), more than the %,d a place may read; use a coarser raster or a shorter radius",
                    radiusM, maxC - minC, maxR - minR, window, maxCells));
        }
        int c0 = Math.max(0, minC);
        int c1 = Math.min(grid.width(), maxC);
        int r0 = Math.max(0, minR);
        int r1 = Math.min(grid.height(), maxR);
        boolean reaches = c0 < c1 && r0 < r1;
        Window cells = reaches ? grid.readCells(c0, r0, c1 - c0, r1 - r0) : null;
        int n = maxC - minC;
        double[] xy = new double[2 * n];
        double[] lonLat = new double[2 * n];
        double sum = 0;
        long counted = 0;
        long noData = 0;
        long beyond = 0;
        for (int r = minR; r < maxR; r++) {
            for (int i = 0; i < n; i++) {
                xy[2 * i] = minC + i + 0.5;
                xy[2 * i + 1] = r + 0.5;
            }
            gridToNative.transform(xy, 0, xy, 0, n);
            nativeToLonLat.transform(xy, 0, lonLat, 0, n);
            boolean rowInGrid = reaches && r >= r0 && r < r1;
            double[] values = rowInGrid ? cells.valuesAtNative(xy, n) : null;
            for (int i = 0; i < n; i++) {
                if (!within(lon, lat, lonLat[2 * i], lonLat[2 * i + 1], radiusM)) {
                    continue;
                }
                int c = minC + i;
                if (!rowInGrid || c < c0 || c >= c1) {
                    beyond++;
                } else if (Double.isNaN(values[i])) {
                    noData++;
                } else {
                    sum += values[i];
                    counted++;
                }
            }
        }
        long read = reaches ? (long) (c1 - c0) * (r1 - r0) : 0;
        return new Sum(sum, counted, noData, beyond, read);
    }

    /**
     * The columns and rows (min inclusive, max exclusive; possibly beyond the grid) of the cells the circle may
     * reach: its outline traced into the grid, with a margin for the outline's chords and one cell.
     */
    private static int[] range(GeoTiffGrid grid, double lon, double lat, double radiusM) throws TransformException {
        double[] p = new double[2 * (OUTLINE + 1)];
        p[0] = lon;
        p[1] = lat;
        for (int i = 0; i < OUTLINE; i++) {
            GeodesicData d = net.sf.geographiclib.Geodesic.WGS84.Direct(lat, lon, 360.0 * i / OUTLINE, radiusM);
            p[2 * i + 2] = d.lon2;
            p[2 * i + 3] = d.lat2;
        }
        grid.lonLatToNative().transform(p, 0, p, 0, OUTLINE + 1);
        grid.gridToNative().inverse().transform(p, 0, p, 0, OUTLINE + 1);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= OUTLINE; i++) {
            minX = Math.min(minX, p[2 * i]);
            maxX = Math.max(maxX, p[2 * i]);
            minY = Math.min(minY, p[2 * i + 1]);
            maxY = Math.max(maxY, p[2 * i + 1]);
        }
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new RasterException("the circle cannot be placed in the grid's CRS (" + grid.crsName() + ")");
        }
        // a chord of the traced outline lies at most r (1 - cos(π / OUTLINE)) inside the circle
        double chord = (1 - Math.cos(Math.PI / OUTLINE)) * Math.max(maxX - minX, maxY - minY) / 2;
        int margin = 1 + (int) Math.ceil(chord);
        return new int[] {(int) Math.floor(minX) - margin, (int) Math.floor(minY) - margin,
            (int) Math.ceil(maxX) + margin, (int) Math.ceil(maxY) + margin};
    }

    /** Whether two points lie within {@code r} metres: the sphere's bounds first, the ellipsoid where they tie. */
    private static boolean within(double lon1, double lat1, double lon2, double lat2, double r) {
        double s = Geodesic.sphereDistance(lon1, lat1, lon2, lat2);
        if (s * Geodesic.SPHERE_TO_ELLIPSOID_MAX <= r) {
            return true;
        }
        if (s * Geodesic.SPHERE_TO_ELLIPSOID_MIN > r) {
            return false;
        }
        return Geodesic.distance(lon1, lat1, lon2, lat2) <= r;
    }
}
