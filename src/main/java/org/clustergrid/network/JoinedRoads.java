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
    /** The segments of the roads added. */
    private final Segments added;
    /** The segments of the roads before on a fragment then and on the network now (a new road joined them to it). */
    private final Segments joinedFragments;

    /** {@link RoadGraph#joinedFrom}: null unless {@code was}'s vertices and segments are the first of {@code now}'s. */
    static JoinedRoads of(RoadGraph now, RoadGraph was) {
        int m = was.segmentCount();
        int v = was.vertexCount();
        if (m > now.segmentCount() || v > now.vertexCount()) {
            return null;
        }
        for (int sg = 0; sg < m; sg++) {
            if (was.segmentU(sg) != now.segmentU(sg) || was.segmentV(sg) != now.segmentV(sg)) {
                return null;
            }
        }
        for (int x = 0; x < v; x++) {
            if (Double.compare(was.vertexLon(x), now.vertexLon(x)) != 0
                    || Double.compare(was.vertexLat(x), now.vertexLat(x)) != 0) {
                return null;
            }
        }
        return new JoinedRoads(now, was, keptEdges(now, was));
    }

    /**
     * For each edge of {@code was}, the edge of {@code now} that runs along the very same segments from the same
     * vertex to the same vertex, allowed the same ways and timed the same to the bit (so a point on it lies at the
     * same share of it), or −1 where the chain changed (a road joins it midway, or continues it).
     */
    private static int[] keptEdges(RoadGraph now, RoadGraph was) {
        int[] segmentsNow = new int[now.edgeCount()];
        for (int sg = 0; sg < now.segmentCount(); sg++) {
            segmentsNow[now.segmentEdge(sg)]++;
        }
        int[] segmentsWas = new int[was.edgeCount()];
        for (int sg = 0; sg < was.segmentCount(); sg++) {
            segmentsWas[was.segmentEdge(sg)]++;
        }
        int[] kept = new int[was.edgeCount()];
        for (int e = 0; e < kept.length; e++) {
            int first = was.edgeFirstSegment(e);
            int k = now.segmentEdge(first);
            boolean same = now.edgeFirstSegment(k) == first && segmentsNow[k] == segmentsWas[e]
                    && samePlace(now, now.edgeSource(k), was, was.edgeSource(e))
                    && samePlace(now, now.edgeTarget(k), was, was.edgeTarget(e))
                    && now.edgeForward(k) == was.edgeForward(e) && now.edgeBackward(k) == was.edgeBackward(e)
                    && Double.compare(now.edgeSeconds(k), was.edgeSeconds(e)) == 0;
            kept[e] = same ? k : -1;
        }
        return kept;
    }

    /** Whether two nodes are at the same vertex (vertices have unique coordinates). */
    private static boolean samePlace(RoadGraph a, int nodeA, RoadGraph b, int nodeB) {
        return a.nodeLon(nodeA) == b.nodeLon(nodeB) && a.nodeLat(nodeA) == b.nodeLat(nodeB);
    }

    private JoinedRoads(RoadGraph graph, RoadGraph was, int[] keptEdges) {
        this.graph = graph;
        this.keptEdges = keptEdges;
        int before = was.segmentCount();
        added = new Segments(graph, IntStream.range(before, graph.segmentCount()).toArray());
        joinedFragments = new Segments(graph, IntStream.range(0, before).filter(sg -> was.onFragment(
                was.segmentEdge(sg)) && !graph.onFragment(graph.segmentEdge(sg))).toArray());
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
     * renumbered when nothing can have moved it — its edge is kept and no added segment lies as near as that foot —
     * and, on a fragment, the same way into the network when that entry's edge is kept on the network and no added
     * segment, nor one of a fragment the new roads joined to the network, lies as near; else snapped again. What
     * {@link RoadGraph#snap} gives, for less work when the point lies away from the added roads. Null stays null (a
     * position unknown).
     */
    public Snap carry(Snap before) {
        if (before == null) {
            return null;
        }
        double lon = before.lon(), lat = before.lat();
        double limit = graph.maxOffRoadMetres();
        if (!before.onNetwork()) {
            // a road added within the off-road limit may bring it onto the network
            return added.near(lon, lat, limit) ? snap(lon, lat) : before;
        }
        int edge = keptEdges[before.edge()];
        if (edge < 0 || added.near(lon, lat, before.offRoadMetres())) {
            return snap(lon, lat);
        }
        if (!graph.onFragment(edge)) {
            return graph.snapOnEdge(before, edge, null);
        }
        Snap network = before.network();
        if (network == null) { // none within reach before: one may be now, or the point was on the network then
            return !before.onFragment() || added.near(lon, lat, limit) || joinedFragments.near(lon, lat, limit)
                    ? snap(lon, lat) : graph.snapOnEdge(before, edge, null);
        }
        int networkEdge = keptEdges[network.edge()];
        if (networkEdge < 0 || graph.onFragment(networkEdge) || added.near(lon, lat, network.offRoadMetres())
                || joinedFragments.near(lon, lat, network.offRoadMetres())) {
            return snap(lon, lat);
        }
        return graph.snapOnEdge(before, edge, graph.snapOnEdge(network, networkEdge, null));
    }

    /**
     * Whether a point that joined the graph before at {@code before} joins the joined one at {@code now} the same way:
     * by the same kept edges at the same places and off-road legs, on a fragment of the same length or on none — so
     * every trip it starts over unchanged edges takes the same time.
     */
    public boolean joinsAsBefore(Snap before, Snap now) {
        if (before == null || now == null) {
            return before == now;
        }
        if (before.entries().length != now.entries().length || Double.compare(before.lon(), now.lon()) != 0
                || Double.compare(before.lat(), now.lat()) != 0) {
            return false;
        }
        for (int k = 0; k < now.entries().length; k++) {
            Snap b = before.entries()[k];
            Snap n = now.entries()[k];
            if (keptEdges[b.edge()] != n.edge() || Double.compare(b.fraction(), n.fraction()) != 0
                    || Double.compare(b.offRoadSeconds(), n.offRoadSeconds()) != 0
                    || Double.compare(b.offRoadMetres(), n.offRoadMetres()) != 0
                    || b.onFragment() != n.onFragment()
                    || b.onFragment() && Double.compare(b.componentMetres(), n.componentMetres()) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The edges of the joined graph by which those of the targets {@code was} snapped on the graph before that join
     * the joined one otherwise ({@code now}: the same targets first, in the same order, then any added) enter it, and
     * by which they entered (where those edges are kept): a trip to such a target may take another time, or none,
     * though no edge it takes changed.
     */
    public BitSet edgesOfMovedTargets(Snap[] was, Snap[] now) {
        if (now.length < was.length) {
            throw new IllegalArgumentException("targets after: " + now.length + ", fewer than the " + was.length
                    + " before");
        }
        BitSet out = new BitSet(graph.edgeCount());
        for (int i = 0; i < was.length; i++) {
            if (!joinsAsBefore(was[i], now[i])) {
                for (Snap e : now[i] == null ? new Snap[0] : now[i].entries()) {
                    out.set(e.edge());
                }
                for (Snap e : was[i] == null ? new Snap[0] : was[i].entries()) {
                    if (keptEdges[e.edge()] >= 0) {
                        out.set(keptEdges[e.edge()]);
                    }
                }
            }
        }
        return out;
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

    /** Some segments of the joined graph, and their box, to tell a point whether any lies as near as a foot. */
    private static final class Segments {
        private final RoadGraph graph;
        private final int[] segments;
        private double minLon = Double.POSITIVE_INFINITY;
        private double minLat = Double.POSITIVE_INFINITY;
        private double maxLon = Double.NEGATIVE_INFINITY;
        private double maxLat = Double.NEGATIVE_INFINITY;

        Segments(RoadGraph graph, int[] segments) {
            this.graph = graph;
            this.segments = segments;
            for (int sg : segments) {
                for (int v : new int[] {graph.segmentU(sg), graph.segmentV(sg)}) {
                    minLon = Math.min(minLon, graph.vertexLon(v));
                    maxLon = Math.max(maxLon, graph.vertexLon(v));
                    minLat = Math.min(minLat, graph.vertexLat(v));
                    maxLat = Math.max(maxLat, graph.vertexLat(v));
                }
            }
        }

        /**
         * Whether one of the segments may lie within {@code metres} of the point, measured as the snapper measures (in
         * the plane tangent at the point), with slack.
         */
        boolean near(double lon, double lat, double metres) {
            if (segments.length == 0) {
                return false;
            }
            double kx = org.clustergrid.geo.Geodesic.metresPerDegreeLon(lat);
            double ky = org.clustergrid.geo.Geodesic.metresPerDegreeLat(lat);
            double reach = metres * SLACK + SLACK_M;
            double bx = Math.max(0, Math.max(minLon - lon, lon - maxLon)) * kx;
            double by = Math.max(0, Math.max(minLat - lat, lat - maxLat)) * ky;
            if (bx * bx + by * by > reach * reach) {
                return false;
            }
            for (int sg : segments) {
                double t = Snapper.nearestShare(graph, sg, lon, lat, kx, ky);
                if (Snapper.planeDistance2(graph, sg, t, lon, lat, kx, ky) <= reach * reach) {
                    return true;
                }
            }
            return false;
        }
    }
}
