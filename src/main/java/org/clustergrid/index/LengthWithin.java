package org.clustergrid.index;

import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.clustergrid.geo.Geodesic;

/**
 * Length of the linear segments inside a geodesic circle. Candidate segments come from a depth-first walk of the
 * tree pruned by the spherical lower bound. Up to {@value #PLANE_RADIUS} m the segments are clipped in the plane
 * tangent at the centre, scaled by the ellipsoid's radii of curvature there (relative error well under 10⁻⁴ at these
 * distances, and no trigonometry per segment, which matters when a dense town puts thousands of segments in the
 * circle); beyond it each segment is mapped to the azimuthal equidistant plane around the centre with Karney's
 * inverse, so the circle stays exactly a circle, and the inside fraction of its geodesic length is added. Lengths are
 * added in whole micrometres: integers add up to the same total in any order, so the length does not depend on how
 * the tree happens to group the segments (an index holding one more road far away gives the same figure).
 */
final class LengthWithin {
    private static final net.sf.geographiclib.Geodesic WGS84 = net.sf.geographiclib.Geodesic.WGS84;
    /** Largest radius measured in the tangent plane. */
    static final double PLANE_RADIUS = 20_000;

    private final Segments segments;
    private final FlatRTree tree;
    private final QueryShape.PointQuery centre;
    private final double radius;
    private final boolean plane;
    /** Metres per degree of longitude and latitude at the centre (prime-vertical and meridional radii). */
    private final double kx;
    private final double ky;

    private final long[] subtreeLengths;

    LengthWithin(Segments segments, FlatRTree tree, long[] subtreeLengths, double lon, double lat, double radius) {
        this.segments = segments;
        this.tree = tree;
        this.subtreeLengths = subtreeLengths;
        this.centre = new QueryShape.PointQuery(lon, lat);
        this.radius = radius;
        this.plane = radius <= PLANE_RADIUS;
        this.kx = Geodesic.metresPerDegreeLon(lat);
        this.ky = Geodesic.metresPerDegreeLat(lat);
    }

    /** The length inside the circle, in whole micrometres. */
    long micrometres() {
        double reach = radius / Geodesic.SPHERE_TO_ELLIPSOID_MIN / Geodesic.MEAN_RADIUS; // radians
        long sum = 0;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = tree.root();
        while (top > 0) {
            int pos = stack[--top];
            if (tree.isLeaf(pos)) {
                int s = tree.entry(pos);
                if (segments.componentLinear[segments.segmentComponent[s]]) {
                    if (plane) {
                        // a segment wholly inside adds what a whole node inside adds for it: the same figure
                        // either way, so the total does not depend on which nodes the tree makes
                        double fraction = insideFractionInPlane(s);
                        sum += fraction == 1 ? subtreeLengths[pos] : micrometres(planeLength(s) * fraction);
                    } else if (centre.toSegment(segments, s) <= reach) {
                        sum += micrometres(insideLength(s));
                    }
                }
                continue;
            }
            for (int child = tree.firstChild(pos), end = tree.childEnd(pos); child < end; child++) {
                if (plane && !tree.isLeaf(child) && boxInside(child)) {
                    sum += subtreeLengths[child]; // a whole node inside the circle: no need to clip its segments
                    continue;
                }
                if (tree.isLeaf(child) || centre.lowerBound(tree.minX(child), tree.minY(child), tree.maxX(child),
                        tree.maxY(child)) <= reach) {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child;
                }
            }
        }
        return sum;
    }

    /** Whether a node's box lies wholly inside the circle (all four corners, in the tangent plane). */
    private boolean boxInside(int node) {
        double x0 = (tree.minX(node) - centre.lon) * kx;
        double x1 = (tree.maxX(node) - centre.lon) * kx;
        double y0 = (tree.minY(node) - centre.lat) * ky;
        double y1 = (tree.maxY(node) - centre.lat) * ky;
        double r2 = radius * radius;
        return x0 * x0 + y0 * y0 <= r2 && x0 * x0 + y1 * y1 <= r2 && x1 * x1 + y0 * y0 <= r2
                && x1 * x1 + y1 * y1 <= r2;
    }

    /**
     * Each segment's length in whole micrometres if it belongs to a linear item (0 otherwise), in the plane tangent at
     * its midpoint: the figures the whole-node shortcut adds, as close to the clipped sums as the plane itself.
     */
    static long[] linearSegmentLengths(Segments segments) {
        long[] out = new long[segments.count()];
        for (int s = 0; s < out.length; s++) {
            if (segments.componentLinear[segments.segmentComponent[s]]) {
                out[s] = micrometres(Geodesic.fastDistance(segments.ax(s), segments.ay(s), segments.bx(s),
                        segments.by(s)));
            }
        }
        return out;
    }

    static long micrometres(double metres) {
        return Math.round(metres * 1e6);
    }

    /** Share of segment {@code s} inside the circle, in the tangent plane. */
    private double insideFractionInPlane(int s) {
        double x0 = (segments.ax(s) - centre.lon) * kx;
        double y0 = (segments.ay(s) - centre.lat) * ky;
        double dx = (segments.bx(s) - centre.lon) * kx - x0;
        double dy = (segments.by(s) - centre.lat) * ky - y0;
        return insideFraction(x0, y0, dx, dy);
    }

    /** Length of segment {@code s} in metres in the tangent plane. */
    private double planeLength(int s) {
        double dx = (segments.bx(s) - segments.ax(s)) * kx;
        double dy = (segments.by(s) - segments.ay(s)) * ky;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Share of the segment p0 + t·d, t in [0, 1], inside the circle of {@code radius} around the origin. */
    private double insideFraction(double x0, double y0, double dx, double dy) {
        // |p0 + t·d| = r  →  qa·t² + 2·qb·t + qc = 0
        double qa = dx * dx + dy * dy;
        double qb = x0 * dx + y0 * dy;
        double qc = x0 * x0 + y0 * y0 - radius * radius;
        double disc = qb * qb - qa * qc;
        if (qa == 0 || disc <= 0) {
            return 0;
        }
        double root = Math.sqrt(disc);
        double t0 = Math.max(0, (-qb - root) / qa);
        double t1 = Math.min(1, (-qb + root) / qa);
        return t1 > t0 ? t1 - t0 : 0;
    }

    private double insideLength(int s) {
        double ax = segments.ax(s);
        double ay = segments.ay(s);
        double bx = segments.bx(s);
        double by = segments.by(s);
        if (ax == bx && ay == by) {
            return 0;
        }
        GeodesicData da = WGS84.Inverse(centre.lat, centre.lon, ay, ax, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        GeodesicData db = WGS84.Inverse(centre.lat, centre.lon, by, bx, GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        double length = Geodesic.distance(ax, ay, bx, by);
        if (da.s12 <= radius && db.s12 <= radius) {
            return length;
        }
        double x0 = da.s12 * Math.sin(Math.toRadians(da.azi1));
        double y0 = da.s12 * Math.cos(Math.toRadians(da.azi1));
        double dx = db.s12 * Math.sin(Math.toRadians(db.azi1)) - x0;
        double dy = db.s12 * Math.cos(Math.toRadians(db.azi1)) - y0;
        return length * insideFraction(x0, y0, dx, dy);
    }
}
