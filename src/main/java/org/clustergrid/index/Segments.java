package org.clustergrid.index;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The items' geometries cut into segments (consecutive vertex pairs), in primitive arrays: 16 bytes a vertex, 8 a
 * segment. A point is stored as a segment of zero length. Segments belong to components — a line, a polygon ring or
 * a point — because PostGIS measures each component separately (closest point on the sphere, then the spheroidal
 * distance to it) and we reproduce that; components belong to items.
 */
final class Segments {
    final double[] xy; // vertex lon, lat pairs
    final int[] segmentVertex; // segment → index of its first vertex; the second follows it
    final int[] segmentComponent;
    final int[] componentItem;
    final boolean[] componentLinear;

    private Segments(Builder b) {
        xy = Arrays.copyOf(b.xy, b.vertices * 2);
        segmentVertex = Arrays.copyOf(b.segmentVertex, b.segments);
        segmentComponent = Arrays.copyOf(b.segmentComponent, b.segments);
        componentItem = Arrays.copyOf(b.componentItem, b.components);
        componentLinear = Arrays.copyOf(b.componentLinear, b.components);
    }

    int count() {
        return segmentVertex.length;
    }

    double ax(int s) {
        return xy[2 * segmentVertex[s]];
    }

    double ay(int s) {
        return xy[2 * segmentVertex[s] + 1];
    }

    double bx(int s) {
        return xy[2 * segmentVertex[s] + 2];
    }

    double by(int s) {
        return xy[2 * segmentVertex[s] + 3];
    }

    long memoryBytes() {
        return xy.length * 8L + segmentVertex.length * 8L + componentItem.length * 5L;
    }

    /**
     * Boxes of the segments for the R-tree. A great-circle arc bulges poleward of its ends by about
     * σ²·tan φ / 8 (σ its length in radians), so boxes grow by that (plus a margin) in latitude: the tree's bounds then
     * hold for the arcs we measure to, not only for the straight lon/lat chords.
     */
    double[] boxes() {
        int n = count();
        double[] boxes = new double[4 * n];
        for (int s = 0; s < n; s++) {
            double ax = ax(s);
            double ay = ay(s);
            double bx = bx(s);
            double by = by(s);
            double grow = bulge(ax, ay, bx, by);
            boxes[4 * s] = Math.min(ax, bx);
            boxes[4 * s + 1] = Math.max(-90, Math.min(ay, by) - grow);
            boxes[4 * s + 2] = Math.max(ax, bx);
            boxes[4 * s + 3] = Math.min(90, Math.max(ay, by) + grow);
        }
        return boxes;
    }

    /** Degrees by which the great-circle arc between two points may leave their lon/lat box towards a pole. */
    static double bulge(double ax, double ay, double bx, double by) {
        if (ax == bx && ay == by) {
            return 0;
        }
        double sigma = org.clustergrid.geo.Geodesic.angle(ax, ay, bx, by);
        double lat = Math.min(89.0, Math.max(Math.abs(ay), Math.abs(by)));
        return Math.toDegrees(sigma * sigma / 8 * (Math.tan(Math.toRadians(lat)) + 1)) + 1e-9;
    }

    /** Collects the geometries of items numbered 0, 1, 2 … in order. */
    static final class Builder {
        private double[] xy = new double[1024];
        private int vertices;
        private int[] segmentVertex = new int[512];
        private int[] segmentComponent = new int[512];
        private int segments;
        private int[] componentItem = new int[64];
        private boolean[] componentLinear = new boolean[64];
        private int components;

        /** Adds the geometry of item {@code item}; returns whether it holds a polygon (needing a containment test). */
        boolean add(int item, Geometry g) {
            boolean areal = false;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) {
                    areal |= add(item, part);
                } else if (part instanceof Point p) {
                    if (!p.isEmpty()) {
                        Coordinate c = p.getCoordinate();
                        component(item, false, new Coordinate[] {c, c});
                    }
                } else if (part instanceof LineString l) {
                    Coordinate[] cs = l.getCoordinates();
                    component(item, true, cs.length == 1 ? new Coordinate[] {cs[0], cs[0]} : cs);
                } else if (part instanceof Polygon poly && !poly.isEmpty()) {
                    areal = true;
                    component(item, false, poly.getExteriorRing().getCoordinates());
                    for (int r = 0; r < poly.getNumInteriorRing(); r++) {
                        component(item, false, poly.getInteriorRingN(r).getCoordinates());
                    }
                }
            }
            return areal;
        }

        private void component(int item, boolean linear, Coordinate[] cs) {
            if (cs.length < 2) {
                return;
            }
            if (components == componentItem.length) {
                componentItem = Arrays.copyOf(componentItem, components * 2);
                componentLinear = Arrays.copyOf(componentLinear, components * 2);
            }
            int component = components++;
            componentItem[component] = item;
            componentLinear[component] = linear;
            if (xy.length < (vertices + cs.length) * 2) {
                xy = Arrays.copyOf(xy, Math.max(xy.length * 2, (vertices + cs.length) * 2));
            }
            if (segmentVertex.length < segments + cs.length) {
                int cap = Math.max(segmentVertex.length * 2, segments + cs.length);
                segmentVertex = Arrays.copyOf(segmentVertex, cap);
                segmentComponent = Arrays.copyOf(segmentComponent, cap);
            }
            for (int i = 0; i < cs.length; i++) {
                xy[2 * (vertices + i)] = cs[i].x;
                xy[2 * (vertices + i) + 1] = cs[i].y;
                if (i > 0) {
                    segmentVertex[segments] = vertices + i - 1;
                    segmentComponent[segments] = component;
                    segments++;
                }
            }
            vertices += cs.length;
        }

        Segments build() {
            return new Segments(this);
        }
    }
}
