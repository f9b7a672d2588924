package org.clustergrid.network;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A road graph built from another one's roads with roads added after them ({@link RoadGraph#joinedFrom}), and what
 * carries over from the one to the other: the edges that run along the same segments between the same vertices, timed
 * the same ({@link #keptEdge}), and the snaps of points that nothing added can have moved ({@link #carry}). Vertex
 * and segment numbers are the same in both; node and edge numbers are not.
 */
public final class JoinedRoads {
    /** Slack on the plane distance to an added segment, as the snapper's on its limit. */
    private static final double SLACK = 1.02;
    private static final double SLACK_M = 1;

    private final RoadGraph graph;
    private final int[] keptEdges;
    private final int firstAdded;
    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;

    JoinedRoads(RoadGraph graph, int[] keptEdges, int firstAdded) {
        this.graph = graph;
        this.keptEdges = keptEdges;
        this.firstAdded = firstAdded;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int sg = firstAdded; sg < graph.segmentCount(); sg++) {
            for (int v : new int[] {graph.segmentU(sg), graph.segmentV(sg)}) {
                x0 = Math.min(x0, graph.vertexLon(v));
                x1 = Math.max(x1, graph.vertexLon(v));
                y0 = Math.min(y0, graph.vertexLat(v));
                y1 = Math.max(y1, graph.vertexLat(v));
            }
        }
        minLon = x0;
        minLat = y0;
        maxLon = x1;
        maxLat = y1;
    }

    /** The graph with the roads added. */
    public RoadGraph graph() {
        return graph;
    }

    /** The edge of the joined graph an edge of the graph before became, unchanged; −1 where its chain changed. */
    public int keptEdge(int edgeBefore) {
        return keptEdges[edgeBefore];
    }

    /** The edges of the joined graph that are no edge of the graph before, unchanged: added, split or continued. */
    public BitSet changedEdges() {
        BitSet changed = new BitSet(graph.edgeCount());
        changed.set(0, graph.edgeCount());
        for (int e : keptEdges) {
            if (e >= 0) {
                changed.clear(e);
            }
        }
        return changed;
    }

    /**
     * Where a point that joined the graph before at {@code before} joins the joined one: the same foot on its edge
     * renumbered when nothing added can have moved it — its edge is kept, on no fragment before or now, and no added
     * segment lies as near as that foot — else snapped again. What {@link RoadGraph#snap} gives, for less work when
     * the point lies away from the added roads. Null stays null (a position unknown).
     */
    public Snap carry(Snap before) {
        if (before == null) {
            return null;
        }
        double lon = before.lon(), lat = before.lat();
        if (!before.onNetwork()) {
            // a road added within the off-road limit may bring it onto the network
            return nearAdded(lon, lat, graph.maxOffRoadMetres()) ? snap(lon, lat) : before;
        }
        int edge = keptEdges[before.edge()];
        if (edge < 0 || before.onFragment() || graph.onFragment(edge) || nearAdded(lon, lat, before.offRoadMetres())) {
            return snap(lon, lat);
        }
        return graph.snapOnEdge(before, edge);
    }

    /** {@link #carry} of each, in parallel. */
    public Snap[] carry(Snap[] before) {
        Snap[] out = new Snap[before.length];
        IntStream.range(0, before.length).parallel().forEach(i -> out[i] = carry(before[i]));
        return out;
    }

    private Snap snap(double lon, double lat) {
        Snap s = graph.snap(lon, lat);
        return s != null ? s : Snap.offNetwork(lon, lat);
    }

    /**
     * Whether an added segment may lie within {@code metres} of the point, measured as the snapper measures (in the
     * plane tangent at the point), with slack.
     */
    private boolean nearAdded(double lon, double lat, double metres) {
        double kx = org.clustergrid.geo.Geodesic.metresPerDegreeLon(lat);
        double ky = org.clustergrid.geo.Geodesic.metresPerDegreeLat(lat);
        double reach = metres * SLACK + SLACK_M;
        double bx = Math.max(0, Math.max(minLon - lon, lon - maxLon)) * kx;
        double by = Math.max(0, Math.max(minLat - lat, lat - maxLat)) * ky;
        if (bx * bx + by * by > reach * reach) {
            return false;
        }
        for (int sg = firstAdded; sg < graph.segmentCount(); sg++) {
            int u = graph.segmentU(sg), v = graph.segmentV(sg);
            double ax = (graph.vertexLon(u) - lon) * kx, ay = (graph.vertexLat(u) - lat) * ky;
            double dx = (graph.vertexLon(v) - lon) * kx - ax, dy = (graph.vertexLat(v) - lat) * ky - ay;
            double len2 = dx * dx + dy * dy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double px = ax + f * dx, py = ay + f * dy;
            if (px * px + py * py <= reach * reach) {
                return true;
            }
        }
        return false;
    }
}
