package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.PostgisTestDatabase;
import org.clustergrid.testing.RequiresPostgis;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * Our travel times on the real Pokhara road network against pgRouting's Dijkstra on the very same edges (same ids,
 * ends and costs), from the markets of the extract. Every node must be reachable in both or in neither, and agree
 * within 0.1 % where reachable.
 */
@RequiresPostgis(pgRouting = true)
class TravelTimesVsPgRoutingTest {
    static final double TOLERANCE = 1e-3;

    static StoreSettings schema;
    static Connection db;
    static RoadGraph graph;
    static List<Market> markets;
    static String edgesSql;

    @BeforeAll
    static void setUp() throws Exception {
        List<Road> roads = new ArrayList<>();
        markets = new ArrayList<>();
        ImportReport report = new ImportReport();
        OsmPbfReader.read(SharedData.pokharaPbf(), OsmImportOptions.defaults(), report, f -> {
            if (f instanceof Road r) {
                roads.add(r);
            } else if (f instanceof Market m) {
                markets.add(m);
            }
        });
        graph = RoadGraph.build(roads, SpeedProfile.defaults());
        schema = PostgisTestDatabase.freshSchema();
        db = PostgisTestDatabase.connect();
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + schema.postgisSchema());
        }
        PgRoutingTables.writeEdges(db, schema.postgisSchema() + ".edges", graph);
        edgesSql = "SELECT id, source, target, cost, reverse_cost FROM " + schema.postgisSchema() + ".edges";
        System.out.printf("Pokhara: %d roads -> %d nodes, %d edges; %d markets%n", roads.size(), graph.nodeCount(),
                graph.edgeCount(), markets.size());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            PostgisTestDatabase.dropSchema(schema);
        }
    }

    /** The end node of each market's snapped edge that the market reaches first. */
    static int[] marketNodes(int count) {
        Set<Integer> nodes = new LinkedHashSet<>();
        for (Market m : markets) {
            Snap s = graph.snap(m.geometry());
            int e = s.edge();
            nodes.add(graph.secondsToSource(s) <= graph.secondsToTarget(s) ? graph.edgeSource(e) : graph.edgeTarget(e));
            if (nodes.size() == count) {
                break;
            }
        }
        return nodes.stream().mapToInt(Integer::intValue).toArray();
    }

    Array vids(int[] nodes) throws Exception {
        Long[] ids = new Long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ids[i] = PgRoutingTables.vid(nodes[i]);
        }
        return db.createArrayOf("bigint", ids);
    }

    @Test
    void dijkstraCostFromSeveralMarketNodesToEveryNode() throws Exception {
        int[] sources = marketNodes(8);
        TravelTimes ours = TravelTimes.fromNodes(graph, sources);
        int[] all = allNodes();
        Map<Integer, Double> theirs;
        try (PreparedStatement ps = db.prepareStatement("SELECT end_vid, agg_cost FROM pgr_dijkstraCost(?, ?, ?, true)")) {
            ps.setString(1, edgesSql);
            ps.setArray(2, vids(sources));
            ps.setArray(3, vids(all));
            theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "end_vid", "agg_cost");
        }
        for (int s : sources) {
            theirs.merge(s, 0.0, Math::min); // pgRouting lists no row from a vertex to itself
        }
        assertAgree(ours, theirs);
    }

    /** All markets' nodes at once, through a virtual source joined to each at no cost. */
    @Test
    void allMarketNodesThroughAVirtualSource() throws Exception {
        int[] sources = marketNodes(Integer.MAX_VALUE);
        TravelTimes ours = TravelTimes.fromNodes(graph, sources);
        long[] to = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            to[i] = PgRoutingTables.vid(sources[i]);
        }
        String legs = schema.postgisSchema() + ".node_legs";
        PgRoutingTables.writeSourceLegs(db, legs, graph, to, new double[sources.length]);
        Map<Integer, Double> theirs;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT end_vid, agg_cost FROM pgr_dijkstraCost(?, ?::bigint, ?, true)")) {
            ps.setString(1, edgesSql + " UNION ALL SELECT * FROM " + legs);
            ps.setLong(2, PgRoutingTables.superSource(graph));
            ps.setArray(3, vids(allNodes()));
            theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "end_vid", "agg_cost");
        }
        assertAgree(ours, theirs);
    }

    /**
     * Market points (not nodes) as sources: the virtual source's legs cost each market's off-road leg plus the
     * partial edge to either end of its snapped edge, which is what {@code fromSources} seeds.
     */
    @Test
    void marketPointsWithOffRoadLegs() throws Exception {
        List<Point> points = markets.stream().map(Market::geometry).toList();
        TravelTimes ours = TravelTimes.fromSources(graph, points);
        long[] to = new long[2 * points.size()];
        double[] cost = new double[to.length];
        for (int i = 0; i < points.size(); i++) {
            Snap snap = graph.snap(points.get(i));
            to[2 * i] = PgRoutingTables.vid(graph.edgeSource(snap.edge()));
            cost[2 * i] = graph.secondsToSource(snap);
            to[2 * i + 1] = PgRoutingTables.vid(graph.edgeTarget(snap.edge()));
            cost[2 * i + 1] = graph.secondsToTarget(snap);
        }
        String legs = schema.postgisSchema() + ".market_legs";
        PgRoutingTables.writeSourceLegs(db, legs, graph, to, cost);
        Map<Integer, Double> theirs;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, 1e15::float8, true)")) {
            ps.setString(1, edgesSql + " UNION ALL SELECT * FROM " + legs);
            ps.setLong(2, PgRoutingTables.superSource(graph));
            theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "node", "agg_cost");
        }
        theirs.remove(graph.nodeCount()); // the virtual source itself
        assertAgree(ours, theirs);
    }

    static int[] allNodes() {
        int[] all = new int[graph.nodeCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private void assertAgree(TravelTimes ours, Map<Integer, Double> theirs) {
        int reachable = 0;
        double maxRel = 0;
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < graph.nodeCount(); n++) {
            double a = ours.seconds(n);
            Double b = theirs.get(n);
            if (Double.isInfinite(a) || b == null) {
                if (Double.isInfinite(a) != (b == null)) {
                    disagreements.add("node " + n + ": ours " + a + ", pgRouting " + b);
                }
                continue;
            }
            reachable++;
            double rel = Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
            maxRel = Math.max(maxRel, rel);
            if (rel > TOLERANCE) {
                disagreements.add("node " + n + ": ours " + a + ", pgRouting " + b);
            }
        }
        System.out.printf("%d of %d nodes reachable in both; max relative difference %.2e%n", reachable,
                graph.nodeCount(), maxRel);
        assertThat(disagreements).as("nodes where we and pgRouting differ").isEmpty();
        assertThat(reachable).isGreaterThan(graph.nodeCount() / 2);
    }
}
