package org.clustergrid.index;

import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.clustergrid.geo.Geodesic;

/**
 * Length of the linear segments inside a geodesic circle. Candidate segments come from a depth-first walk of the
 * tree pruned by the spherical lower bound; each is mapped to the azimuthal equidistant plane around the centre
 * (distance and azimuth from the centre by Karney's inverse, so the circle is exactly a circle there), clipped, and
 * the inside fraction of its geodesic length is added.
 */
final class LengthWithin {
    private static final net.sf.geographiclib.Geodesic WGS84 = net.sf.geographiclib.Geodesic.WGS84;

    private final Segments segments;
    private final FlatRTree tree;
    private final QueryShape.PointQuery centre;
    private final double radius;

    LengthWithin(Segments segments, FlatRTree tree, double lon, double lat, double radius) {
        this.segments = segments;
        this.tree = tree;
        this.centre = new QueryShape.PointQuery(lon, lat);
        this.radius = radius;
    }

    double total() {
        double reach = radius / Geodesic.SPHERE_TO_ELLIPSOID_MIN / Geodesic.MEAN_RADIUS; // radians
        double sum = 0;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = tree.root();
        while (top > 0) {
            int pos = stack[--top];
            if (tree.isLeaf(pos)) {
                int s = tree.entry(pos);
                if (segments.componentLinear[segments.segmentComponent[s]] && centre.toSegment(segments, s) <= reach) {
                    sum += insideLength(s);
                }
                continue;
            }
            for (int child = tree.firstChild(pos), end = tree.childEnd(pos); child < end; child++) {
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
        return t1 > t0 ? length * (t1 - t0) : 0;
    }
}
