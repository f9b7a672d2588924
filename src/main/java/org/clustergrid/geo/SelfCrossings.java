package org.clustergrid.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * Counts where a polygon's rings cross, stopping past a bound. Repairing a polygon costs about its crossings, and a
 * scribbled ring of n vertices crosses itself up to n²/2 times (2,000 random vertices: half a million crossings,
 * about a minute of {@link org.locationtech.jts.geom.util.GeometryFixer}); this tells in O(n log n) whether a repair
 * stays cheap.
 */
public final class SelfCrossings {
    private SelfCrossings() {}

    /** True when the rings of {@code g}'s polygons cross one another or themselves more than {@code max} times. */
    public static boolean exceed(Geometry g, int max) {
        List<SegmentString> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                add(rings, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    add(rings, p.getInteriorRingN(h));
                }
            }
        }
        Counter counter = new Counter(max);
        MCIndexNoder noder = new MCIndexNoder();
        noder.setSegmentIntersector(counter);
        noder.computeNodes(rings);
        return counter.count > max;
    }

    private static void add(List<SegmentString> rings, LinearRing ring) {
        if (ring.getNumPoints() > 3) {
            rings.add(new NodedSegmentString(ring.getCoordinates(), null));
        }
    }

    /** Counts intersections other than the shared ends of neighbouring segments; done once past the bound. */
    private static final class Counter implements SegmentIntersector {
        private final RobustLineIntersector li = new RobustLineIntersector();
        private final int max;
        private int count;

        Counter(int max) {
            this.max = max;
        }

        @Override
        public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
            if (a == b && (Math.abs(i - j) <= 1 || isClosingPair(a, i, j))) {
                return;
            }
            li.computeIntersection(a.getCoordinate(i), a.getCoordinate(i + 1), b.getCoordinate(j),
                    b.getCoordinate(j + 1));
            if (li.hasIntersection()) {
                count++;
            }
        }

        private static boolean isClosingPair(SegmentString s, int i, int j) {
            int last = s.size() - 2;
            return Math.min(i, j) == 0 && Math.max(i, j) == last;
        }

        @Override
        public boolean isDone() {
            return count > max;
        }
    }
}
