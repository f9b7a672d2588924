package org.clustergrid.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The default coverage of a dataset that declares none: the {@value #CELL_DEGREES}° grid cells holding any of its
 * features' vertices, grown by one cell on every side (so a point is covered when data lie within one to two cells,
 * about 28–55 km at the equator), merged into polygons. Grid cells rather than a hull: a register of two states or
 * two regions far apart gets two areas, not the land between them, and the cost is linear in the vertices.
 */
public final class CoverageCells {
    public static final double CELL_DEGREES = 0.25;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private final Set<Long> cells = new HashSet<>();

    /** Adds the cells of every vertex, and of points along long segments so a road crossing a cell marks it. */
    public void add(Geometry g) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                addSequence(p.getExteriorRing().getCoordinateSequence());
            } else if (part instanceof LineString l) {
                addSequence(l.getCoordinateSequence());
            } else if (part instanceof Point p) {
                mark(p.getX(), p.getY());
            } else {
                add(part); // a nested collection
            }
        }
    }

    private void addSequence(CoordinateSequence seq) {
        for (int k = 0; k < seq.size(); k++) {
            mark(seq.getX(k), seq.getY(k));
            if (k > 0) {
                double dx = seq.getX(k) - seq.getX(k - 1), dy = seq.getY(k) - seq.getY(k - 1);
                int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / (CELL_DEGREES / 2));
                for (int s = 1; s < steps; s++) {
                    mark(seq.getX(k - 1) + dx * s / steps, seq.getY(k - 1) + dy * s / steps);
                }
            }
        }
    }

    private void mark(double lon, double lat) {
        if (Double.isFinite(lon) && Double.isFinite(lat)) {
            cells.add(key(col(lon), row(lat)));
        }
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The covered area: marked cells grown by one, as polygons clipped to the world; null when nothing was added. */
    public Geometry area() {
        if (cells.isEmpty()) {
            return null;
        }
        Set<Long> grown = new HashSet<>();
        for (long k : cells) {
            int c = (int) (k >> 32), r = (int) k;
            for (int dc = -1; dc <= 1; dc++) {
                for (int dr = -1; dr <= 1; dr++) {
                    int rr = r + dr;
                    if (rr >= 0 && rr < rows()) {
                        grown.add(key(Math.floorMod(c + dc, cols()), rr));
                    }
                }
            }
        }
        long[] sorted = grown.stream().mapToLong(k -> ((k & 0xffffffffL) << 32) | (k >>> 32)).toArray();
        Arrays.sort(sorted); // by row, then column: runs of cells in a row become one rectangle
        List<Geometry> strips = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int row = (int) (sorted[i] >>> 32);
            int first = (int) sorted[i];
            int last = first;
            while (i + 1 < sorted.length && (int) (sorted[i + 1] >>> 32) == row && (int) sorted[i + 1] == last + 1) {
                last = (int) sorted[++i];
            }
            i++;
            strips.add(GF.toGeometry(new Envelope(-180 + first * CELL_DEGREES, -180 + (last + 1) * CELL_DEGREES,
                    -90 + row * CELL_DEGREES, -90 + (row + 1) * CELL_DEGREES)));
        }
        Geometry union = UnaryUnionOp.union(strips);
        union.setSRID(4326);
        return union;
    }

    /** The default coverage of features. */
    public static Geometry of(Iterable<Geometry> geometries) {
        CoverageCells cells = new CoverageCells();
        for (Geometry g : geometries) {
            cells.add(g);
        }
        return cells.area();
    }

    private static int col(double lon) {
        return Math.floorMod((int) Math.floor((lon + 180) / CELL_DEGREES), cols());
    }

    private static int row(double lat) {
        return Math.max(0, Math.min(rows() - 1, (int) Math.floor((lat + 90) / CELL_DEGREES)));
    }

    private static int cols() {
        return (int) Math.round(360 / CELL_DEGREES);
    }

    private static int rows() {
        return (int) Math.round(180 / CELL_DEGREES);
    }

    private static long key(int col, int row) {
        return ((long) col << 32) | (row & 0xffffffffL);
    }

    /** A one-line account of the rule, for import reports and {@code /api/datasets}. */
    public static String describe() {
        return "cells of " + CELL_DEGREES + "° holding features, grown by one cell";
    }
}
