package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Douglas-Peucker simplification as PostGIS's {@code lwgeom_simplify} does it, not as JTS's: rings are simplified as
 * open lines and a ring left with fewer than four points is dropped (with its polygon, if it was the shell), with no
 * topology repair afterwards. JTS's simplifier keeps such tiny polygons, so tiles would differ between the stores.
 */
final class TileSimplifier {
    private TileSimplifier() {}

    /** The simplified geometry, or null when nothing is left of it. */
    static Geometry simplify(Geometry g, double tolerance) {
        GeometryFactory f = g.getFactory();
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            Geometry s = p instanceof LineString l ? line(l, tolerance)
                    : p instanceof Polygon poly ? polygon(poly, tolerance)
                    : p;
            if (s != null) {
                parts.add(s);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return g.getNumGeometries() == 1 && !(g instanceof org.locationtech.jts.geom.GeometryCollection)
                ? parts.get(0) : f.buildGeometry(parts);
    }

    private static Geometry line(LineString l, double tolerance) {
        Coordinate[] c = simplify(l.getCoordinates(), tolerance);
        return c.length < 2 ? null : l.getFactory().createLineString(c);
    }

    private static Geometry polygon(Polygon p, double tolerance) {
        LinearRing shell = ring(p.getExteriorRing(), tolerance);
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing h = ring(p.getInteriorRingN(i), tolerance);
            if (h != null) {
                holes.add(h);
            }
        }
        return p.getFactory().createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(LinearRing r, double tolerance) {
        Coordinate[] c = simplify(r.getCoordinates(), tolerance);
        return c.length < 4 ? null : r.getFactory().createLinearRing(c);
    }

    /** Keeps both ends and, recursively, the farthest point of each stretch while it lies beyond the tolerance. */
    static Coordinate[] simplify(Coordinate[] pts, double tolerance) {
        if (pts.length < 3) {
            return pts;
        }
        boolean[] keep = new boolean[pts.length];
        keep[0] = true;
        keep[pts.length - 1] = true;
        int[] stack = new int[2 * pts.length];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = pts.length - 1;
        while (top > 0) {
            int last = stack[--top];
            int first = stack[--top];
            double max = -1;
            int split = -1;
            for (int i = first + 1; i < last; i++) {
                double d = Distance.pointToSegment(pts[i], pts[first], pts[last]);
                if (d > max) {
                    max = d;
                    split = i;
                }
            }
            if (split >= 0 && max > tolerance) {
                keep[split] = true;
                stack[top++] = first;
                stack[top++] = split;
                stack[top++] = split;
                stack[top++] = last;
            }
        }
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            if (keep[i]) {
                out.add(pts[i]);
            }
        }
        return out.toArray(Coordinate[]::new);
    }
}
