package org.clustergrid.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.clustergrid.geo.Geodesic;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Nearest-item and within-distance queries in WGS84 geodesic metres over points, lines and polygons in lon/lat
 * (EPSG:4326), agreeing with PostGIS {@code ST_Distance(a::geography, b::geography)} (spheroid).
 *
 * <p><b>Method.</b> Every geometry is cut into segments (a point is a segment of length 0) held in primitive arrays
 * and indexed in a packed Hilbert R-tree ({@link FlatRTree}): about 46 bytes a segment, so 1.3 million road
 * segments take 61 MB and build in about 1.2 s. A query walks the tree best-first: nodes ordered by a lower bound of the great-circle
 * distance to their box, segments by their exact great-circle distance, computed as PostGIS geography does (closest
 * point on the great-circle arc, latitude as spherical latitude). The first time a line, ring or point is reached is
 * its closest segment on the sphere; the answer for it is then the ellipsoidal distance (Karney, GeographicLib) from
 * the query to that closest point, which is exactly how PostGIS measures. The walk stops when the next sphere
 * distance, times 0.99 (the least ratio of ellipsoidal to spherical distance), exceeds the best answer, so the true
 * nearest is never missed. Points inside a polygonal item, and footprints that intersect an item, are at 0 m.
 *
 * <p><b>Agreement.</b> On the Pokhara extract (500 query points and 41 cluster footprints against six layers, see
 * {@code NearestVsPostgisTest}) the nearest item is PostGIS's (or one at the same distance) and the distances differ
 * from {@code ST_Distance(geography)} by at most 0.2 mm; {@link #within} finds the same items as
 * {@code ST_DWithin(geography)}. PostGIS's own KNN ({@code <->}) ranks in degrees or on the sphere and so may return
 * a farther item: see {@code src/bench/knn-bench.sh}.
 *
 * <p>Immutable once built: any number of threads may query at once.
 */
public final class NearestIndex<T> {
    private static final double KMIN = Geodesic.SPHERE_TO_ELLIPSOID_MIN;
    private static final double R = Geodesic.MEAN_RADIUS;

    private final List<T> items;
    private final Segments segments;
    private final FlatRTree tree;
    /** Per tree position, the length in metres of the linear segments below it (for whole nodes inside a circle). */
    private final long[] linearLengths;
    private final STRtree areas; // polygonal items, for "inside is 0 m"
    private final Map<Integer, PreparedGeometry> preparedAreas;
    /** Whether item i is segment i (points only): then {@link #forEachWithin} needs no reduction per item. */
    private final boolean oneSegmentItems;
    /** Items after this index's own, indexed apart ({@link #plus}); null for none. */
    private final NearestIndex<T> more;
    /** Which of an own and an added item at the same distance comes first (lower first); null: the own one. */
    private final ToIntFunction<T> tieOrder;

    private NearestIndex(List<T> items, Segments segments, STRtree areas, Map<Integer, PreparedGeometry> preparedAreas) {
        this.items = items;
        this.segments = segments;
        this.tree = new FlatRTree(segments.boxes());
        this.linearLengths = tree.subtreeSums(LengthWithin.linearSegmentLengths(segments));
        this.areas = areas;
        this.preparedAreas = preparedAreas;
        boolean one = segments.count() == items.size();
        for (int i = 0; one && i < segments.count(); i++) {
            one = segments.componentItem[segments.segmentComponent[i]] == i;
        }
        this.oneSegmentItems = one;
        this.more = null;
        this.tieOrder = null;
    }

    private NearestIndex(NearestIndex<T> base, NearestIndex<T> more, ToIntFunction<T> tieOrder) {
        this.items = base.items;
        this.segments = base.segments;
        this.tree = base.tree;
        this.linearLengths = base.linearLengths;
        this.areas = base.areas;
        this.preparedAreas = base.preparedAreas;
        this.oneSegmentItems = base.oneSegmentItems;
        this.more = more;
        this.tieOrder = tieOrder;
    }

    /**
     * This index with {@code added} after its items, answering every query as an index built over all of them would
     * (the same items, distances and order, ties to the first given, the same lengths within a radius); only the added
     * items are indexed, so a few features added to a layer of millions cost next to nothing.
     */
    public NearestIndex<T> plus(Collection<T> added, Function<T, Geometry> geometry) {
        if (more == null) {
            return new NearestIndex<>(this, build(added, geometry), null);
        }
        if (tieOrder != null) {
            throw new IllegalStateException("items placed among an index's own are added once");
        }
        List<T> all = new ArrayList<>(more.items);
        all.addAll(added);
        return new NearestIndex<>(this, build(all, geometry), null);
    }

    /** Whether items were added to this index by {@link #plus}. */
    public boolean extended() {
        return more != null;
    }

    /**
     * As {@link #plus(Collection, Function)} for items that come among this index's own in an index built anew (a
     * road that becomes all-season when paved): of two items at the same distance, the one {@code order} puts first
     * wins, as the first given wins in one index. {@code added} must be in that order too.
     */
    public NearestIndex<T> plus(Collection<T> added, Function<T, Geometry> geometry, ToIntFunction<T> order) {
        if (more != null) {
            throw new IllegalStateException("items are added to an index once");
        }
        return new NearestIndex<>(this, build(added, geometry), order);
    }

    /** Whether an added item comes before an own item at the same distance. */
    private boolean addedFirst(Nearest<T> added, Nearest<T> own) {
        return added.metres() < own.metres() || (added.metres() == own.metres() && tieOrder != null
                && tieOrder.applyAsInt(added.item()) < tieOrder.applyAsInt(own.item()));
    }

    /**
     * Indexes the items by their geometries (lon/lat; points, lines, polygons and their multi forms; items with a
     * null or empty geometry are left out). Takes O(n log n) in the number of segments.
     */
    public static <T> NearestIndex<T> build(Collection<T> items, Function<T, Geometry> geometry) {
        List<T> list = new ArrayList<>(items.size());
        Segments.Builder builder = new Segments.Builder();
        STRtree areas = new STRtree();
        Map<Integer, PreparedGeometry> prepared = new HashMap<>();
        for (T item : items) {
            Geometry g = geometry.apply(item);
            if (g == null || g.isEmpty()) {
                continue;
            }
            int n = list.size();
            list.add(item);
            if (builder.add(n, g)) {
                areas.insert(g.getEnvelopeInternal(), n);
                prepared.put(n, PreparedGeometryFactory.prepare(g));
            }
        }
        areas.build(); // built now: a lazily built STRtree is not safe for concurrent queries
        return new NearestIndex<>(List.copyOf(list), builder.build(), areas, Map.copyOf(prepared));
    }

    public int size() {
        return items.size() + (more == null ? 0 : more.size());
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Number of indexed segments (a point counts as one). */
    public int segmentCount() {
        return segments.count() + (more == null ? 0 : more.segmentCount());
    }

    /** Approximate heap taken by the index's arrays, excluding the items themselves. */
    public long memoryBytes() {
        return segments.memoryBytes() + tree.memoryBytes();
    }

    /**
     * The item nearest to a Point or (Multi)Polygon query, with its geodesic distance (0 when they intersect); on a
     * tie, the first of the tied items in the order they were given. Empty only when the index is empty.
     */
    public Optional<Nearest<T>> nearest(Geometry query) {
        return nearest(query, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #nearest(Geometry)} when the nearest item is within {@code metres} (geodesic), else empty: the search
     * never measures what lies farther, so a question of "is anything that near, and how near" costs about as much as
     * one nearest search however many items lie within the radius.
     */
    public Optional<Nearest<T>> nearest(Geometry query, double metres) {
        // an area holding the query comes first, as in one index: the first such of the own items, then of the added
        Nearest<T> inside = firstIntersectingArea(query);
        Nearest<T> addedInside = more == null ? null : more.firstIntersectingArea(query);
        if (addedInside != null && (inside == null || addedFirst(addedInside, inside))) {
            return Optional.of(addedInside);
        }
        if (inside != null) {
            return Optional.of(inside);
        }
        Optional<Nearest<T>> own = nearestBySegments(query, metres);
        if (more == null) {
            return own;
        }
        Optional<Nearest<T>> added = more.nearestBySegments(query, metres);
        return added.isPresent() && (own.isEmpty() || addedFirst(added.get(), own.get())) ? added : own;
    }

    /**
     * The nearest of the own items by their segments, no area holding the query, if within {@code limit}: the walk
     * is best-first, so everything a search without the limit looks at before it stops lies within it, and the
     * answer is the same.
     */
    private Optional<Nearest<T>> nearestBySegments(Geometry query, double limit) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Nearest<T>> found = search(QueryShape.of(query), limit, true, true);
        return inOrder(found).stream().findFirst();
    }

    /** All items within {@code metres} (geodesic) of a Point or (Multi)Polygon query, nearest first. */
    public List<Nearest<T>> within(Geometry query, double metres) {
        return within(query, metres, true);
    }

    /**
     * As {@link #within(Geometry, double)}; with {@code ellipsoidal} false the distances are great-circle ones on the
     * mean sphere (within 0.5 % of the geodesic), which skips the ellipsoidal solution per item found: for weights
     * that decay smoothly with distance (E2SFCA), where millions of pairs make that solution most of the cost.
     */
    public List<Nearest<T>> within(Geometry query, double metres, boolean ellipsoidal) {
        List<Nearest<T>> own = ownWithin(query, metres, ellipsoidal);
        if (more == null) {
            return own;
        }
        // both nearest first, ties in the items' order: merged so
        List<Nearest<T>> added = more.within(query, metres, ellipsoidal);
        List<Nearest<T>> out = new ArrayList<>(own.size() + added.size());
        int a = 0;
        for (Nearest<T> o : own) {
            while (a < added.size() && addedFirst(added.get(a), o)) {
                out.add(added.get(a++));
            }
            out.add(o);
        }
        out.addAll(added.subList(a, added.size()));
        return out;
    }

    private List<Nearest<T>> ownWithin(Geometry query, double metres, boolean ellipsoidal) {
        QueryShape shape = QueryShape.of(query);
        Map<Integer, Nearest<T>> found = items.isEmpty() ? new HashMap<>() : search(shape, metres, false, ellipsoidal);
        for (Object o : areas.query(query.getEnvelopeInternal())) {
            int i = (Integer) o;
            if (preparedAreas.get(i).intersects(query)) {
                found.put(i, new Nearest<>(items.get(i), 0, commonPoint(i, query)));
            }
        }
        return inOrder(found);
    }

    /**
     * The items found, nearest first, ties in the order the items were given: the same winner whatever else the
     * index holds (an index with one more road must not pick another of two equally near roads).
     */
    private List<Nearest<T>> inOrder(Map<Integer, Nearest<T>> found) {
        List<Map.Entry<Integer, Nearest<T>>> entries = new ArrayList<>(found.entrySet());
        entries.sort(Comparator.comparingDouble((Map.Entry<Integer, Nearest<T>> e) -> e.getValue().metres())
                .thenComparingInt(Map.Entry::getKey));
        List<Nearest<T>> list = new ArrayList<>(entries.size());
        entries.forEach(e -> list.add(e.getValue()));
        return list;
    }

    /** Receives an item found near a query: its position in the index ({@link #item}) and its distance in metres. */
    public interface WithinVisitor {
        void visit(int item, double metres);
    }

    /**
     * The items and great-circle distances {@link #within(Geometry, double, boolean) within(query, metres, false)}
     * finds, in no particular order and without an object per item (see {@link SphereWithin}): for sums over millions
     * of pairs. The same values for a point query or point items; a footprint's distance to a line or ring may come
     * out a few centimetres less, being the least over all its segments (see {@link SphereWithin}).
     */
    public void forEachWithin(Geometry query, double metres, WithinVisitor visitor) {
        ownForEachWithin(query, metres, visitor);
        if (more != null) {
            int offset = items.size();
            more.forEachWithin(query, metres, (item, m) -> visitor.visit(offset + item, m));
        }
    }

    private void ownForEachWithin(Geometry query, double metres, WithinVisitor visitor) {
        QueryShape shape = QueryShape.of(query);
        List<Integer> inside = new ArrayList<>(0);
        for (Object o : areas.query(query.getEnvelopeInternal())) {
            if (preparedAreas.get((Integer) o).intersects(query)) {
                inside.add((Integer) o);
            }
        }
        if (tree.size() > 0) {
            SphereWithin.visit(segments, tree, shape, metres, oneSegmentItems, inside.isEmpty() ? visitor
                    : (item, m) -> {
                        if (!inside.contains(item)) {
                            visitor.visit(item, m);
                        }
                    });
        }
        for (int i : inside) {
            visitor.visit(i, 0);
        }
    }

    /** The item at a position of the index, as {@link WithinVisitor} numbers them. */
    public T item(int position) {
        return position < items.size() ? items.get(position) : more.item(position - items.size());
    }

    /**
     * Total geodesic length in metres of the linear items' parts within {@code metres} of {@code p} (road length
     * density). Segments are clipped to the circle in an azimuthal equidistant plane around {@code p} (exact for
     * distances from {@code p}; the segments' slight curvature there is negligible at the radii of a few kilometres
     * this is used with), and the inside fraction of each segment's geodesic length is summed.
     */
    public double lineLengthWithin(Point p, double metres) {
        return micrometresWithin(p, metres) / 1e6;
    }

    /** {@link #lineLengthWithin} in whole micrometres, of this index's own items and any added. */
    private long micrometresWithin(Point p, double metres) {
        long own = tree.size() == 0 ? 0
                : new LengthWithin(segments, tree, linearLengths, p.getX(), p.getY(), metres).micrometres();
        return more == null ? own : own + more.micrometresWithin(p, metres);
    }

    private Nearest<T> firstIntersectingArea(Geometry query) {
        int first = Integer.MAX_VALUE;
        for (Object o : areas.query(query.getEnvelopeInternal())) {
            int i = (Integer) o;
            if (i < first && preparedAreas.get(i).intersects(query)) {
                first = i; // the first in the items' order, as for any other tie
            }
        }
        return first == Integer.MAX_VALUE ? null : new Nearest<>(items.get(first), 0, commonPoint(first, query));
    }

    /** A point shared by polygonal item {@code i} and a query known to intersect it. */
    private Coordinate commonPoint(int i, Geometry query) {
        return query instanceof Point
                ? query.getCoordinate()
                : preparedAreas.get(i).getGeometry().intersection(query).getCoordinate();
    }

    /**
     * Best-first walk over nodes and segments keyed by their box bound, segments once more by their exact
     * great-circle distance (encoded as {@code -1 - position}), so only segments that may matter are measured.
     * Returns each item's distance (least over its lines, rings and points) for the items within {@code limit}
     * metres, or, when {@code nearestOnly}, at least the nearest item.
     */
    private Map<Integer, Nearest<T>> search(QueryShape q, double limit, boolean nearestOnly, boolean ellipsoidal) {
        Map<Integer, Nearest<T>> found = new HashMap<>();
        if (tree.size() == 0) {
            return found;
        }
        MinHeap heap = new MinHeap();
        IntSet seen = new IntSet();
        int root = tree.root();
        // at one key, boxes before segments and segments in their order: which of an item's equally near segments is
        // measured first (its closest point) is then the same in any tree holding it
        heap.add(R * q.lowerBound(tree.minX(root), tree.minY(root), tree.maxX(root), tree.maxY(root)), -1, root);
        while (!heap.isEmpty() && heap.peekKey() * KMIN <= limit) {
            double key = heap.peekKey();
            int value = heap.poll();
            if (value >= 0 && tree.isLeaf(value)) {
                // a segment reached by its box: measure it exactly and queue it again by that distance
                double exact = R * q.toSegment(segments, tree.entry(value));
                if (exact * KMIN <= limit) {
                    heap.add(exact, tree.entry(value), -1 - value);
                }
            } else if (value < 0) {
                int s = tree.entry(-1 - value);
                int component = segments.segmentComponent[s];
                if (!seen.add(component)) {
                    continue; // a nearer segment of this line or ring was measured already
                }
                q.toSegment(segments, s);
                Coordinate c = q.itemClosestCoordinate();
                double m = 0;
                if (key > 0 && !ellipsoidal) {
                    m = key; // the great-circle distance the segment was queued by
                } else if (key > 0) {
                    Coordinate qc = q.queryClosestCoordinate();
                    m = Geodesic.distance(qc.x, qc.y, c.x, c.y);
                }
                if (m > limit) {
                    continue;
                }
                int item = segments.componentItem[component];
                Nearest<T> old = found.get(item);
                if (old == null || m < old.metres()) {
                    found.put(item, new Nearest<>(items.get(item), m, c));
                }
                if (nearestOnly) {
                    limit = Math.min(limit, m);
                }
            } else {
                for (int child = tree.firstChild(value), end = tree.childEnd(value); child < end; child++) {
                    double k = R * q.lowerBound(tree.minX(child), tree.minY(child), tree.maxX(child), tree.maxY(child));
                    if (k * KMIN <= limit) {
                        heap.add(k, -1, child);
                    }
                }
            }
        }
        return found;
    }
}
