package org.clustergrid.surface;

import org.clustergrid.render.Projection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Pointy-top hexagons in rows, laid out in Web Mercator metres so they look regular on the planner's web map and in
 * EPSG:3857 maps. The grid covers an area of interest grown by a margin; the side is the smallest that keeps the
 * cell count within a cap, rounded up to two significant figures of ground metres at the middle latitude, and never
 * below {@link #MIN_SIDE_METRES}. Cell {@code i} is row {@code i / cols}, column {@code i % cols}; odd rows are
 * shifted half a cell east. Immutable.
 */
public final class HexGrid {
    /** At most this many cells: enough for a region's detail, and a full map of them draws in well under a second. */
    public static final int MAX_CELLS = 20_000;
    /** Finer than this (about three minutes' walk across) adds nothing a planner reads off the map. */
    public static final double MIN_SIDE_METRES = 250;
    /** The margin around the area of interest: a tenth of its larger side, at least 5 km. */
    static final double MARGIN_SHARE = 0.1;
    static final double MIN_MARGIN_METRES = 5_000;
    private static final double SQRT3 = Math.sqrt(3);
    /** On the sphere Web Mercator is drawn on, so ground sizes and Mercator sizes agree at the middle latitude. */
    private static final double METRES_PER_DEGREE = Math.PI * Projection.RADIUS / 180;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Projection MERCATOR = Projection.WEB_MERCATOR;

    private final double x0;
    private final double y0;
    private final double side;
    private final int rows;
    private final int cols;
    private final double sideMetres;

    private HexGrid(double x0, double y0, double side, int rows, int cols, double sideMetres) {
        this.x0 = x0;
        this.y0 = y0;
        this.side = side;
        this.rows = rows;
        this.cols = cols;
        this.sideMetres = sideMetres;
    }

    /** A grid over {@code lonLat} plus the margin with at most {@code maxCells} cells. */
    public static HexGrid covering(Envelope lonLat, int maxCells) {
        double midLat = (lonLat.getMinY() + lonLat.getMaxY()) / 2;
        double cos = Math.cos(Math.toRadians(midLat));
        double widthM = METRES_PER_DEGREE * cos * lonLat.getWidth();
        double heightM = METRES_PER_DEGREE * lonLat.getHeight();
        double margin = Math.max(MIN_MARGIN_METRES, MARGIN_SHARE * Math.max(widthM, heightM));
        double dLat = margin / METRES_PER_DEGREE;
        double dLon = margin / (METRES_PER_DEGREE * cos);
        Envelope area = new Envelope(Math.max(-180, lonLat.getMinX() - dLon), Math.min(180, lonLat.getMaxX() + dLon),
                Math.max(-85, lonLat.getMinY() - dLat), Math.min(85, lonLat.getMaxY() + dLat));
        double minX = MERCATOR.x(area.getMinX());
        double minY = MERCATOR.y(area.getMinY());
        double w = MERCATOR.x(area.getMaxX()) - minX;
        double h = MERCATOR.y(area.getMaxY()) - minY;
        // Mercator metres per ground metre at the middle latitude
        double stretch = 1 / Math.cos(Math.toRadians((area.getMinY() + area.getMaxY()) / 2));
        // a cell covers 1.5·√3·s², so this side fills the area with maxCells cells; rows and columns add an edge
        double metres = Math.max(MIN_SIDE_METRES, Math.sqrt(w * h / (1.5 * SQRT3 * maxCells)) / stretch);
        metres = roundUp(metres);
        while (true) {
            double s = metres * stretch;
            int cols = (int) Math.ceil(w / (SQRT3 * s)) + 1;
            int rows = (int) Math.ceil(h / (1.5 * s)) + 1;
            if ((long) rows * cols <= maxCells) {
                return new HexGrid(minX, minY, s, rows, cols, metres);
            }
            metres = roundUp(metres * 1.05);
        }
    }

    /** Up to two significant figures: 287 → 290, 1234 → 1300. */
    static double roundUp(double metres) {
        double unit = Math.pow(10, Math.floor(Math.log10(metres)) - 1);
        return Math.ceil(metres / unit - 1e-9) * unit;
    }

    public int size() {
        return rows * cols;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Side (= centre-to-corner distance) in ground metres at the grid's middle latitude. */
    public double sideMetres() {
        return sideMetres;
    }

    /** A stable name for a cell: its row (south to north) and column (west to east). */
    public String id(int cell) {
        return "hex-" + (cell / cols) + "-" + (cell % cols);
    }

    private double cx(int row, int col) {
        return x0 + SQRT3 * side * (col + 0.5 * (row & 1));
    }

    private double cy(int row) {
        return y0 + 1.5 * side * row;
    }

    public double centreLon(int cell) {
        return MERCATOR.lon(cx(cell / cols, cell % cols));
    }

    public double centreLat(int cell) {
        return MERCATOR.lat(cy(cell / cols));
    }

    /** The cell as a longitude/latitude polygon (its corners projected back; edges straight in longitude/latitude). */
    public Polygon polygon(int cell) {
        double x = cx(cell / cols, cell % cols);
        double y = cy(cell / cols);
        Coordinate[] ring = new Coordinate[7];
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(30 + 60 * k);
            ring[k] = new Coordinate(MERCATOR.lon(x + side * Math.cos(a)), MERCATOR.lat(y + side * Math.sin(a)));
        }
        ring[6] = ring[0].copy();
        return GF.createPolygon(ring);
    }

    /** The cell holding a point (the one with the nearest centre), or -1 outside the grid. */
    public int at(double lon, double lat) {
        double x = MERCATOR.x(lon);
        double y = MERCATOR.y(lat);
        int r0 = (int) Math.round((y - y0) / (1.5 * side));
        double best = Double.POSITIVE_INFINITY;
        int bestRow = 0;
        int bestCol = 0;
        for (int r = r0 - 1; r <= r0 + 1; r++) {
            int c0 = (int) Math.round((x - x0) / (SQRT3 * side) - 0.5 * (r & 1));
            for (int c = c0 - 1; c <= c0 + 1; c++) {
                double dx = x - cx(r, c);
                double dy = y - cy(r);
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        boolean inside = bestRow >= 0 && bestRow < rows && bestCol >= 0 && bestCol < cols;
        return inside ? bestRow * cols + bestCol : -1;
    }

    /** The cells whose hexagon may reach into a longitude/latitude box, in row order. */
    public int[] within(Envelope lonLat) {
        double minX = MERCATOR.x(lonLat.getMinX());
        double maxX = MERCATOR.x(lonLat.getMaxX());
        double minY = MERCATOR.y(lonLat.getMinY());
        double maxY = MERCATOR.y(lonLat.getMaxY());
        int r0 = Math.max(0, (int) Math.floor((minY - y0 - side) / (1.5 * side)));
        int r1 = Math.min(rows - 1, (int) Math.ceil((maxY - y0 + side) / (1.5 * side)));
        int c0 = Math.max(0, (int) Math.floor((minX - x0) / (SQRT3 * side)) - 1);
        int c1 = Math.min(cols - 1, (int) Math.ceil((maxX - x0) / (SQRT3 * side)) + 1);
        if (r0 > r1 || c0 > c1) {
            return new int[0];
        }
        int[] out = new int[(r1 - r0 + 1) * (c1 - c0 + 1)];
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                out[n++] = r * cols + c;
            }
        }
        return out;
    }

    /** The longitude/latitude box of all cells. */
    public Envelope extent() {
        double halfW = SQRT3 * side / 2;
        return new Envelope(MERCATOR.lon(x0 - halfW), MERCATOR.lon(x0 + SQRT3 * side * (cols - 0.5) + halfW),
                MERCATOR.lat(y0 - side), MERCATOR.lat(y0 + 1.5 * side * (rows - 1) + side));
    }
}
