package org.clustergrid.index;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The query of one search, a point or a polygonal footprint, with the scratch space of that search (so one instance
 * must not be shared between threads). {@link #toSegment} measures the great-circle angle to a segment the way
 * PostGIS geography does and leaves the two closest points in {@link #queryClosest} and {@link #itemClosest}.
 */
abstract sealed class QueryShape {
    final Envelope envelope;
    final double[] queryClosest = new double[3];
    final double[] itemClosest = new double[3];
    final double[] a = new double[3];
    final double[] b = new double[3];
    final double[] scratch = new double[3];
    final double[] foot = new double[3];

    QueryShape(Envelope envelope) {
        this.envelope = envelope;
    }

    static QueryShape of(Geometry g) {
        if (g == null || g.isEmpty()) {
            throw new IllegalArgumentException("empty query geometry");
        }
        if (g instanceof Point p) {
            return new PointQuery(p.getX(), p.getY());
        }
        if (g instanceof Polygonal) {
            return new AreaQuery(g);
        }
        throw new IllegalArgumentException("query must be a Point or a (Multi)Polygon, not " + g.getGeometryType());
    }

    /** Lower bound of the great-circle angle from the query to anything inside the box. */
    final double lowerBound(double minX, double minY, double maxX, double maxY) {
        return SphericalEdges.boxGap(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY(),
                minX, minY, maxX, maxY);
    }

    /** Great-circle angle from the query to segment {@code s}; 0 when they intersect. */
    abstract double toSegment(Segments segments, int s);

    Coordinate queryClosestCoordinate() {
        return coordinate(queryClosest);
    }

    Coordinate itemClosestCoordinate() {
        return coordinate(itemClosest);
    }

    static Coordinate coordinate(double[] v) {
        return new Coordinate(SphericalEdges.lon(v), SphericalEdges.lat(v));
    }

    final void loadSegment(Segments segments, int s) {
        SphericalEdges.toVector(segments.ax(s), segments.ay(s), a);
        if (segments.ax(s) == segments.bx(s) && segments.ay(s) == segments.by(s)) {
            System.arraycopy(a, 0, b, 0, 3);
        } else {
            SphericalEdges.toVector(segments.bx(s), segments.by(s), b);
        }
    }

    static final class PointQuery extends QueryShape {
        final double lon;
        final double lat;
        private final double[] p = new double[3];

        PointQuery(double lon, double lat) {
            super(new Envelope(lon, lon, lat, lat));
            this.lon = lon;
            this.lat = lat;
            SphericalEdges.toVector(lon, lat, p);
        }

        @Override
        double toSegment(Segments segments, int s) {
            System.arraycopy(p, 0, queryClosest, 0, 3);
            double ax = segments.ax(s);
            double ay = segments.ay(s);
            if (ax == segments.bx(s) && ay == segments.by(s)) {
                // a point item: what pointToEdge gives for an arc of zero length, without measuring it twice
                SphericalEdges.toVector(ax, ay, itemClosest);
                return SphericalEdges.angle(p, itemClosest);
            }
            loadSegment(segments, s);
            return SphericalEdges.pointToEdge(a, b, p, itemClosest, scratch);
        }

        @Override
        Coordinate queryClosestCoordinate() {
            return new Coordinate(lon, lat);
        }
    }

    /**
     * A polygonal query. As in PostGIS, the distance is 0 when the footprint and the item intersect (tested here in
     * the lon/lat plane, as PostGIS does for containment), else the smallest edge-to-edge distance, where the
     * distance between two arcs is the least of the four end-to-arc distances (they do not cross).
     */
    static final class AreaQuery extends QueryShape {
        private static final GeometryFactory FACTORY = new GeometryFactory();
        private final PreparedGeometry prepared;
        private final double[][][] rings; // ring → vertex → unit vector
        private final double[][] edgeBoxes; // ring → 4 per edge: lon/lat box grown by the arc's bulge
        private final double[] qFoot = new double[3];

        AreaQuery(Geometry g) {
            super(g.getEnvelopeInternal());
            prepared = PreparedGeometryFactory.prepare(g);
            int count = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                count += 1 + ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
            }
            rings = new double[count][][];
            edgeBoxes = new double[count][];
            int r = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon poly = (Polygon) g.getGeometryN(i);
                for (int h = -1; h < poly.getNumInteriorRing(); h++) {
                    Coordinate[] cs = (h < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(h)).getCoordinates();
                    rings[r] = vectors(cs);
                    edgeBoxes[r++] = edgeBoxes(cs);
                }
            }
        }

        private static double[] edgeBoxes(Coordinate[] cs) {
            double[] boxes = new double[4 * Math.max(0, cs.length - 1)];
            for (int i = 1; i < cs.length; i++) {
                double grow = Segments.bulge(cs[i - 1].x, cs[i - 1].y, cs[i].x, cs[i].y);
                boxes[4 * i - 4] = Math.min(cs[i - 1].x, cs[i].x);
                boxes[4 * i - 3] = Math.min(cs[i - 1].y, cs[i].y) - grow;
                boxes[4 * i - 2] = Math.max(cs[i - 1].x, cs[i].x);
                boxes[4 * i - 1] = Math.max(cs[i - 1].y, cs[i].y) + grow;
            }
            return boxes;
        }

        private static double[][] vectors(Coordinate[] cs) {
            double[][] v = new double[cs.length][3];
            for (int i = 0; i < cs.length; i++) {
                SphericalEdges.toVector(cs[i].x, cs[i].y, v[i]);
            }
            return v;
        }

        @Override
        double toSegment(Segments segments, int s) {
            double ax = segments.ax(s);
            double ay = segments.ay(s);
            double bx = segments.bx(s);
            double by = segments.by(s);
            if (Math.max(ax, bx) >= envelope.getMinX() && Math.min(ax, bx) <= envelope.getMaxX()
                    && Math.max(ay, by) >= envelope.getMinY() && Math.min(ay, by) <= envelope.getMaxY()) {
                Coordinate hit = intersection(ax, ay, bx, by);
                if (hit != null) {
                    SphericalEdges.toVector(hit.x, hit.y, itemClosest);
                    System.arraycopy(itemClosest, 0, queryClosest, 0, 3);
                    return 0;
                }
            }
            loadSegment(segments, s);
            double grow = Segments.bulge(ax, ay, bx, by);
            double minX = Math.min(ax, bx);
            double minY = Math.min(ay, by) - grow;
            double maxX = Math.max(ax, bx);
            double maxY = Math.max(ay, by) + grow;
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rings.length; r++) {
                double[][] ring = rings[r];
                double[] boxes = edgeBoxes[r];
                for (int i = 1; i < ring.length; i++) {
                    // edges whose box is already farther than the best pair cannot hold a nearer one
                    if (SphericalEdges.boxGap(boxes[4 * i - 4], boxes[4 * i - 3], boxes[4 * i - 2], boxes[4 * i - 1],
                            minX, minY, maxX, maxY) > best) {
                        continue;
                    }
                    double[] q0 = ring[i - 1];
                    double[] q1 = ring[i];
                    best = queryVertex(q0, best);
                    best = queryVertex(q1, best);
                    best = itemVertex(q0, q1, a, best);
                    best = itemVertex(q0, q1, b, best);
                }
            }
            return best;
        }

        /** The distance from a query vertex to the item's segment, if less than {@code best}. */
        private double queryVertex(double[] q, double best) {
            double d = SphericalEdges.pointToEdge(a, b, q, foot, scratch);
            if (d < best) {
                System.arraycopy(q, 0, queryClosest, 0, 3);
                System.arraycopy(foot, 0, itemClosest, 0, 3);
                return d;
            }
            return best;
        }

        /** The distance from an end of the item's segment to the query edge, if less than {@code best}. */
        private double itemVertex(double[] q0, double[] q1, double[] end, double best) {
            double d = SphericalEdges.pointToEdge(q0, q1, end, qFoot, scratch);
            if (d < best) {
                System.arraycopy(qFoot, 0, queryClosest, 0, 3);
                System.arraycopy(end, 0, itemClosest, 0, 3);
                return d;
            }
            return best;
        }

        /** A common point of the footprint and the segment, or null when they are disjoint. */
        private Coordinate intersection(double ax, double ay, double bx, double by) {
            Coordinate ca = new Coordinate(ax, ay);
            Point pa = FACTORY.createPoint(ca);
            if (prepared.intersects(pa)) {
                return ca;
            }
            if (ax == bx && ay == by) {
                return null;
            }
            Coordinate cb = new Coordinate(bx, by);
            Geometry line = FACTORY.createLineString(new Coordinate[] {ca, cb});
            if (!prepared.intersects(line)) {
                return null;
            }
            Coordinate c = prepared.getGeometry().getBoundary().intersection(line).getCoordinate();
            return c != null ? c : cb;
        }
    }
}
