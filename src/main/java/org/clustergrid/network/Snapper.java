package org.clustergrid.network;

import java.util.BitSet;
import org.clustergrid.geo.Geodesic;

/**
 * Finds where a point joins a {@link RoadGraph}: the nearest road segment within the graph's off-road limit, and,
 * when that road is on a fragment ({@link Components}), the nearest one on a non-fragment component too.
 *
 * <p>The cost does not grow with the distance to the roads. A point near a road is settled within a few rings of
 * 250 m cells. Farther out the search moves to coarse cells of {@value EdgeGrid#COARSE}² cells and enters only the
 * cells whose box is nearer than the best segment so far (and than the limit), so empty country costs a lookup per
 * coarse cell, at most the few hundred within the limit. Points beyond the limit from every coarse cell holding a
 * road are turned away by one bit of the <em>reach mask</em>: the occupied coarse cells grown by the limit.
 * Candidates are compared in the plane tangent at the point (ellipsoidal radii), exact to well under 0.1 % within
 * tens of km; the reported off-road distance is geodesic.
 */
final class Snapper {
    /** Rings of fine cells searched around a point before the coarse cells take over. */
    private static final int NEAR_RINGS = 3;
    /** Widest reach mask kept, in coarse cells; larger (a world-wide extent near the poles) goes without. */
    private static final long MAX_MASK_BITS = 1L << 28;

    private final RoadGraph graph;
    private final EdgeGrid grid;
    private final double maxMetres;
    private final BitSet mask;
    private final int maskRing;
    private final int maskWidth;
    private final int maskHeight;

    Snapper(RoadGraph graph, EdgeGrid grid, double maxOffRoadMetres) {
        this.graph = graph;
        this.grid = grid;
        this.maxMetres = maxOffRoadMetres;
        // the fewest metres a coarse cell spans: along a parallel at the highest latitude the limit reaches
        double maxAbsLat = Math.min(89, Math.max(Math.abs(grid.originLat()),
                Math.abs(grid.originLat() + grid.coarseRows() * grid.cell * EdgeGrid.COARSE))
                + maxOffRoadMetres / 110_574.0);
        double coarseMetres = grid.cell * EdgeGrid.COARSE
                * Math.min(Geodesic.metresPerDegreeLon(maxAbsLat), Geodesic.metresPerDegreeLat(0));
        int ring = (int) Math.ceil(maxOffRoadMetres / coarseMetres) + 1;
        long w = grid.coarseColumns() + 2L * ring, h = grid.coarseRows() + 2L * ring;
        if (grid.isEmpty() || w * h > MAX_MASK_BITS) {
            mask = null;
            maskRing = maskWidth = maskHeight = 0;
            return;
        }
        maskRing = ring;
        maskWidth = (int) w;
        maskHeight = (int) h;
        mask = new BitSet((int) (w * h));
        for (int i = 0; i < grid.coarseCount(); i++) {
            int cx = grid.coarseXAt(i), cy = grid.coarseYAt(i);
            for (int y = cy; y <= cy + 2 * ring; y++) { // mask cells are shifted by the ring
                mask.set(y * maskWidth + cx, y * maskWidth + cx + 2 * ring + 1);
            }
        }
    }

    /** Whether a coarse cell holding a road lies within the limit of the point's coarse cell (one bit). */
    boolean mayReach(double lon, double lat) {
        if (mask == null) {
            return true;
        }
        long x = (long) grid.coarseX(lon) + maskRing, y = (long) grid.coarseY(lat) + maskRing;
        return x >= 0 && y >= 0 && x < maskWidth && y < maskHeight && mask.get((int) (y * maskWidth + x));
    }

    /** The snap of a point; null when no road lies within the limit. */
    Snap snap(double lon, double lat) {
        if (grid.isEmpty() || !mayReach(lon, lat)) {
            return null;
        }
        Nearest any = nearest(lon, lat, false);
        if (any.segment < 0) {
            return null;
        }
        Snap network = null;
        boolean fragment = graph.onFragment(graph.segmentEdge(any.segment));
        if (fragment) {
            Nearest main = nearest(lon, lat, true);
            if (main.segment >= 0) {
                network = snapAt(lon, lat, main, null);
            }
        }
        return snapAt(lon, lat, any, network);
    }

    /** Cells looked up plus segments measured by the searches that snap a point: the work a snap costs. */
    int work(double lon, double lat) {
        if (grid.isEmpty() || !mayReach(lon, lat)) {
            return 1;
        }
        Nearest any = nearest(lon, lat, false);
        int work = 1 + any.work;
        if (any.segment >= 0 && graph.onFragment(graph.segmentEdge(any.segment))) {
            work += nearest(lon, lat, true).work;
        }
        return work;
    }

