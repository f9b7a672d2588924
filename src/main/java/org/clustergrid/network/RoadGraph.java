package org.clustergrid.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Road;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * An immutable road graph in primitive arrays. Road vertices merge where coordinates are identical (OSM ways share
 * nodes where they meet). Every pair of consecutive vertices is a <em>segment</em>, kept for snapping onto the true
 * geometry; routing runs on <em>nodes</em> — vertices where roads meet or end (degree ≠ 2), or where a one-way road
 * turns two-way — joined by <em>edges</em>, each a chain of segments between two nodes. OSM roads have several
 * vertices per junction, so this cuts the nodes a search must settle several-fold.
 *
 * <p>One-way roads ({@link RoadDirection}) are respected: an edge has an arc from its source to its target when it may
 * be driven that way, and one back when it may be driven back. Adjacency is compressed sparse rows, once for the arcs
 * as they are ({@code offsets[n] .. offsets[n+1]-1} leave node {@code n}) and once reversed (arriving at {@code n}),
 * so that a search can run towards its sources. The off-road legs are symmetric: walking needs no one-way rule.
 *
 * <p>Points join the network by {@link #snap} (see {@link Snapper}) within the off-road limit; the connected
 * components ({@link Components}) tell a fragment from the network.
 */
public final class RoadGraph {
    /**
     * Default farthest a point may lie from the nearest road and still join the network (the profile's
     * {@code max_off_road_m}): 50 km is ten hours' walk, beyond which a travel time over these roads means nothing.
     */
    public static final double DEFAULT_MAX_OFF_ROAD_METRES = 50_000;

    private final SpeedProfile speeds;
    private final double maxOffRoadMetres;
    // vertices and segments: geometry, for snapping
    private final double[] vertexLon;
    private final double[] vertexLat;
    private final int[] segU;
    private final int[] segV;
    private final double[] segMetres;
    private final double[] segSeconds;
    private final int[] segRoad;
    private final byte[] segDir;
    private final int[] segEdge;
    private final double[] segOffset; // seconds from the edge's source node to the segment's first end along the edge
    private final boolean[] segForward; // whether segU → segV runs from the edge's source towards its target
    private final String[] roadIds;
    private final int[] roadInput; // each road's position among the roads the graph was built from
    // nodes and edges: the routing graph
    private final int[] nodeVertex;
    private final int[] edgeU;
    private final int[] edgeV;
    private final double[] edgeMetres;
    private final double[] edgeSeconds;
    private final boolean[] edgeForward;
    private final boolean[] edgeBackward;
    private final int[] edgeFirstSegment;
    private final Csr out;
    private final Csr in;
    private final Components components;
    private final EdgeGrid grid;
    private final Snapper snapper;

    private volatile int[][] edgeSegments; // edge → its segments, made on first use (routes, other speeds)
    /** Road → its segments, made on first use (upgrades) and shared with the graphs made with other speeds. */
    private final java.util.concurrent.atomic.AtomicReference<RoadSegments> segmentsByRoad;

    /** Arcs in compressed sparse rows: those of node n are {@code offsets[n] .. offsets[n+1]-1}, each on an edge. */
    record Csr(int[] offsets, int[] targets, double[] seconds, int[] edges) {}

    private RoadGraph(SpeedProfile speeds, double maxOffRoadMetres, NodeIndex vertices, SegmentColumns segs,
            String[] roadIds, int[] roadInput) {
        this(speeds, maxOffRoadMetres, vertices.lons(), vertices.lats(), Arrays.copyOf(segs.u, segs.size),
                Arrays.copyOf(segs.v, segs.size), Arrays.copyOf(segs.metres, segs.size),
                Arrays.copyOf(segs.seconds, segs.size), Arrays.copyOf(segs.road, segs.size),
                Arrays.copyOf(segs.dir, segs.size), roadIds, roadInput);
    }

    /** The graph of these segments. */
    private RoadGraph(SpeedProfile speeds, double maxOffRoadMetres, double[] vertexLon, double[] vertexLat,
            int[] segU, int[] segV, double[] segMetres, double[] segSeconds, int[] segRoad, byte[] segDir,
            String[] roadIds, int[] roadInput) {
        this.speeds = speeds;
        this.maxOffRoadMetres = maxOffRoadMetres;
        this.roadIds = roadIds;
        this.roadInput = roadInput;
        this.vertexLon = vertexLon;
        this.vertexLat = vertexLat;
        int m = segU.length;
        this.segU = segU;
        this.segV = segV;
        this.segMetres = segMetres;
        this.segSeconds = segSeconds;
        this.segRoad = segRoad;
        this.segDir = segDir;
        Chains chains = new Chains(vertexLon.length, segU, segV, segMetres, segSeconds, segDir);
        segEdge = chains.segEdge;
        segOffset = chains.segOffset;
        segForward = chains.segForward;
        int[] newId = MortonOrder.newIds(chains.nodeVertex, chains.nodeCount, vertexLon, vertexLat);
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
        edgeForward = Arrays.copyOf(chains.edgeForward, e);
        edgeBackward = Arrays.copyOf(chains.edgeBackward, e);
        edgeFirstSegment = Arrays.copyOf(chains.edgeFirstSegment, e);
        out = arcs(false);
        in = arcs(true);
        components = new Components(nodeVertex.length, edgeU, edgeV, edgeMetres);
        grid = new EdgeGrid(m, segU, segV, vertexLon, vertexLat);
        snapper = new Snapper(this, grid, maxOffRoadMetres);
        segmentsByRoad = new java.util.concurrent.atomic.AtomicReference<>();
    }

    /**
     * {@code base} with other segment times on {@code changed} edges: the same segments, vertices and directions, so
     * the chains, node and edge numbers, snapping grid and components are the same and shared. Each changed edge's
     * times are summed again along its chain in the order the chains were walked, so they are the very numbers a
     * build would give.
     */
    private RoadGraph(RoadGraph base, double[] segSeconds, BitSet changed) {
        speeds = base.speeds;
        maxOffRoadMetres = base.maxOffRoadMetres;
        roadIds = base.roadIds;
        roadInput = base.roadInput;
        segmentsByRoad = base.segmentsByRoad;
        vertexLon = base.vertexLon;
        vertexLat = base.vertexLat;
        segU = base.segU;
        segV = base.segV;
        segMetres = base.segMetres;
        this.segSeconds = segSeconds;
        segRoad = base.segRoad;
        segDir = base.segDir;
        segEdge = base.segEdge;
        segForward = base.segForward;
        nodeVertex = base.nodeVertex;
        edgeU = base.edgeU;
        edgeV = base.edgeV;
        edgeMetres = base.edgeMetres;
        edgeForward = base.edgeForward;
        edgeBackward = base.edgeBackward;
        edgeFirstSegment = base.edgeFirstSegment;
        segOffset = base.segOffset.clone();
        edgeSeconds = base.edgeSeconds.clone();
        int[][] bySegment = base.segmentsOfEdges();
        for (int e = changed.nextSetBit(0); e >= 0; e = changed.nextSetBit(e + 1)) {
            // the chain's order: offsets grow along it (every segment takes some time)
            Integer[] chain = Arrays.stream(bySegment[e]).boxed().toArray(Integer[]::new);
            Arrays.sort(chain, (a, b) -> Double.compare(base.segOffset[a], base.segOffset[b]));
            double t = 0;
            for (int sg : chain) {
                segOffset[sg] = t;
                t += segSeconds[sg];
            }
            edgeSeconds[e] = t;
        }
        edgeSegments = base.edgeSegments;
        out = retimed(base.out);
        in = retimed(base.in);
        components = base.components;
        grid = base.grid;
        snapper = new Snapper(this, grid, maxOffRoadMetres);
    }

    /** The same arcs with their edges' times now. */
    private Csr retimed(Csr arcs) {
        double[] seconds = new double[arcs.edges().length];
        for (int a = 0; a < seconds.length; a++) {
            seconds[a] = edgeSeconds[arcs.edges()[a]];
        }
        return new Csr(arcs.offsets(), arcs.targets(), seconds, arcs.edges());
    }

    /**
     * The same roads with some driven at other speeds (road id → metres per second): an upgrade that keeps each
     * road's geometry, direction and routability. Vertices, segments, edges and nodes keep their numbers; the
     * snapping grid and the components are shared; segment, edge and arc times are those {@link #build} would give
     * the upgraded roads. Ids of roads not in the graph are ignored.
     */
    public RoadGraph withSpeeds(Map<String, Double> metresPerSecond) {
        double[] seconds = segSeconds.clone();
        BitSet edges = new BitSet(edgeU.length);
        segmentsByRoad().forEachSegment(metresPerSecond.keySet(), sg -> {
            seconds[sg] = segMetres[sg] / metresPerSecond.get(roadIds[segRoad[sg]]);
            edges.set(segEdge[sg]);
        });
        return new RoadGraph(this, seconds, edges);
    }

    /** Whether the two graphs have the same nodes and edges by number (one made from the other with other speeds). */
    public boolean sameShape(RoadGraph other) {
        return other.nodeVertex == nodeVertex && other.edgeU == edgeU;
    }

    /**
     * This graph as {@code was} with roads added ({@link JoinedRoads}): built from {@code was}'s roads with others
     * added after them. Null when {@code was}'s vertices and segments are not the first of this graph's in the same
     * order (its roads were not all kept, or changed where they run): then nothing of it carries over.
     */
    public JoinedRoads joinedFrom(RoadGraph was) {
        return JoinedRoads.of(this, was);
    }

    /** The edges that run along any of these roads, by edge number. */
    public BitSet edgesOf(Set<String> roads) {
        BitSet edges = new BitSet(edgeU.length);
        segmentsByRoad().forEachSegment(roads, sg -> edges.set(segEdge[sg]));
        return edges;
    }

    /** Each road's segments, found once for this graph and those made from it with other speeds. */
    private RoadSegments segmentsByRoad() {
        RoadSegments r = segmentsByRoad.get();
        if (r == null) {
            segmentsByRoad.compareAndSet(null, RoadSegments.of(roadIds, segRoad));
            r = segmentsByRoad.get();
        }
        return r;
    }

    /**
     * The nodes at either end of an edge that runs, for at least one segment, along a road {@code accepted} takes (by
     * the road's position among those the graph was built from).
     */
    public BitSet nodesOnRoads(IntPredicate accepted) {
        boolean[] taken = new boolean[roadIds.length];
        for (int r = 0; r < roadIds.length; r++) {
            taken[r] = accepted.test(roadInput[r]);
        }
        BitSet nodes = new BitSet(nodeVertex.length);
        for (int sg = 0; sg < segRoad.length; sg++) {
            if (taken[segRoad[sg]]) {
                nodes.set(edgeU[segEdge[sg]]);
                nodes.set(edgeV[segEdge[sg]]);
            }
        }
        return nodes;
    }

    /**
     * The roads these edges run along, each once, in the order the edges are given: their positions among the
     * roads the graph was built from.
     */
    public int[] roadsAlong(int[] edges) {
        int[][] bySegment = segmentsOfEdges();
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        for (int e : edges) {
            for (int sg : bySegment[e]) {
                out.add(roadInput[segRoad[sg]]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[][] segmentsOfEdges() {
        int[][] made = edgeSegments;
        if (made == null) {
            int[] count = new int[edgeU.length];
            for (int e : segEdge) {
                count[e]++;
            }
            made = new int[edgeU.length][];
            for (int e = 0; e < made.length; e++) {
                made[e] = new int[count[e]];
                count[e] = 0;
            }
            for (int sg = 0; sg < segEdge.length; sg++) {
                made[segEdge[sg]][count[segEdge[sg]]++] = sg;
            }
            edgeSegments = made;
        }
        return made;
    }

    /** The arcs leaving each node, or with {@code reversed} those arriving at it (pointing back to their start). */
    private Csr arcs(boolean reversed) {
        int n = nodeVertex.length;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < edgeU.length; i++) {
            if (edgeForward[i]) {
                offsets[(reversed ? edgeV[i] : edgeU[i]) + 1]++;
            }
            if (edgeBackward[i]) {
                offsets[(reversed ? edgeU[i] : edgeV[i]) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] targets = new int[offsets[n]];
        double[] seconds = new double[offsets[n]];
        int[] edges = new int[offsets[n]];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int i = 0; i < edgeU.length; i++) {
            if (edgeForward[i]) {
                int from = reversed ? edgeV[i] : edgeU[i];
                int a = fill[from]++;
                targets[a] = reversed ? edgeU[i] : edgeV[i];
                seconds[a] = edgeSeconds[i];
                edges[a] = i;
            }
            if (edgeBackward[i]) {
                int from = reversed ? edgeU[i] : edgeV[i];
                int a = fill[from]++;
                targets[a] = reversed ? edgeV[i] : edgeU[i];
                seconds[a] = edgeSeconds[i];
                edges[a] = i;
            }
        }
        return new Csr(offsets, targets, seconds, edges);
    }

    /** As {@link #build(Collection, SpeedProfile, double)} with the default off-road limit. */
    public static RoadGraph build(Collection<Road> roads, SpeedProfile speeds) {
        return build(roads, speeds, DEFAULT_MAX_OFF_ROAD_METRES);
    }

    /**
     * Builds the graph of the routable roads ({@link SpeedProfile#routable(Road)}); LineStrings and MultiLineStrings
     * in EPSG:4326, other geometries are ignored. Points farther than {@code maxOffRoadMetres} from every road do not
     * join it. Linear in the number of vertices, but for sorting the grid cells.
     */
    public static RoadGraph build(Collection<Road> roads, SpeedProfile speeds, double maxOffRoadMetres) {
        Objects.requireNonNull(speeds, "speeds");
        if (!(maxOffRoadMetres > 0) || Double.isInfinite(maxOffRoadMetres)) {
            throw new IllegalArgumentException("max off-road metres must be positive and finite: " + maxOffRoadMetres);
        }
        long vertices = 0;
        for (Road r : roads) {
            vertices += r.geometry().getNumPoints();
        }
        int expected = (int) Math.min(Integer.MAX_VALUE / 4, vertices);
        NodeIndex index = new NodeIndex(expected);
        SegmentColumns segs = new SegmentColumns(expected);
        List<String> ids = new ArrayList<>();
        int[] input = new int[roads.size()];
        int position = -1;
        for (Road r : roads) {
            position++;
            if (!speeds.routable(r)) {
                continue;
            }
            input[ids.size()] = position;
            double mps = speeds.metresPerSecond(r.roadClass(), r.paving());
            byte dir = RoadDirection.of(r);
            int roadIndex = ids.size();
            ids.add(r.id());
            Geometry g = r.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString line) {
                    addLine(line, mps, roadIndex, dir, index, segs);
                }
            }
        }
        return new RoadGraph(speeds, maxOffRoadMetres, index, segs, ids.toArray(String[]::new),
                Arrays.copyOf(input, ids.size()));
    }

    /**
     * What {@link #build} gives for this graph's roads, some driven at other speeds ({@code metresPerSecond}, road id →
     * m/s, as {@link #withSpeeds}), with {@code added} after them, the first of them at position {@code firstPosition}
     * among all the roads: this graph's vertices and segments kept as they are and the added roads' put after them,
     * a vertex of this graph taken where an added road passes through its very coordinates — so the coordinates are
     * not indexed again nor the segments measured again; the chains, nodes, edges, grid and components are made anew.
     */
    public RoadGraph withRoads(Map<String, Double> metresPerSecond, List<Road> added, int firstPosition) {
        org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope();
        added.forEach(r -> box.expandToInclude(r.geometry().getEnvelopeInternal()));
        // the vertices of this graph the added roads may pass through, by their coordinates
        java.util.Map<Place, Integer> at = new java.util.HashMap<>();
        for (int v = 0; v < vertexLon.length; v++) {
            if (box.contains(vertexLon[v], vertexLat[v])) {
                at.put(Place.of(vertexLon[v], vertexLat[v]), v);
            }
        }
        int[] count = {vertexLon.length};
        List<double[]> appended = new ArrayList<>();
        VertexNumbers numbers = (lon, lat) -> at.computeIfAbsent(Place.of(lon, lat), k -> {
            appended.add(new double[] {lon, lat});
            return count[0]++;
        });
        int m = segU.length;
        SegmentColumns segs = new SegmentColumns(m + 64);
        double[] seconds = segSeconds.clone();
        segmentsByRoad().forEachSegment(metresPerSecond.keySet(), sg ->
                seconds[sg] = segMetres[sg] / metresPerSecond.get(roadIds[segRoad[sg]]));
        for (int sg = 0; sg < m; sg++) {
            segs.add(segU[sg], segV[sg], segMetres[sg], seconds[sg], segRoad[sg], segDir[sg]);
        }
        List<String> ids = new ArrayList<>(Arrays.asList(roadIds));
        int[] input = Arrays.copyOf(roadInput, roadIds.length + added.size());
        for (int i = 0; i < added.size(); i++) {
            Road r = added.get(i);
            if (!speeds.routable(r)) {
                continue;
            }
            input[ids.size()] = firstPosition + i;
            int roadIndex = ids.size();
            ids.add(r.id());
            double mps = speeds.metresPerSecond(r.roadClass(), r.paving());
            byte dir = RoadDirection.of(r);
            Geometry g = r.geometry();
            for (int k = 0; k < g.getNumGeometries(); k++) {
                if (g.getGeometryN(k) instanceof LineString line) {
                    addLine(line, mps, roadIndex, dir, numbers, segs);
                }
            }
        }
        double[] lons = Arrays.copyOf(vertexLon, count[0]);
        double[] lats = Arrays.copyOf(vertexLat, count[0]);
        for (int i = 0; i < appended.size(); i++) {
            lons[vertexLon.length + i] = appended.get(i)[0];
            lats[vertexLon.length + i] = appended.get(i)[1];
        }
        return new RoadGraph(speeds, maxOffRoadMetres, lons, lats, Arrays.copyOf(segs.u, segs.size),
                Arrays.copyOf(segs.v, segs.size), Arrays.copyOf(segs.metres, segs.size),
                Arrays.copyOf(segs.seconds, segs.size), Arrays.copyOf(segs.road, segs.size),
                Arrays.copyOf(segs.dir, segs.size), ids.toArray(String[]::new), Arrays.copyOf(input, ids.size()));
    }

    /** A vertex's place by its coordinates' bits, as {@link NodeIndex} tells places apart. */
    private record Place(long x, long y) {
        static Place of(double lon, double lat) {
            return new Place(NodeIndex.bits(lon), NodeIndex.bits(lat));
        }
    }

    /** Numbers vertices by their coordinates while a graph is built. */
    interface VertexNumbers {
        /** The vertex at these coordinates, numbered now if new. */
        int idOf(double lon, double lat);
    }

    private static void addLine(LineString line, double mps, int road, byte dir, VertexNumbers index,
            SegmentColumns segs) {
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
                segs.add(prev, vertex, metres, metres / mps, road, dir);
            }
            prev = vertex;
            lon0 = lon;
            lat0 = lat;
        }
    }

    public SpeedProfile speeds() {
        return speeds;
    }

    /** Farthest a point may lie from the nearest road and still join the network, and longest direct off-road leg. */
    public double maxOffRoadMetres() {
        return maxOffRoadMetres;
    }

    public Components components() {
        return components;
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

    /** The edge's first node (its "source" in pgRouting's terms). */
    public int edgeSource(int edge) {
        return edgeU[edge];
    }

    public int edgeTarget(int edge) {
        return edgeV[edge];
    }

    /** Whether the edge may be driven from its source to its target. */
    public boolean edgeForward(int edge) {
        return edgeForward[edge];
    }

    /** Whether the edge may be driven from its target back to its source. */
    public boolean edgeBackward(int edge) {
        return edgeBackward[edge];
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

    /**
     * Seconds from a snapped point to its edge's source node: off-road leg plus the part of the edge behind it; +∞
     * when the edge may not be driven that way.
     */
    public double secondsToSource(Snap s) {
        return edgeBackward[s.edge()] ? s.offRoadSeconds() + behind(s) : Double.POSITIVE_INFINITY;
    }

    /** Seconds from a snapped point to its edge's target node; +∞ when the edge may not be driven that way. */
    public double secondsToTarget(Snap s) {
        return edgeForward[s.edge()] ? s.offRoadSeconds() + ahead(s) : Double.POSITIVE_INFINITY;
    }

    /** Seconds from its edge's source node to a snapped point; +∞ when the edge may not be driven that way. */
    public double secondsFromSource(Snap s) {
        return edgeForward[s.edge()] ? behind(s) + s.offRoadSeconds() : Double.POSITIVE_INFINITY;
    }

    /** Seconds from its edge's target node to a snapped point; +∞ when the edge may not be driven that way. */
    public double secondsFromTarget(Snap s) {
        return edgeBackward[s.edge()] ? ahead(s) + s.offRoadSeconds() : Double.POSITIVE_INFINITY;
    }

    private double behind(Snap s) {
        return s.fraction() * edgeSeconds[s.edge()];
    }

    private double ahead(Snap s) {
        return (1 - s.fraction()) * edgeSeconds[s.edge()];
    }

    /**
     * Seconds from one snapped point to another along the edge both lie on, without leaving it: +∞ when they lie on
     * different edges or the way from one to the other is against a one-way edge.
     */
    public double secondsAlong(Snap from, Snap to) {
        int e = from.edge();
        if (e < 0 || e != to.edge()) {
            return Double.POSITIVE_INFINITY;
        }
        double d = to.fraction() - from.fraction();
        if (d > 0 && !edgeForward[e] || d < 0 && !edgeBackward[e]) {
            return Double.POSITIVE_INFINITY;
        }
        return from.offRoadSeconds() + Math.abs(d) * edgeSeconds[e] + to.offRoadSeconds();
    }

    /**
     * Seconds of the direct off-road leg between two points, straight across country at the off-road speed: +∞ when
     * they lie farther apart than the off-road limit.
     */
    public double directSeconds(double lon1, double lat1, double lon2, double lat2) {
        double metres = Geodesic.fastDistance(lon1, lat1, lon2, lat2);
        return metres <= maxOffRoadMetres ? metres / speeds.offRoadMetresPerSecond() : Double.POSITIVE_INFINITY;
    }

    /** Arcs as they run (for searches from their sources) or reversed (for searches towards their sources). */
    Csr arcs(Direction direction) {
        return direction == Direction.OUTWARD ? out : in;
    }

    /** Which way a search runs over the one-way edges. */
    public enum Direction {
        /** Times from the search's origins to every place, on the arcs as they run. */
        OUTWARD,
        /** Times from every place to the search's origins, on the reversed arcs. */
        INWARD
    }

    /** Nearest point on the network; null when no road lies within the off-road limit. */
    public Snap snap(Point p) {
        return snap(p.getX(), p.getY());
    }

    /**
     * Nearest point on the network to a lon/lat point, with the nearest non-fragment road when the nearest road is a
     * fragment (see {@link Snap}); null when the graph has no edges or no road lies within the off-road limit.
     */
    public Snap snap(double lon, double lat) {
        return snapper.snap(lon, lat);
    }

    /** Grid cells looked up plus segments measured to snap a point: what a snap costs, for tests and benchmarks. */
    public int snapWork(double lon, double lat) {
        return snapper.work(lon, lat);
    }

    /**
     * A snap's foot on this graph's {@code edge} (the same chain as the snap's edge in another graph), entering the
     * network by {@code network} too when given (for snaps carried over to this graph).
     */
    Snap snapOnEdge(Snap s, int edge, Snap network) {
        return new Snap(s.lon(), s.lat(), edge, s.fraction(), s.offRoadMetres(), s.offRoadSeconds(), s.footLon(),
                s.footLat(), componentMetres(edge), onFragment(edge), network);
    }

    int vertexCount() {
        return vertexLon.length;
    }

    /** The first segment of an edge's chain, from its source node. */
    int edgeFirstSegment(int edge) {
        return edgeFirstSegment[edge];
    }

    // for the snapper
    double vertexLon(int v) {
        return vertexLon[v];
    }

    double vertexLat(int v) {
        return vertexLat[v];
    }

    int segmentU(int sg) {
        return segU[sg];
    }

    int segmentV(int sg) {
        return segV[sg];
    }

    int segmentEdge(int sg) {
        return segEdge[sg];
    }

    /** Share of its edge's travel time at which a point {@code t} of the way along a segment lies. */
    double fractionAlong(int sg, double t) {
        int e = segEdge[sg];
        double along = segOffset[sg] + (segForward[sg] ? t : 1 - t) * segSeconds[sg];
        return Math.max(0, Math.min(1, along / edgeSeconds[e]));
    }

    boolean onFragment(int edge) {
        return components.isFragment(components.of(edgeU[edge]));
    }

    double componentMetres(int edge) {
        return components.metres(components.of(edgeU[edge]));
    }
}
