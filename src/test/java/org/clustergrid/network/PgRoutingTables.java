package org.clustergrid.network;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Writes a {@link RoadGraph}'s edges into a pgRouting edge table — the same edges, with our seconds as {@code cost}
 * where the edge may be driven from its source to its target and as {@code reverse_cost} where it may be driven
 * back, -1 (no arc, in pgRouting's convention) the way a one-way edge may not be driven — and reads pgRouting's
 * per-node minimum back. pgRouting vertex ids are our
 * node ids + 1 and edge ids our edge ids + 1 (pgRouting reserves nothing, but 1-based ids read better in SQL).
 */
public final class PgRoutingTables {
    private PgRoutingTables() {}

    /** Creates pgRouting in the database if needed (needs a superuser or the extension's owner). */
    public static void ensureExtension(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pgrouting");
        }
    }

    /** Creates {@code table(id, source, target, cost, reverse_cost)} and fills it by COPY. */
    public static void writeEdges(Connection c, String table, RoadGraph g) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL,"
                    + " cost float8 NOT NULL, reverse_cost float8 NOT NULL)");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder sb = new StringBuilder(1 << 20);
        for (int e = 0; e < g.edgeCount(); e++) {
            // Double.toString is the shortest decimal that reads back as the same double, in Java and in PostgreSQL
            String cost = Double.toString(g.edgeSeconds(e));
            sb.append(e + 1).append('\t').append(g.edgeSource(e) + 1).append('\t').append(g.edgeTarget(e) + 1)
                    .append('\t').append(g.edgeForward(e) ? cost : "-1")
                    .append('\t').append(g.edgeBackward(e) ? cost : "-1").append('\n');
            if (sb.length() > (1 << 20) || e == g.edgeCount() - 1) {
                copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(sb.toString()));
                sb.setLength(0);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table);
        }
    }

    /**
     * A virtual source vertex joined by one-way edges to the given vertices at the given costs: one single-source
     * Dijkstra from it gives every vertex its time from the nearest real source. (pgRouting 3.4's own multi-source
     * {@code pgr_drivingDistance(..., equicost => true)} does not: it leaves some vertices with the time from a
     * farther source, 0.3 % to 3 % too long on the Pokhara network.) The legs' ids follow the graph's edges.
     */
    public static void writeSourceLegs(Connection c, String table, RoadGraph g, long[] toVids, double[] costs)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL,"
                    + " cost float8 NOT NULL, reverse_cost float8 NOT NULL)");
        }
        try (var ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, -1)")) {
            for (int i = 0; i < toVids.length; i++) {
                ps.setLong(1, g.edgeCount() + 1L + i);
                ps.setLong(2, superSource(g));
                ps.setLong(3, toVids[i]);
                ps.setDouble(4, costs[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The vertex id of the virtual source: one past our nodes. */
    public static long superSource(RoadGraph g) {
        return vid(g.nodeCount());
    }

    /** Our node id of a pgRouting vertex id. */
    public static int node(long vid) {
        return (int) (vid - 1);
    }

    /** The pgRouting vertex id of our node. */
    public static long vid(int node) {
        return node + 1L;
    }

    /**
     * Rows of (vertex, cost) folded to the minimum per our node id; infinite costs are left out (pgRouting 3.4's
     * {@code pgr_drivingDistance} with an infinite bound lists unreachable vertices at +∞).
     */
    public static Map<Integer, Double> minPerNode(java.sql.ResultSet rs, String vidColumn, String costColumn)
            throws SQLException {
        Map<Integer, Double> min = new HashMap<>();
        while (rs.next()) {
            double cost = rs.getDouble(costColumn);
            if (Double.isFinite(cost)) {
                min.merge(node(rs.getLong(vidColumn)), cost, Math::min);
            }
        }
        return min;
    }
}