    /**
     * The nearest segment within the limit ({@code segment} -1 when none), on a non-fragment component only when
     * {@code networkOnly}: fine rings around the point first, then coarse rings until no nearer segment can exist.
     */
    private Nearest nearest(double lon, double lat, boolean networkOnly) {
        Nearest best = new Nearest(lon, lat, networkOnly);
        int x = grid.cx(lon), y = grid.cy(lat);
        // after ring r, every unvisited cell is at least r cells plus the point's margin in its own cell away
        double cellMetres = grid.cell * Math.min(best.kx, best.ky) * 0.98;
        double fx = grid.cellFractionX(lon), fy = grid.cellFractionY(lat);
        double margin = Math.min(Math.min(fx, 1 - fx), Math.min(fy, 1 - fy)) * cellMetres;
        int last = grid.lastRing(x, y);
        for (int ring = 0; ring <= Math.min(last, NEAR_RINGS); ring++) {
            grid.visitRing(x, y, ring, best);
            if (Math.sqrt(best.d2) <= ring * cellMetres + margin) {
                return best.withinLimit();
            }
        }
        if (last <= NEAR_RINGS) {
            return best.withinLimit(); // every ring that can hold a segment was searched
        }
        int cx = grid.coarseX(lon), cy = grid.coarseY(lat);
        double coarseMetres = cellMetres * EdgeGrid.COARSE;
        double gx = (x - (double) cx * EdgeGrid.COARSE + fx) / EdgeGrid.COARSE;
        double gy = (y - (double) cy * EdgeGrid.COARSE + fy) / EdgeGrid.COARSE;
        double coarseMargin = Math.min(Math.min(gx, 1 - gx), Math.min(gy, 1 - gy)) * coarseMetres;
        int lastCoarse = grid.lastCoarseRing(cx, cy);
        for (int ring = 0; ring <= lastCoarse; ring++) {
            grid.visitCoarseRing(cx, cy, ring, lon, lat, best);
            if (Math.sqrt(best.d2) <= ring * coarseMetres + coarseMargin) {
                break;
            }
        }
        return best.withinLimit();
    }

    /** The snap of (lon, lat) onto the segment {@code at} found for it. */
    private Snap snapAt(double lon, double lat, Nearest at, Snap network) {
        RoadGraph g = graph;
        int sg = at.segment;
        double uLon = g.vertexLon(g.segmentU(sg)), uLat = g.vertexLat(g.segmentU(sg));
        double footLon = uLon + at.t * (g.vertexLon(g.segmentV(sg)) - uLon);
        double footLat = uLat + at.t * (g.vertexLat(g.segmentV(sg)) - uLat);
        double metres = Geodesic.fastDistance(lon, lat, footLon, footLat);
        int e = g.segmentEdge(sg);
        double fraction = g.fractionAlong(sg, at.t);
        return new Snap(lon, lat, e, fraction, metres, metres / g.speeds().offRoadMetresPerSecond(), footLon, footLat,
                g.componentMetres(e), g.onFragment(e), network);
    }

    /**
     * The share (0–1) of segment {@code sg} at its point nearest to (lon, lat), in the plane tangent there ({@code kx},
     * {@code ky}: metres per degree of longitude and latitude).
     */
    static double nearestShare(RoadGraph g, int sg, double lon, double lat, double kx, double ky) {
        int u = g.segmentU(sg), v = g.segmentV(sg);
        double ax = (g.vertexLon(u) - lon) * kx, ay = (g.vertexLat(u) - lat) * ky;
        double dx = (g.vertexLon(v) - lon) * kx - ax, dy = (g.vertexLat(v) - lat) * ky - ay;
        double len2 = dx * dx + dy * dy;
        return len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    }

    /** Squared metres, in the plane tangent at (lon, lat), from there to the point {@code t} along segment {@code sg}. */
    static double planeDistance2(RoadGraph g, int sg, double t, double lon, double lat, double kx, double ky) {
        int u = g.segmentU(sg), v = g.segmentV(sg);
        double ax = (g.vertexLon(u) - lon) * kx, ay = (g.vertexLat(u) - lat) * ky;
        double dx = (g.vertexLon(v) - lon) * kx - ax, dy = (g.vertexLat(v) - lat) * ky - ay;
        double px = ax + t * dx, py = ay + t * dy;
        return px * px + py * py;
    }

    /** The nearest segment so far, in metres of the tangent plane at the query point; starts at the limit. */
    private final class Nearest implements EdgeGrid.SegmentVisitor {
        final double lon;
        final double lat;
        final double kx;
        final double ky;
        final boolean networkOnly;
        final double limit2;
        int segment = -1;
        double t;
        double d2;
        int work;

        Nearest(double lon, double lat, boolean networkOnly) {
            this.lon = lon;
            this.lat = lat;
            this.kx = Geodesic.metresPerDegreeLon(lat);
            this.ky = Geodesic.metresPerDegreeLat(lat);
            this.networkOnly = networkOnly;
            // a little slack over the limit: the plane and the geodesic differ slightly, the geodesic decides
            this.limit2 = Math.pow(maxMetres * 1.01 + 1, 2);
            this.d2 = limit2;
        }

        /** This, with a segment found only when its geodesic distance is within the limit. */
        Nearest withinLimit() {
            if (segment >= 0) {
                RoadGraph g = graph;
                int u = g.segmentU(segment), v = g.segmentV(segment);
                double footLon = g.vertexLon(u) + t * (g.vertexLon(v) - g.vertexLon(u));
                double footLat = g.vertexLat(u) + t * (g.vertexLat(v) - g.vertexLat(u));
                if (Geodesic.fastDistance(lon, lat, footLon, footLat) > maxMetres) {
                    segment = -1;
                }
            }
            return this;
        }

        @Override
        public void probed() {
            work++;
        }

        @Override
        public boolean wants(double minLon, double minLat, double maxLon, double maxLat) {
            double dx = Math.max(0, Math.max(minLon - lon, lon - maxLon)) * kx;
            double dy = Math.max(0, Math.max(minLat - lat, lat - maxLat)) * ky;
            return dx * dx + dy * dy < d2;
        }

        @Override
        public void visit(int sg) {
            work++;
            RoadGraph g = graph;
            if (networkOnly && g.onFragment(g.segmentEdge(sg))) {
                return;
            }
            double f = nearestShare(g, sg, lon, lat, kx, ky);
            double dd = planeDistance2(g, sg, f, lon, lat, kx, ky);
            if (dd < d2 || dd == d2 && sg < segment) {
                d2 = dd;
                segment = sg;
                t = f;
            }
        }
    }
}
