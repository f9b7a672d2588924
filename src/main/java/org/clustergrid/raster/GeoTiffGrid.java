package org.clustergrid.raster;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import org.geotools.api.geometry.MismatchedDimensionException;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.EngineeringCRS;
import org.geotools.api.referencing.datum.PixelInCell;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.util.factory.Hints;
import org.locationtech.jts.geom.Envelope;

/**
 * A single-band GeoTIFF read through GeoTools: its grid, CRS and longitude/latitude box, and windows of it read at
 * about the resolution a map needs (GeoTools picks an overview or subsamples), so a map costs what its size does,
 * however large the file.
 */
public final class GeoTiffGrid {
    /** Statistics read the whole grid at most this many cells a side (subsampled beyond). */
    static final int STATS_SIDE = 2048;

    private final Path file;
    private final CellChunks chunks;
    private final CoordinateReferenceSystem crs;
    private final ReferencedEnvelope envelope;
    private final int width;
    private final int height;
    private final int bands;
    private final Double noData;
    private final MathTransform lonLatToNative;
    private final MathTransform gridToNative;
    private final Envelope lonLatBox;

    /** What the reader tells of the file; its cells are read through {@link CellChunks}, not through the reader. */
    private GeoTiffGrid(Path file, GeoTiffReader reader) throws FactoryException, TransformException, IOException {
        this.file = file;
        this.crs = reader.getCoordinateReferenceSystem();
        this.envelope = new ReferencedEnvelope(reader.getOriginalEnvelope());
        var range = reader.getOriginalGridRange();
        this.width = range.getSpan(0);
        this.height = range.getSpan(1);
        this.chunks = new CellChunks(file, width, height);
        this.bands = bandsOf(reader, envelope);
        double nd = reader.getMetadata().getNoData();
        this.noData = Double.isNaN(nd) ? null : nd;
        this.lonLatToNative = CRS.findMathTransform(DefaultGeographicCRS.WGS84, crs, true);
        this.gridToNative = reader.getOriginalGridToWorld(PixelInCell.CELL_CORNER);
        ReferencedEnvelope ll = envelope.transform(DefaultGeographicCRS.WGS84, true);
        this.lonLatBox = new Envelope(ll.getMinX(), ll.getMaxX(), ll.getMinY(), ll.getMaxY());
    }

    /** The bands of the file, read off a one-cell reading of the whole grid (the header does not say). */
    private static int bandsOf(GeoTiffReader reader, ReferencedEnvelope all) throws IOException {
        ParameterValue<GridGeometry2D> gg = AbstractGridFormat.READ_GRIDGEOMETRY2D.createValue();
        gg.setValue(new GridGeometry2D(new GridEnvelope2D(0, 0, 1, 1), all));
        GridCoverage2D c = reader.read(new GeneralParameterValue[] {gg});
        try {
            return c.getNumSampleDimensions();
        } finally {
            c.dispose(true);
        }
    }

    /**
     * Loads GeoTools' CRS database (some seconds the first time in a process), so the first map of a raster does not
     * wait for it.
     */
    public static void warmUp() {
        try {
            CRS.findMathTransform(DefaultGeographicCRS.WGS84, CRS.decode("EPSG:3857", true), true);
        } catch (FactoryException e) {
            org.slf4j.LoggerFactory.getLogger(GeoTiffGrid.class).warn("GeoTools' CRS database: {}", e.toString());
        }
    }

