package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
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
 * ends and costs), from the markets of the extract. The network is directed: one-way edges have cost -1 the way they
 * may not be driven. Our multi-source times run <em>to</em> the sources (from a place to its nearest market), which
 * is pgRouting's time from the sources on the reversed table (cost and reverse_cost swapped); our bounded searches
 * from a point run outward, pgRouting's on the table as it is. The same comparison on the network with every road
 * two-way keeps the undirected case checked. Every node must be reachable in both or in neither, and agree within
 * 0.1 % where reachable.
 */
@RequiresPostgis(pgRouting = true)
class TravelTimesVsPgRoutingTest {
    static final double TOLERANCE = 1e-3;

    static StoreSettings schema;
    static Connection db;
    static RoadGraph graph;
    static RoadGraph twoWay;
    static List<Market> markets;
    static String edgesSql;
    static String reversedSql;
    static String twoWaySql;

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
        twoWay = RoadGraph.build(OneWayEffectTest.twoWay(roads), SpeedProfile.defaults());
        schema = PostgisTestDatabase.freshSchema();
        db = PostgisTestDatabase.connect();
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + schema.postgisSchema());
        }
        String table = schema.postgisSchema() + ".edges";
        PgRoutingTables.writeEdges(db, table, graph);
        PgRoutingTables.writeEdges(db, schema.postgisSchema() + ".two_way", twoWay);
        edgesSql = "SELECT id, source, target, cost, reverse_cost FROM " + table;
        reversedSql = "SELECT id, source, target, reverse_cost AS cost, cost AS reverse_cost FROM " + table;
        twoWaySql = "SELECT id, source, target, cost, reverse_cost FROM " + schema.postgisSchema() + ".two_way";
        int oneWay = 0;
        for (int e = 0; e < graph.edgeCount(); e++) {
            oneWay += graph.edgeForward(e) && graph.edgeBackward(e) ? 0 : 1;
        }
        System.out.printf("Pokhara: %d roads -> %d nodes, %d edges (%d one-way); %d markets%n", roads.size(),
                graph.nodeCount(), graph.edgeCount(), oneWay, markets.size());
        assertThat(oneWay).as("one-way edges in the extract").isGreaterThan(30);
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

    /** An end node of each market's snapped edge (the one a market is nearer to along the edge). */
    static int[] marketNodes(RoadGraph g, int count) {
        Set<Integer> nodes = new LinkedHashSet<>();
        for (Market m : markets) {
            Snap s = g.snap(m.geometry());
            int e = s.edge();
            nodes.add(s.fraction() <= 0.5 ? g.edgeSource(e) : g.edgeTarget(e));
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

    Map<Integer, Double> dijkstraCost(String sql, int[] sources, RoadGraph g) throws Exception {
        Map<Integer, Double> theirs;
        try (PreparedStatement ps = db.prepareStatement("SELECT end_vid, agg_cost FROM pgr_dijkstraCost(?, ?, ?, true)")) {
            ps.setString(1, sql);
            ps.setArray(2, vids(sources));
            ps.setArray(3, vids(allNodes(g)));
            theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "end_vid", "agg_cost");
        }
        for (int s : sources) {
            theirs.merge(s, 0.0, Math::min); // pgRouting lists no row from a vertex to itself
        }
        return theirs;
    }

    @Test
    void timesToSeveralMarketNodesFromEveryNode() throws Exception {
        int[] sources = marketNodes(graph, 8);
        assertAgree(graph, TravelTimes.fromNodes(graph, sources)::seconds, dijkstraCost(reversedSql, sources, graph),
                "directed, to 8 market nodes");
    }

    @Test
    void undirectedNetworkStillAgrees() throws Exception {
        int[] sources = marketNodes(twoWay, 8);
        assertAgree(twoWay, TravelTimes.fromNodes(twoWay, sources)::seconds, dijkstraCost(twoWaySql, sources, twoWay),
                "two-way, to 8 market nodes");
    }

    /** All markets' nodes at once, through a virtual source joined to each at no cost. */
    @Test
    void allMarketNodesThroughAVirtualSource() throws Exception {
        int[] sources = marketNodes(graph, Integer.MAX_VALUE);
        long[] to = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            to[i] = PgRoutingTables.vid(sources[i]);
        }
        Map<Integer, Double> theirs = fromVirtualSource(reversedSql, "node_legs", to, new double[sources.length]);
        assertAgree(graph, TravelTimes.fromNodes(graph, sources)::seconds, theirs, "directed, to all market nodes");
    }

    /**
     * Market points (not nodes) as sources: the virtual source's legs cost the time from either end of each market's
     * snapped edge along it to the market and off the road, where the edge may be driven that way, which is what
     * {@code fromSources} seeds; on the reversed table they are the last legs of the trips to the markets.
     */
    @Test
    void marketPointsWithOffRoadLegs() throws Exception {
        List<Point> points = markets.stream().map(Market::geometry).toList();
        List<Long> to = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        for (Point p : points) {
            for (Snap snap : graph.snap(p).entries()) {
                addLeg(to, cost, graph.edgeSource(snap.edge()), graph.secondsFromSource(snap));
                addLeg(to, cost, graph.edgeTarget(snap.edge()), graph.secondsFromTarget(snap));
            }
        }
        Map<Integer, Double> theirs = fromVirtualSource(reversedSql, "market_legs",
                to.stream().mapToLong(Long::longValue).toArray(), cost.stream().mapToDouble(Double::doubleValue).toArray());
        assertAgree(graph, TravelTimes.fromSources(graph, points)::seconds, theirs, "directed, to all market points");
    }

    /**
     * Bounded searches outward from points (the markets' places, as clusters would be) against pgRouting on the table
     * as it is, with the first legs (off road, then along the edge to an end it may be driven to) as virtual edges.
     */
    @Test
    void outwardSearchesFromPoints() throws Exception {
        BoundedSearch search = new BoundedSearch(graph, RoadGraph.Direction.OUTWARD);
        for (int k = 0; k < markets.size(); k += Math.max(1, markets.size() / 4)) {
            Snap origin = graph.snap(markets.get(k).geometry());
            List<Long> to = new ArrayList<>();
            List<Double> cost = new ArrayList<>();
            for (Snap s : origin.entries()) {
                addLeg(to, cost, graph.edgeSource(s.edge()), graph.secondsToSource(s));
                addLeg(to, cost, graph.edgeTarget(s.edge()), graph.secondsToTarget(s));
            }
            Map<Integer, Double> theirs = fromVirtualSource(edgesSql, "origin_legs_" + k,
                    to.stream().mapToLong(Long::longValue).toArray(),
                    cost.stream().mapToDouble(Double::doubleValue).toArray());
            search.run(origin, Double.POSITIVE_INFINITY);
            assertAgree(graph, search::seconds, theirs, "directed, outward from market " + k);
        }
    }

    private static void addLeg(List<Long> to, List<Double> cost, int node, double seconds) {
        if (Double.isFinite(seconds)) {
            to.add(PgRoutingTables.vid(node));
            cost.add(seconds);
        }
    }

    private Map<Integer, Double> fromVirtualSource(String sql, String name, long[] to, double[] cost) throws Exception {
        String legs = schema.postgisSchema() + "." + name;
        PgRoutingTables.writeSourceLegs(db, legs, graph, to, cost);
        Map<Integer, Double> theirs;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, 1e15::float8, true)")) {
            ps.setString(1, sql + " UNION ALL SELECT * FROM " + legs);
            ps.setLong(2, PgRoutingTables.superSource(graph));
            theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "node", "agg_cost");
        }
        theirs.remove(graph.nodeCount()); // the virtual source itself
        return new HashMap<>(theirs);
    }

    static int[] allNodes(RoadGraph g) {
        int[] all = new int[g.nodeCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private void assertAgree(RoadGraph g, java.util.function.IntToDoubleFunction ours, Map<Integer, Double> theirs,
            String what) {
        int reachable = 0;
        double maxRel = 0;
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < g.nodeCount(); n++) {
            double a = ours.applyAsDouble(n);
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
        System.out.printf("%s: %d of %d nodes reachable in both; max relative difference %.2e%n", what, reachable,
                g.nodeCount(), maxRel);
        assertThat(disagreements).as("nodes where we and pgRouting differ").isEmpty();
        assertThat(reachable).isGreaterThan(g.nodeCount() / 2);
    }
}
