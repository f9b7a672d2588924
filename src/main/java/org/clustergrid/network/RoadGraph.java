package org.clustergrid.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.Road;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * An immutable road graph in primitive arrays. Road vertices merge where coordinates are identical (OSM ways share
 * nodes where they meet). Every pair of consecutive vertices is a <em>segment</em>, kept for snapping onto the true
 * geometry; routing runs on <em>nodes</em> — vertices where roads meet or end (degree ≠ 2) — joined by <em>edges</em>,
 * each a chain of segments between two nodes. OSM roads have several vertices per junction, so this cuts the nodes a
 * search must settle several-fold. Adjacency is compressed sparse rows: the arcs leaving node {@code n} are
 * {@code offsets[n] .. offsets[n+1]-1}. About 70 bytes per segment in all.
 *
 * <p>Every edge is travelled in both directions at the same speed: {@code oneway} is ignored on purpose, since rural
 * access is two-way (a one-way street costs a detour of metres, a missing reverse arc could strand a village).
 */
public final class RoadGraph {
    private final SpeedProfile speeds;
    // vertices and segments: geometry, for snapping
    private final double[] vertexLon;
    private final double[] vertexLat;
    private final int[] segU;
    private final int[] segV;
    private final double[] segSeconds;
    private final int[] segRoad;
    private final int[] segEdge;
    private final double[] segOffset; // seconds from the edge's source node to the segment's first end along the edge
    private final boolean[] segForward; // whether segU → segV runs from the edge's source towards its target
    private final String[] roadIds;
    // nodes and edges: the routing graph
    private final int[] nodeVertex;
    private final int[] edgeU;
    private final int[] edgeV;
    private final double[] edgeMetres;
    private final double[] edgeSeconds;
    private final int[] edgeFirstSegment;
    private final int[] offsets;
    private final int[] arcTarget;
    private final double[] arcSeconds;
    private final EdgeGrid grid;
    /** The routable roads in a geodesic R-tree: finds the network quickly from points far from any road. */
    private final NearestIndex<Road> farIndex;
    private final Envelope extent = new Envelope();

    private RoadGraph(SpeedProfile speeds, NodeIndex vertices, SegmentArrays segs, String[] roadIds,
            List<Road> routable) {
        this.speeds = speeds;
        this.farIndex = NearestIndex.build(routable, Road::geometry);
        for (Road r : routable) {
            extent.expandToInclude(r.geometry().getEnvelopeInternal());
        }
        this.roadIds = roadIds;
        vertexLon = vertices.lons();
        vertexLat = vertices.lats();
        int m = segs.size;
        segU = Arrays.copyOf(segs.u, m);
        segV = Arrays.copyOf(segs.v, m);
        double[] segMetres = Arrays.copyOf(segs.metres, m);
        segSeconds = Arrays.copyOf(segs.seconds, m);
        segRoad = Arrays.copyOf(segs.road, m);
        Chains chains = new Chains(vertexLon.length, segU, segV, segMetres, segSeconds);
        segEdge = chains.segEdge;
        segOffset = chains.segOffset;
        segForward = chains.segForward;
        int[] newId = spatialOrder(chains.nodeVertex, chains.nodeCount, vertexLon, vertexLat);
        nodeVertex = new int[chains.nodeCount];
        for (int i = 0; i < chains.nodeCount; i++) {
            nodeVertex[newId[i]] = chains.nodeVertex[i];
        }
        int e = chains.edgeCount;
        edgeU = new int[e];
        edgeV = new int[e];
        for (int i = 0; i < e; i++) {
            edgeU[i] = newId[chains.edgeU[i]];
            edgeV[i] = newId[chains.edgeV[i]];
        }
        edgeMetres = Arrays.copyOf(chains.edgeMetres, e);
        edgeSeconds = Arrays.copyOf(chains.edgeSeconds, e);
        edgeFirstSegment = Arrays.copyOf(chains.edgeFirstSegment, e);
        int n = nodeVertex.length;
        offsets = new int[n + 1];
        for (int i = 0; i < e; i++) {
            offsets[edgeU[i] + 1]++;
            offsets[edgeV[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        arcTarget = new int[2 * e];
        arcSeconds = new double[2 * e];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int i = 0; i < e; i++) {
            int a = fill[edgeU[i]]++;
            arcTarget[a] = edgeV[i];
            arcSeconds[a] = edgeSeconds[i];
            int b = fill[edgeV[i]]++;
            arcTarget[b] = edgeU[i];
            arcSeconds[b] = edgeSeconds[i];
        }
        grid = new EdgeGrid(m, segU, segV, vertexLon, vertexLat);
    }

    /**
     * New node ids in Z-order (Morton) of their coordinates over the data's extent, so that nodes near each other
     * on the ground sit near each other in the arrays a search walks: fewer cache misses on large graphs.
     */
    private static int[] spatialOrder(int[] nodeVertex, int n, double[] lons, double[] lats) {
        double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minLon = Math.min(minLon, lons[nodeVertex[i]]);
            maxLon = Math.max(maxLon, lons[nodeVertex[i]]);
            minLat = Math.min(minLat, lats[nodeVertex[i]]);
            maxLat = Math.max(maxLat, lats[nodeVertex[i]]);
        }
        double sx = 32767 / Math.max(maxLon - minLon, 1e-9), sy = 32767 / Math.max(maxLat - minLat, 1e-9);
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long x = spread((int) ((lons[nodeVertex[i]] - minLon) * sx));
            long y = spread((int) ((lats[nodeVertex[i]] - minLat) * sy));
            keyed[i] = ((x | (y << 1)) << 32) | i;
        }
        Arrays.sort(keyed);
        int[] newId = new int[n];
        for (int rank = 0; rank < n; rank++) {
            newId[(int) keyed[rank]] = rank;
        }
        return newId;
    }

