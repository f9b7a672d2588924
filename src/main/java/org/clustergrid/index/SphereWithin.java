package org.clustergrid.index;

import java.util.Arrays;

/**
 * The items within a great-circle distance of a query, measured as {@link NearestIndex#within(org.locationtech.jts
 * .geom.Geometry, double, boolean)} measures without the ellipsoid — the same distance to each segment on the mean
 * sphere, the same bound and pruning — but by a depth-first walk of the tree instead of a best-first one, and without
 * a list, map or coordinate per item found: no order is needed when the pairs feed sums (E2SFCA), and for millions of
 * pairs the queue and the objects were most of the cost.
 *
 * <p>An item of several segments gets its least distance over all the segments within reach. The best-first walk
 * takes the first one it reaches instead, the same one whenever the box bounds are true bounds; a footprint's box is
 * not quite one, as its edges bulge poleward beyond it (centimetres for a 3 km edge), so there a line or ring may come
 * out a little nearer here.
 */
final class SphereWithin {
    private static final double KMIN = org.clustergrid.geo.Geodesic.SPHERE_TO_ELLIPSOID_MIN;
    private static final double R = org.clustergrid.geo.Geodesic.MEAN_RADIUS;

    private SphereWithin() {}

    /**
     * Visits every item one of whose segments lies within {@code limit} metres of the query with its least such
     * distance; when {@code oneSegmentItems} (every item a single point) each segment found is an item, else the
     * segments found are reduced to their item's least distance first. Items the query lies in or crosses are left to
     * the caller (their distance is 0 whatever the segments say).
     */
    static void visit(Segments segments, FlatRTree tree, QueryShape q, double limit, boolean oneSegmentItems,
            NearestIndex.WithinVisitor visitor) {
        IndexedValues hits = oneSegmentItems ? null : new IndexedValues();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = tree.root();
        while (top > 0) {
            int pos = stack[--top];
            for (int child = tree.firstChild(pos), end = tree.childEnd(pos); child < end; child++) {
                double k = R * q.lowerBound(tree.minX(child), tree.minY(child), tree.maxX(child), tree.maxY(child));
                if (k * KMIN > limit) {
                    continue;
                }
                if (!tree.isLeaf(child)) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child;
                    continue;
                }
                int s = tree.entry(child);
                double metres = R * q.toSegment(segments, s);
                if (metres > limit) {
                    continue;
                }
                int item = segments.componentItem[segments.segmentComponent[s]];
                if (hits == null) {
                    visitor.visit(item, metres);
                } else {
                    hits.add(item, metres);
                }
            }
        }
        if (hits != null) {
            hits.sortByIndex();
            visitLeast(hits, visitor);
        }
    }

    /** Each item of the segments found (sorted by item) with its least distance. */
    private static void visitLeast(IndexedValues hits, NearestIndex.WithinVisitor visitor) {
        for (int k = 0; k < hits.size(); ) {
            int item = hits.index(k);
            double least = hits.value(k);
            for (k++; k < hits.size() && hits.index(k) == item; k++) {
                least = Math.min(least, hits.value(k));
            }
            visitor.visit(item, least);
        }
    }
}
