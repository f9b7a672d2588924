package org.clustergrid.raster;

import java.util.Arrays;
import java.util.Locale;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.locationtech.jts.geom.Envelope;

/**
 * The full-resolution cells of a grid whose centres lie within a longitude/latitude box, as points with their values:
 * what a travel-time measure snaps to the road network, one target per cell. Cells of value 0 are left out (they add
 * nothing to a sum); cells without data are kept, with NaN, so that a sum over them can say how many had none.
 */
public final class CellCentres {
    /** Points traced along each side of the box to find the cells it covers in a projected grid. */
    private static final int SIDE_STEPS = 64;
    /** Rows read at once, so a large box is never held as one window. */
    private static final int STRIP_ROWS = 256;

    private CellCentres() {}

    /** More cells in the box than the caller allows. */
    public static final class TooManyCells extends RasterException {
        TooManyCells(String message) {
            super(message);
        }
    }

    /**
     * Cells by index: their centres' longitude and latitude, value (NaN for no data), column and row.
     *
     * @param read cells read to find them (with those of value 0 and those outside the box)
     */
    public record Cells(double[] lons, double[] lats, double[] values, int[] columns, int[] rows, long read) {
        public int size() {
            return values.length;
        }
    }

    /** No cells. */
    public static Cells none() {
        return new Growing().cells(0);
    }

    /**
     * The cells whose centres lie within the box (inclusive), but for those of value 0.
     *
     * @throws TooManyCells when more than {@code maxCells} would be kept
     * @throws RasterException when the grid cannot be read there
     */
    public static Cells within(GeoTiffGrid grid, Envelope lonLat, int maxCells) {
        try {
            return collect(grid, lonLat, maxCells);
        } catch (TransformException e) {
            throw new RasterException("cannot place the box in the grid's CRS (" + grid.crsName() + "): "
                    + e.getMessage(), e);
        }
    }

    private static Cells collect(GeoTiffGrid grid, Envelope box, int maxCells) throws TransformException {
        int[] range = range(grid, box);
        int c0 = range[0];
        int r0 = range[1];
        int c1 = range[2];
        int r1 = range[3];
        Growing out = new Growing();
        if (c0 >= c1 || r0 >= r1) {
            return none();
        }
        MathTransform gridToNative = grid.gridToNative();
        MathTransform nativeToLonLat = grid.lonLatToNative().inverse();
        int n = c1 - c0;
        double[] xy = new double[2 * n];
        double[] lonLat = new double[2 * n];
        for (int strip = r0; strip < r1; strip += STRIP_ROWS) {
            int rows = Math.min(STRIP_ROWS, r1 - strip);
            Window cells = grid.readCells(c0, strip, n, rows);
            for (int r = strip; r < strip + rows; r++) {
                for (int i = 0; i < n; i++) {
                    xy[2 * i] = c0 + i + 0.5;
                    xy[2 * i + 1] = r + 0.5;
                }
                gridToNative.transform(xy, 0, xy, 0, n);
                nativeToLonLat.transform(xy, 0, lonLat, 0, n);
                double[] values = cells == null ? null : cells.valuesAtNative(xy, n);
                for (int i = 0; i < n; i++) {
                    double v = values == null ? Double.NaN : values[i];
                    double lon = lonLat[2 * i];
                    double lat = lonLat[2 * i + 1];
                    if (v == 0 || !box.covers(lon, lat)) {
                        continue;
                    }
                    if (out.size == maxCells) {
                        throw new TooManyCells(String.format(Locale.ROOT, "more than %,d cells with a value other"
                                + " than 0 lie within longitude %.4f to %.4f, latitude %.4f to %.4f", maxCells,
                                box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()));
                    }
                    out.add(lon, lat, v, c0 + i, r);
                }
            }
        }
        return out.cells((long) n * (r1 - r0));
    }

    /** The columns and rows (min inclusive, max exclusive, within the grid) the box's traced outline covers. */
    private static int[] range(GeoTiffGrid grid, Envelope box) throws TransformException {
        int points = 4 * SIDE_STEPS;
        double[] p = new double[2 * points];
        for (int i = 0; i < SIDE_STEPS; i++) {
            double f = (double) i / SIDE_STEPS;
            double x = box.getMinX() + f * box.getWidth();
            double y = box.getMinY() + f * box.getHeight();
            set(p, i, x, box.getMinY());
            set(p, SIDE_STEPS + i, box.getMaxX(), y);
            set(p, 2 * SIDE_STEPS + i, box.getMaxX() - f * box.getWidth(), box.getMaxY());
            set(p, 3 * SIDE_STEPS + i, box.getMinX(), box.getMaxY() - f * box.getHeight());
        }
        grid.lonLatToNative().transform(p, 0, p, 0, points);
        grid.gridToNative().inverse().transform(p, 0, p, 0, points);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            minX = Math.min(minX, p[2 * i]);
            maxX = Math.max(maxX, p[2 * i]);
            minY = Math.min(minY, p[2 * i + 1]);
            maxY = Math.max(maxY, p[2 * i + 1]);
        }
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))) {
            throw new RasterException("the box cannot be placed in the grid's CRS (" + grid.crsName() + ")");
        }
        // one cell of margin for the bulge of a traced side between its points; centres are tested against the box
        return new int[] {Math.max(0, (int) Math.floor(minX) - 1), Math.max(0, (int) Math.floor(minY) - 1),
            Math.min(grid.width(), (int) Math.ceil(maxX) + 1), Math.min(grid.height(), (int) Math.ceil(maxY) + 1)};
    }

    private static void set(double[] p, int i, double x, double y) {
        p[2 * i] = x;
        p[2 * i + 1] = y;
    }

    /** Arrays that grow as cells are kept. */
    private static final class Growing {
        double[] lons = new double[1024];
        double[] lats = new double[1024];
        double[] values = new double[1024];
        int[] columns = new int[1024];
        int[] rows = new int[1024];
        int size;

        void add(double lon, double lat, double value, int column, int row) {
            if (size == values.length) {
                int grown = 2 * size;
                lons = Arrays.copyOf(lons, grown);
                lats = Arrays.copyOf(lats, grown);
                values = Arrays.copyOf(values, grown);
                columns = Arrays.copyOf(columns, grown);
                rows = Arrays.copyOf(rows, grown);
            }
            lons[size] = lon;
            lats[size] = lat;
            values[size] = value;
            columns[size] = column;
            rows[size++] = row;
        }

        Cells cells(long read) {
            return new Cells(Arrays.copyOf(lons, size), Arrays.copyOf(lats, size), Arrays.copyOf(values, size),
                    Arrays.copyOf(columns, size), Arrays.copyOf(rows, size), read);
        }
    }
}