    /** The low 15 bits of v moved to the even bit positions. */
    private static long spread(int v) {
        long x = v & 0x7FFFL;
        x = (x | (x << 8)) & 0x00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0FL;
        x = (x | (x << 2)) & 0x33333333L;
        return (x | (x << 1)) & 0x55555555L;
    }

    /**
     * Builds the graph of the routable roads ({@link SpeedProfile#routable(Road)}); LineStrings and MultiLineStrings
     * in EPSG:4326, other geometries are ignored. Linear in the number of vertices.
     */
    public static RoadGraph build(Collection<Road> roads, SpeedProfile speeds) {
        Objects.requireNonNull(speeds, "speeds");
        long vertices = 0;
        for (Road r : roads) {
            vertices += r.geometry().getNumPoints();
        }
        int expected = (int) Math.min(Integer.MAX_VALUE / 4, vertices);
        NodeIndex index = new NodeIndex(expected);
        SegmentArrays segs = new SegmentArrays(expected);
        List<String> ids = new ArrayList<>();
        List<Road> routable = new ArrayList<>();
        for (Road r : roads) {
            if (!speeds.routable(r)) {
                continue;
            }
            routable.add(r);
            double mps = speeds.metresPerSecond(r.roadClass(), r.paving());
            int roadIndex = ids.size();
            ids.add(r.id());
            Geometry g = r.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString line) {
                    addLine(line, mps, roadIndex, index, segs);
                }
            }
        }
        return new RoadGraph(speeds, index, segs, ids.toArray(String[]::new), routable);
    }

    private static void addLine(LineString line, double mps, int road, NodeIndex index, SegmentArrays segs) {
        var seq = line.getCoordinateSequence();
        if (seq.size() < 2) {
            return;
        }
        double lon0 = seq.getX(0), lat0 = seq.getY(0);
        int prev = index.idOf(lon0, lat0);
        for (int k = 1; k < seq.size(); k++) {
            double lon = seq.getX(k), lat = seq.getY(k);
            int vertex = index.idOf(lon, lat);
            if (vertex != prev) {
                double metres = Geodesic.fastDistance(lon0, lat0, lon, lat);
                segs.add(prev, vertex, metres, metres / mps, road);
            }
            prev = vertex;
            lon0 = lon;
            lat0 = lat;
        }
    }

    public SpeedProfile speeds() {
        return speeds;
    }

    public int nodeCount() {
        return nodeVertex.length;
    }

    public int edgeCount() {
        return edgeU.length;
    }

    /** Road segments (pairs of consecutive vertices), the finest unit of the network. */
    public int segmentCount() {
        return segU.length;
    }

    public double nodeLon(int node) {
        return vertexLon[nodeVertex[node]];
    }

    public double nodeLat(int node) {
        return vertexLat[nodeVertex[node]];
    }

    /** The edge's first node (its "source" in pgRouting's terms; the edge is two-way all the same). */
    public int edgeSource(int edge) {
        return edgeU[edge];
    }

    public int edgeTarget(int edge) {
        return edgeV[edge];
    }

    public double edgeMetres(int edge) {
        return edgeMetres[edge];
    }

    public double edgeSeconds(int edge) {
        return edgeSeconds[edge];
    }

    /** Id of the road the edge starts on (an edge may run through several roads joined end to end), for evidence. */
    public String edgeRoadId(int edge) {
        return roadIds[segRoad[edgeFirstSegment[edge]]];
    }

    /** Seconds from a snapped point to the edge's source node: off-road leg plus the part of the edge behind it. */
    public double secondsToSource(Snap s) {
        return s.offRoadSeconds() + s.fraction() * edgeSeconds[s.edge()];
    }

    /** Seconds from a snapped point to the edge's target node. */
    public double secondsToTarget(Snap s) {
        return s.offRoadSeconds() + (1 - s.fraction()) * edgeSeconds[s.edge()];
    }

    // CSR arrays for the searches in this package; not copied, never modified.
    int[] offsets() {
        return offsets;
    }

    int[] arcTargets() {
        return arcTarget;
    }

    double[] arcSeconds() {
        return arcSeconds;
    }

    /**
     * Farthest a point may lie from the nearest road and still join the network: 50 km is ten hours' walk, beyond
     * which a travel time over these roads means nothing (e.g. a town of another country in a world-wide list).
     */
    public static final double MAX_SNAP_METRES = 50_000;

    /** Nearest point on the network; null when the graph has no edges. */
    public Snap snap(Point p) {
        return snap(p.getX(), p.getY());
    }

    /**
     * Nearest point on the network to a lon/lat point; null when the graph has no edges or none lies within
     * {@value #MAX_SNAP_METRES} m. Candidate segments are compared in the plane tangent at the point (ellipsoidal
     * radii), exact to well under 0.1 % within tens of km; the reported off-road distance is geodesic. Searches grid
     * rings outward until no nearer edge can exist.
     */
    public Snap snap(double lon, double lat) {
        if (grid.isEmpty()) {
            return null;
        }
        Nearest best = nearestSegment(lon, lat, NEAR_RINGS);
        if (best.segment < 0) {
            if (beyondReach(lon, lat)) {
                return null;
            }
            // no road within a few cells: the R-tree finds the nearest road point, the grid then its segment
            var far = farIndex.nearest(GF.createPoint(new Coordinate(lon, lat)));
            if (far.isEmpty() || far.get().metres() > MAX_SNAP_METRES) {
                return null;
            }
            Nearest onRoad = nearestSegment(far.get().closest().x, far.get().closest().y, Integer.MAX_VALUE);
            return snapAt(lon, lat, onRoad);
        }
        return snapAt(lon, lat, best);
    }

    /**
     * Whether a point is more than {@value #MAX_SNAP_METRES} m outside the network's extent: a cheap test that spares
     * the R-tree points on other continents, where its distance bounds are too loose to prune.
     */
    private boolean beyondReach(double lon, double lat) {
        double dLat = MAX_SNAP_METRES / 110_574.0; // metres per degree of latitude at the equator, the fewest
        double maxAbsLat = Math.min(89, Math.max(Math.abs(extent.getMinY()), Math.abs(extent.getMaxY())) + dLat);
        double dLon = dLat / Math.cos(Math.toRadians(maxAbsLat));
        return lat < extent.getMinY() - dLat || lat > extent.getMaxY() + dLat
                || lon < extent.getMinX() - dLon || lon > extent.getMaxX() + dLon;
    }

    /** Rings of grid cells searched around a point before the R-tree takes over. */
    private static final int NEAR_RINGS = 3;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * The nearest segment found by searching grid rings outward (at most {@code maxRings}) until no nearer one can
     * exist; {@code segment} is -1 when the search stopped before settling.
     */
    private Nearest nearestSegment(double lon, double lat, int maxRings) {
        Nearest best = new Nearest(lon, lat);
        int x = grid.cx(lon), y = grid.cy(lat);
        // after ring r, every unvisited cell is at least r cells plus the point's margin in its own cell away
        double cellMetres = grid.cell * Math.min(best.kx, best.ky) * 0.98;
        double fx = grid.cellFractionX(lon), fy = grid.cellFractionY(lat);
        double margin = Math.min(Math.min(fx, 1 - fx), Math.min(fy, 1 - fy)) * cellMetres;
        int last = Math.min(grid.lastRing(x, y), maxRings);
        for (int ring = 0; ring <= last; ring++) {
            grid.visitRing(x, y, ring, best);
            if (best.segment >= 0 && Math.sqrt(best.d2) <= ring * cellMetres + margin) {
                return best;
            }
        }
        if (last < maxRings) {
            return best; // every ring that can hold a segment was searched
        }
        best.segment = -1;
        return best;
    }

    /** The snap of (lon, lat) onto the segment {@code at} was found for (the point itself or its nearest road point). */
    private Snap snapAt(double lon, double lat, Nearest best) {
        int sg = best.segment;
        double footLon = vertexLon[segU[sg]] + best.t * (vertexLon[segV[sg]] - vertexLon[segU[sg]]);
        double footLat = vertexLat[segU[sg]] + best.t * (vertexLat[segV[sg]] - vertexLat[segU[sg]]);
        double metres = Geodesic.fastDistance(lon, lat, footLon, footLat);
        int e = segEdge[sg];
        double along = segOffset[sg] + (segForward[sg] ? best.t : 1 - best.t) * segSeconds[sg];
        double fraction = Math.max(0, Math.min(1, along / edgeSeconds[e]));
        return new Snap(e, fraction, metres, metres / speeds.offRoadMetresPerSecond(), footLon, footLat);
    }

    /** The nearest segment so far, in metres of the tangent plane at the query point. */
    private final class Nearest implements EdgeGrid.SegmentVisitor {
        final double lon;
        final double lat;
        final double kx;
        final double ky;
        int segment = -1;
        double t;
        double d2 = Double.POSITIVE_INFINITY;

        Nearest(double lon, double lat) {
            this.lon = lon;
            this.lat = lat;
            this.kx = Geodesic.metresPerDegreeLon(lat);
            this.ky = Geodesic.metresPerDegreeLat(lat);
        }

        @Override
        public void visit(int sg) {
            double ax = (vertexLon[segU[sg]] - lon) * kx, ay = (vertexLat[segU[sg]] - lat) * ky;
            double dx = (vertexLon[segV[sg]] - lon) * kx - ax, dy = (vertexLat[segV[sg]] - lat) * ky - ay;
            double len2 = dx * dx + dy * dy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + f * dx, py = ay + f * dy;
            double dd = px * px + py * py;
            if (dd < d2 || dd == d2 && sg < segment) {
                d2 = dd;
                segment = sg;
                t = f;
            }
        }
    }

    /** Growable segment columns used while building. */
    private static final class SegmentArrays {
        int[] u;
        int[] v;
        double[] metres;
        double[] seconds;
        int[] road;
        int size;

        SegmentArrays(int expected) {
            int cap = Math.max(16, expected);
            u = new int[cap];
            v = new int[cap];
            metres = new double[cap];
            seconds = new double[cap];
            road = new int[cap];
        }

        void add(int a, int b, double m, double s, int r) {
            if (size == u.length) {
                int cap = size * 2;
                u = Arrays.copyOf(u, cap);
                v = Arrays.copyOf(v, cap);
                metres = Arrays.copyOf(metres, cap);
                seconds = Arrays.copyOf(seconds, cap);
                road = Arrays.copyOf(road, cap);
            }
            u[size] = a;
            v[size] = b;
            metres[size] = m;
            seconds[size] = s;
            road[size] = r;
            size++;
        }
    }
}
