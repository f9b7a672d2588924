package org.clustergrid.raster;

import java.awt.image.Raster;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;

/** A window of a grid as read: its cells, and how longitude/latitude points find their cell (nearest neighbour). */
public final class Window {
    private final Raster data;
    private final MathTransform lonLatToNative;
    private final MathTransform nativeToGrid;
    private final Double noData;

    Window(Raster data, MathTransform lonLatToNative, MathTransform nativeToGrid, Double noData) {
        this.data = data;
        this.lonLatToNative = lonLatToNative;
        this.nativeToGrid = nativeToGrid;
        this.noData = noData;
    }

    /**
     * The values at {@code n} longitude/latitude points ({@code lonLat} holds lon, lat pairs and is overwritten); NaN
     * where a point has no data or lies outside the window.
     */
    public double[] values(double[] lonLat, int n) {
        try {
            lonLatToNative.transform(lonLat, 0, lonLat, 0, n);
        } catch (TransformException e) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        return valuesAtNative(lonLat, n);
    }

    /** The value at a point in the grid's own CRS. */
    double valueAtNative(double x, double y) {
        double[] p = {x, y};
        try {
            nativeToGrid.transform(p, 0, p, 0, 1);
        } catch (TransformException e) {
            return Double.NaN;
        }
        return sample(p[0], p[1]);
    }

    /**
     * The values at {@code n} points in the grid's own CRS ({@code xy} holds x, y pairs and is overwritten); NaN where
     * a point has no data or lies outside the window.
     */
    double[] valuesAtNative(double[] xy, int n) {
        double[] out = new double[n];
        try {
            nativeToGrid.transform(xy, 0, xy, 0, n);
        } catch (TransformException e) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = sample(xy[2 * i], xy[2 * i + 1]);
        }
        return out;
    }

    private double sample(double gx, double gy) {
        if (!(Double.isFinite(gx) && Double.isFinite(gy))) {
            return Double.NaN;
        }
        int x = (int) Math.floor(gx);
        int y = (int) Math.floor(gy);
        if (x < data.getMinX() || y < data.getMinY() || x >= data.getMinX() + data.getWidth()
                || y >= data.getMinY() + data.getHeight()) {
            return Double.NaN;
        }
        double v = data.getSampleDouble(x, y, 0);
        return noData != null && v == noData ? Double.NaN : v;
    }

    /** Every valid value of the window, for statistics. */
    public Stats stats() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long valid = 0;
        double[] row = new double[data.getWidth()];
        for (int y = data.getMinY(); y < data.getMinY() + data.getHeight(); y++) {
            data.getSamples(data.getMinX(), y, data.getWidth(), 1, 0, row);
            for (double v : row) {
                if (Double.isNaN(v) || (noData != null && v == noData)) {
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                valid++;
            }
        }
        return new Stats(min, max, valid, (long) data.getWidth() * data.getHeight());
    }

    /** Least and greatest valid value, over how many cells of how many read. */
    public record Stats(double min, double max, long valid, long read) {}
}
