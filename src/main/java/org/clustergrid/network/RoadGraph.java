package org.clustergrid.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.clustergrid.model.Road;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * An immutable road graph in primitive arrays. Nodes are road vertices, merged where coordinates are identical (OSM
 * ways share nodes where they meet); every pair of consecutive vertices is an edge, so snapping lands on the true
 * geometry. Adjacency is compressed sparse rows: the arcs leaving node {@code n} are {@code offsets[n] ..
 * offsets[n+1]-1}. About 70 bytes per segment in all, so a million segments take some 70 MB.
 *
 * <p>Every edge is travelled in both directions at the same speed: {@code oneway} is ignored on purpose, since rural
 * access is two-way (a one-way street costs a detour of metres, a missing reverse arc could strand a village).
 */
public final class RoadGraph {
    private final SpeedProfile speeds;
    private final double[] nodeLon;
    private final double[] nodeLat;
    private final int[] edgeU;
    private final int[] edgeV;
    private final double[] edgeMetres;
    private final double[] edgeSeconds;
    private final int[] edgeRoad;
    private final String[] roadIds;
    private final int[] offsets;
    private final int[] arcTarget;
    private final double[] arcSeconds;
    private final EdgeGrid grid;

    private RoadGraph(SpeedProfile speeds, NodeIndex nodes, EdgeArrays edges, String[] roadIds) {
        this.speeds = speeds;
        this.nodeLon = nodes.lons();
        this.nodeLat = nodes.lats();
        int m = edges.size;
        this.edgeU = Arrays.copyOf(edges.u, m);
        this.edgeV = Arrays.copyOf(edges.v, m);
        this.edgeMetres = Arrays.copyOf(edges.metres, m);
        this.edgeSeconds = Arrays.copyOf(edges.seconds, m);
        this.edgeRoad = Arrays.copyOf(edges.road, m);
        this.roadIds = roadIds;
        int n = nodeLon.length;
        offsets = new int[n + 1];
        for (int e = 0; e < m; e++) {
            offsets[edgeU[e] + 1]++;
            offsets[edgeV[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        arcTarget = new int[2 * m];
        arcSeconds = new double[2 * m];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int e = 0; e < m; e++) {
            int a = fill[edgeU[e]]++;
            arcTarget[a] = edgeV[e];
            arcSeconds[a] = edgeSeconds[e];
            int b = fill[edgeV[e]]++;
            arcTarget[b] = edgeU[e];
            arcSeconds[b] = edgeSeconds[e];
        }
        grid = new EdgeGrid(m, edgeU, edgeV, nodeLon, nodeLat);
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
        NodeIndex nodes = new NodeIndex(expected);
        EdgeArrays edges = new EdgeArrays(expected);
        List<String> ids = new ArrayList<>();
        for (Road r : roads) {
            if (!speeds.routable(r)) {
                continue;
            }
            double mps = speeds.metresPerSecond(r.roadClass(), r.paving());
            int roadIndex = ids.size();
            ids.add(r.id());
            Geometry g = r.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString line) {
                    addLine(line, mps, roadIndex, nodes, edges);
                }
            }
        }
        return new RoadGraph(speeds, nodes, edges, ids.toArray(String[]::new));
    }

    private static void addLine(LineString line, double mps, int road, NodeIndex nodes, EdgeArrays edges) {
        var seq = line.getCoordinateSequence();
        if (seq.size() < 2) {
            return;
        }
        double lon0 = seq.getX(0), lat0 = seq.getY(0);
        int prev = nodes.idOf(lon0, lat0);
        for (int k = 1; k < seq.size(); k++) {
            double lon = seq.getX(k), lat = seq.getY(k);
            int node = nodes.idOf(lon, lat);
            if (node != prev) {
                double metres = EdgeLengths.metres(lon0, lat0, lon, lat);
                edges.add(prev, node, metres, metres / mps, road);
            }
            prev = node;
            lon0 = lon;
            lat0 = lat;
        }
    }

    public SpeedProfile speeds() {
        return speeds;
    }

    public int nodeCount() {
        return nodeLon.length;
    }

    public int edgeCount() {
        return edgeU.length;
    }

    public double nodeLon(int node) {
        return nodeLon[node];
    }

    public double nodeLat(int node) {
        return nodeLat[node];
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

    /** Id of the road the edge belongs to, for evidence. */
    public String edgeRoadId(int edge) {
        return roadIds[edgeRoad[edge]];
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

    /** Nearest point on the network; null when the graph has no edges. */
    public Snap snap(Point p) {
        return snap(p.getX(), p.getY());
    }

    /**
     * Nearest point on the network to a lon/lat point; null when the graph has no edges. Candidates are compared in
     * the plane tangent at the point (ellipsoidal radii), exact to well under 0.1 % within tens of km; the reported
     * off-road distance is geodesic. Searches grid rings outward until no nearer edge can exist.
     */
    public Snap snap(double lon, double lat) {
        if (grid.isEmpty()) {
            return null;
        }
        Nearest best = new Nearest(lon, lat);
        int x = EdgeGrid.cx(lon), y = EdgeGrid.cy(lat);
        double ringMetres = EdgeGrid.CELL * Math.min(best.kx, best.ky) * 0.98;
        int last = grid.lastRing(x, y);
        for (int ring = 0; ring <= last; ring++) {
            grid.visitRing(x, y, ring, best);
            if (best.edge >= 0 && Math.sqrt(best.d2) <= ring * ringMetres) {
                break;
            }
        }
        int e = best.edge;
        double footLon = nodeLon[edgeU[e]] + best.t * (nodeLon[edgeV[e]] - nodeLon[edgeU[e]]);
        double footLat = nodeLat[edgeU[e]] + best.t * (nodeLat[edgeV[e]] - nodeLat[edgeU[e]]);
        double metres = EdgeLengths.metres(lon, lat, footLon, footLat);
        return new Snap(e, best.t, metres, metres / speeds.offRoadMetresPerSecond(), footLon, footLat);
    }

    /** The nearest edge so far, in metres of the tangent plane at the query point. */
    private final class Nearest implements EdgeGrid.EdgeVisitor {
        final double lon;
        final double lat;
        final double kx;
        final double ky;
        int edge = -1;
        double t;
        double d2 = Double.POSITIVE_INFINITY;

        Nearest(double lon, double lat) {
            this.lon = lon;
            this.lat = lat;
            this.kx = EdgeLengths.metresPerDegreeLon(lat);
            this.ky = EdgeLengths.metresPerDegreeLat(lat);
        }

        @Override
        public void visit(int e) {
            double ax = (nodeLon[edgeU[e]] - lon) * kx, ay = (nodeLat[edgeU[e]] - lat) * ky;
            double dx = (nodeLon[edgeV[e]] - lon) * kx - ax, dy = (nodeLat[edgeV[e]] - lat) * ky - ay;
            double len2 = dx * dx + dy * dy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + f * dx, py = ay + f * dy;
            double dd = px * px + py * py;
            if (dd < d2 || dd == d2 && e < edge) {
                d2 = dd;
                edge = e;
                t = f;
            }
        }
    }

    /** Growable edge columns used while building. */
    private static final class EdgeArrays {
        int[] u;
        int[] v;
        double[] metres;
        double[] seconds;
        int[] road;
        int size;

        EdgeArrays(int expected) {
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