    /**
     * Opens a GeoTIFF. {@code crsCode} (e.g. {@code EPSG:4326}, longitude first) names the CRS of a file that
     * declares none; a file that declares one keeps it.
     */
    public static GeoTiffGrid open(Path file, String crsCode) {
        String shown = file.getFileName().toString();
        Hints hints = new Hints();
        CoordinateReferenceSystem given = null;
        if (crsCode != null) {
            try {
                given = CRS.decode(crsCode, true);
            } catch (FactoryException e) {
                throw new RasterException("unknown CRS '" + crsCode + "' (give an EPSG code such as EPSG:4326)");
            }
            hints.put(Hints.DEFAULT_COORDINATE_REFERENCE_SYSTEM, given);
        }
        GeoTiffReader reader = null;
        try {
            // read without hints first: a CRS hint would replace the file's own, which must win
            reader = new GeoTiffReader(file.toFile());
            CoordinateReferenceSystem own = reader.getCoordinateReferenceSystem();
            boolean declares = own != null && !(own instanceof EngineeringCRS);
            if (declares && given != null && !CRS.equalsIgnoreMetadata(own, given)) {
                throw new RasterException(shown + " declares its own CRS (" + CRS.toSRS(own) + "); --crs is only for"
                        + " a file that declares none");
            }
            if (!declares) {
                if (given == null) {
                    throw new RasterException(shown + " declares no coordinate reference system; give the one it is"
                            + " in (e.g. --crs EPSG:4326, or crs=EPSG:4326 with an upload)");
                }
                reader.dispose();
                reader = new GeoTiffReader(file.toFile(), hints);
            }
            GeoTiffGrid grid = new GeoTiffGrid(file, reader);
            if (grid.bands != 1) {
                throw new RasterException(shown + " has " + grid.bands + " bands; a raster layer is one band of values"
                        + " (population, elevation), coloured by a ramp");
            }
            return grid;
        } catch (RasterException e) {
            throw e;
        } catch (Exception | Error e) {
            throw new RasterException(shown + " is not a GeoTIFF that can be read: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The longitude/latitude box the grid covers. */
    public Envelope lonLatBox() {
        return lonLatBox;
    }

    /** The file's no-data value, or null. */
    public Double noData() {
        return noData;
    }

    /** The CRS as an identifier where it has one ({@code EPSG:32645}), else its name. */
    public String crsName() {
        String srs = CRS.toSRS(crs, false);
        return srs == null ? crs.getName().getCode() : srs;
    }

    /**
     * The part of the grid within a longitude/latitude box, at about {@code columns} × {@code rows} cells over that
     * box; null when the grid does not reach into it.
     */
    public Window read(Envelope lonLat, int columns, int rows) {
        Envelope inside = lonLat.intersection(lonLatBox);
        if (inside.isNull() || inside.getWidth() <= 0 || inside.getHeight() <= 0) {
            return null;
        }
        int c = (int) Math.ceil(columns * inside.getWidth() / lonLat.getWidth());
        int r = (int) Math.ceil(rows * inside.getHeight() / lonLat.getHeight());
        try {
            ReferencedEnvelope wanted = new ReferencedEnvelope(inside.getMinX(), inside.getMaxX(), inside.getMinY(),
                    inside.getMaxY(), DefaultGeographicCRS.WGS84).transform(crs, true);
            wanted = wanted.intersection(envelope) == null ? wanted : new ReferencedEnvelope(
                    wanted.intersection(envelope), crs);
            if (wanted.isEmpty()) {
                return null;
            }
            return read(new ReferencedEnvelope(wanted, crs), Math.max(1, c), Math.max(1, r));
        } catch (FactoryException | TransformException | MismatchedDimensionException e) {
            throw new RasterException("cannot reproject a window of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The grid's cell corners (column, row) to its own CRS. */
    MathTransform gridToNative() {
        return gridToNative;
    }

    /** Longitude/latitude to the grid's own CRS. */
    MathTransform lonLatToNative() {
        return lonLatToNative;
    }

    /**
     * The full-resolution cells of columns {@code col0} to {@code col0 + columns - 1} and rows {@code row0} to
     * {@code row0 + rows - 1}, which must lie within the grid.
     */
    Window readCells(int col0, int row0, int columns, int rows) {
        double[] corners = {col0, row0, col0 + columns, row0, col0 + columns, row0 + rows, col0, row0 + rows};
        try {
            gridToNative.transform(corners, 0, corners, 0, 4);
        } catch (TransformException e) {
            throw new RasterException("cannot place cells of " + file.getFileName() + ": " + e.getMessage(), e);
        }
        ReferencedEnvelope box = new ReferencedEnvelope(crs);
        for (int i = 0; i < 8; i += 2) {
            box.expandToInclude(corners[i], corners[i + 1]);
        }
        return read(box, columns, rows);
    }

    /** The whole grid, subsampled to at most {@link #STATS_SIDE} cells a side. */
    public Window readAll() {
        return read(envelope, Math.min(width, STATS_SIDE), Math.min(height, STATS_SIDE));
    }

    /**
     * The cells under a box of the grid's CRS, at the coarsest level whose cells are still no larger than
     * {@code columns} × {@code rows} over the box asks for: every cell, or the centre cell of each 2ᵏ × 2ᵏ block.
     */
    private Window read(ReferencedEnvelope nativeBox, int columns, int rows) {
        try {
            MathTransform nativeToGrid = gridToNative.inverse();
            java.awt.Rectangle cells = gridBox(nativeBox, nativeToGrid).intersection(
                    new java.awt.Rectangle(0, 0, width, height));
            if (cells.isEmpty()) {
                return null;
            }
            // cells per map pixel over the box itself, not its margin: a one-cell box asked for one pixel is level 0
            double perColumn = (double) Math.max(1, cells.width - 2) / Math.max(1, columns);
            double perRow = (double) Math.max(1, cells.height - 2) / Math.max(1, rows);
            int level = 0;
            while (level < 30 && (2 << level) <= Math.min(perColumn, perRow)) {
                level++;
            }
            int step = 1 << level;
            int x0 = cells.x / step;
            int y0 = cells.y / step;
            int x1 = Math.min(chunks.width(level), (cells.x + cells.width + step - 1) / step);
            int y1 = Math.min(chunks.height(level), (cells.y + cells.height + step - 1) / step);
            java.awt.image.WritableRaster data = null;
            for (int cy = y0 / CellChunks.SIDE; cy <= (y1 - 1) / CellChunks.SIDE; cy++) {
                for (int cx = x0 / CellChunks.SIDE; cx <= (x1 - 1) / CellChunks.SIDE; cx++) {
                    Raster chunk = chunks.chunk(level, cx, cy);
                    if (data == null) {
                        data = chunk.createCompatibleWritableRaster(x1 - x0, y1 - y0).createWritableTranslatedChild(
                                x0, y0);
                    }
                    data.setRect(cx * CellChunks.SIDE, cy * CellChunks.SIDE, chunk);
                }
            }
            MathTransform toLevel = org.geotools.referencing.operation.transform.ConcatenatedTransform.create(
                    nativeToGrid, org.geotools.referencing.operation.transform.ProjectiveTransform.create(
                            java.awt.geom.AffineTransform.getScaleInstance(1.0 / step, 1.0 / step)));
            return new Window(data, lonLatToNative, toLevel, noData);
        } catch (TransformException e) {
            throw new RasterException("cannot place a window of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Sets the memory the decoded cells of every grid may take together. */
    public static void cacheBudget(long bytes) {
        CellChunks.budget(bytes);
    }

    /** Lets go of this grid's decoded cells. */
    public void close() {
        chunks.forget();
    }

    /** The cells of the image under a box of the grid's CRS, one cell of margin around. */
    private static java.awt.Rectangle gridBox(ReferencedEnvelope box, MathTransform toGrid) {
        double[] c = {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMinY(), box.getMaxX(), box.getMaxY(),
            box.getMinX(), box.getMaxY()};
        try {
            toGrid.transform(c, 0, c, 0, 4);
        } catch (TransformException e) {
            return new java.awt.Rectangle(Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2, Integer.MAX_VALUE,
                    Integer.MAX_VALUE); // the whole image, as before
        }
        double x0 = Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6]));
        double x1 = Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6]));
        double y0 = Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7]));
        double y1 = Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]));
        int minX = (int) Math.floor(x0) - 1;
        int minY = (int) Math.floor(y0) - 1;
        return new java.awt.Rectangle(minX, minY, (int) Math.ceil(x1) + 1 - minX, (int) Math.ceil(y1) + 1 - minY);
    }

    /** Whether a longitude/latitude point lies within the grid (on a cell, with data or not). */
    public boolean covers(double lon, double lat) {
        try {
            double[] p = {lon, lat};
            lonLatToNative.transform(p, 0, p, 0, 1);
            gridToNative.inverse().transform(p, 0, p, 0, 1);
            return p[0] >= 0 && p[1] >= 0 && p[0] < width && p[1] < height;
        } catch (TransformException e) {
            return false;
        }
    }

    /**
     * The value of the full-resolution cell holding a longitude/latitude point, with the cell's column and row and
     * its corners in longitude/latitude; null outside the grid.
     */
    public Cell cellAt(double lon, double lat) {
        try {
            double[] p = {lon, lat};
            lonLatToNative.transform(p, 0, p, 0, 1);
            MathTransform toGrid = gridToNative.inverse();
            double[] g = new double[2];
            toGrid.transform(p, 0, g, 0, 1);
            int col = (int) Math.floor(g[0]);
            int row = (int) Math.floor(g[1]);
            if (col < 0 || row < 0 || col >= width || row >= height) {
                return null;
            }
            double[] corners = {col, row, col + 1, row, col + 1, row + 1, col, row + 1};
            gridToNative.transform(corners, 0, corners, 0, 4);
            ReferencedEnvelope cellBox = new ReferencedEnvelope(crs);
            for (int i = 0; i < 8; i += 2) {
                cellBox.expandToInclude(corners[i], corners[i + 1]);
            }
            Window w = read(cellBox, 1, 1);
            double value = w == null ? Double.NaN : w.valueAtNative(p[0], p[1]);
            lonLatToNative.inverse().transform(corners, 0, corners, 0, 4);
            return new Cell(col, row, value, corners);
        } catch (TransformException e) {
            return null;
        }
    }

    /**
     * One cell of the grid.
     *
     * @param value NaN for no data
     * @param lonLatCorners the corners, longitude then latitude, clockwise from the top left
     */
    public record Cell(int column, int row, double value, double[] lonLatCorners) {}
}
