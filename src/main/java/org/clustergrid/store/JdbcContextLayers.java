package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.locationtech.jts.io.WKBWriter;

/**
 * Context layers over JDBC, for H2GIS and PostGIS alike. An import fills a new table outside any transaction (H2
 * commits DDL at once), indexes it, and then points the layer's row at it in one transaction, dropping the old table
 * after; a crash before the switch leaves an unused table, dropped at a later start (see {@link #dropLeftovers}).
 */
final class JdbcContextLayers implements ContextLayerStore {
    /** A pending table older than this belongs to an import that died: no import runs for a day. */
    static final Duration ABANDONED = Duration.ofHours(24);
    private static final int BATCH = 1000;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final ContextLayerReader reader;

    JdbcContextLayers(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.reader = new ContextLayerReader(dataSource, dialect);
    }

    @Override
    public List<ContextLayer> layers() {
        return read("SELECT * FROM context_layer ORDER BY name", null);
    }

    @Override
    public Optional<ContextLayer> layer(String name) {
        return read("SELECT * FROM context_layer WHERE name = ?", name).stream().findFirst();
    }

    private List<ContextLayer> read(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<ContextLayer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ContextCatalog.layerOf(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the context layers", e);
        }
    }

    static long tableNo(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_no FROM context_layer WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    @Override
    public ContextLayer replace(ContextLayer layer, Work work) throws Exception {
        long no;
        try (Connection c = dataSource.getConnection()) {
            no = nextTableNo(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO context_table_pending (table_no, started_at) VALUES (?, ?)")) {
                ps.setLong(1, no);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
        String table = ContextTable.name(no);
        try {
            long count = fill(table, layer, work);
            ContextLayer stored = new ContextLayer(layer.name(), layer.title(), layer.geometryKind(),
                    layer.attributes(), count, layer.bbox(), layer.source(), layer.licence(), layer.attribution(),
                    layer.file(), Instant.now(), layer.style(), layer.dimensions());
            long old = switchTo(stored, no);
            if (old >= 0) {
                drop(old);
            }
            return stored;
        } catch (Exception | Error e) {
            drop(no);
            throw e;
        }
    }

    private long nextTableNo(Connection c) throws SQLException {
        String sql = dialect == Dialect.POSTGIS ? "SELECT nextval('context_table_seq')"
                : "SELECT NEXT VALUE FOR context_table_seq";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Creates and fills the table, then indexes it; returns the number of features written. */
    private long fill(String table, ContextLayer layer, Work work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute(ContextTable.createSql(dialect, table, layer.attributes()));
            }
            c.setAutoCommit(false);
            long[] count = {0};
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" (fid, geom");
            StringBuilder values = new StringBuilder(" VALUES (?, ").append(dialect.geometryParameter());
            for (int i = 0; i < layer.attributes().size(); i++) {
                insert.append(", ").append(ContextTable.column(i));
                values.append(", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(insert + ")" + values + ")")) {
                WKBWriter wkb = new WKBWriter(2);
                work.run((geometry, attributes) -> {
                    try {
                        ps.setLong(1, ++count[0]);
                        ps.setBytes(2, wkb.write(geometry));
                        List<Attribute> as = layer.attributes();
                        for (int i = 0; i < as.size(); i++) {
                            bind(ps, 3 + i, as.get(i).type(), attributes.get(as.get(i).name()));
                        }
                        ps.addBatch();
                        if (count[0] % BATCH == 0) {
                            ps.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new StoreException("could not write feature " + count[0] + " of layer " + layer.name(), e);
                    }
                });
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(ContextTable.indexSql(dialect, table));
                if (dialect == Dialect.POSTGIS) {
                    s.execute("ANALYZE " + table);
                }
            }
            return count[0];
        }
    }

    private static void bind(PreparedStatement ps, int i, AttributeType type, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (type) {
                case TEXT -> java.sql.Types.VARCHAR;
                case INTEGER -> java.sql.Types.BIGINT;
                case DOUBLE -> java.sql.Types.DOUBLE;
                case BOOLEAN -> java.sql.Types.BOOLEAN;
                case DATE -> java.sql.Types.DATE;
                case DATETIME -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
            });
            return;
        }
        switch (type) {
            case TEXT -> ps.setString(i, (String) v);
            case INTEGER -> ps.setLong(i, (Long) v);
            case DOUBLE -> ps.setDouble(i, (Double) v);
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case DATE -> ps.setObject(i, (LocalDate) v);
            case DATETIME -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
        }
    }

    /** Points the layer at its new table in one transaction; returns the table it had, or -1. */
    private long switchTo(ContextLayer layer, long no) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c); // also orders this switch after any import running now
                long old = tableNo(c, layer.name());
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_layer WHERE name = ?")) {
                    ps.setString(1, layer.name());
                    ps.executeUpdate();
                }
                ContextCatalog.insert(c, layer, no);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_table_pending WHERE table_no = ?")) {
                    ps.setLong(1, no);
                    ps.executeUpdate();
                }
                c.commit();
                return old;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public boolean delete(String name) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long old;
            try {
                StoreVersion.bump(c);
                old = tableNo(c, name);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_layer WHERE name = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            if (old >= 0) {
                drop(old);
            }
            return old >= 0;
        } catch (SQLException e) {
            throw new StoreException("could not delete context layer " + name, e);
        }
    }

    @Override
    public boolean setStyle(String name, String style) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c);
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE context_layer SET style = ? WHERE name = ?")) {
                    ps.setString(1, style);
                    ps.setString(2, name);
                    n = ps.executeUpdate();
                }
                c.commit();
                return n > 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not set the style of context layer " + name, e);
        }
    }

    /** Drops a table if it exists; a failure is left for {@link #dropLeftovers}. */
    private void drop(long no) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + ContextTable.name(no));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_table_pending WHERE table_no = ?")) {
                ps.setLong(1, no);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            // the table stays until the next start's clean-up
        }
    }

    /**
     * Drops the tables of imports that died before their switch: tables no layer points at that are not pending, or
     * pending for longer than {@link #ABANDONED}. Run when the store opens.
     */
    void dropLeftovers() {
        List<Long> leftovers = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Long> used = numbers(c, "SELECT table_no FROM context_layer");
            List<Long> pending = numbers(c, "SELECT table_no FROM context_table_pending WHERE started_at > ?",
                    Timestamp.from(Instant.now().minus(ABANDONED)));
            for (long no : existingTables(c)) {
                if (!used.contains(no) && !pending.contains(no)) {
                    leftovers.add(no);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_table_pending WHERE started_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().minus(ABANDONED)));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("could not look for the tables of interrupted context layer imports", e);
        }
        leftovers.forEach(this::drop);
    }

    private List<Long> existingTables(Connection c) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                String schema = rs.getString("TABLE_SCHEM");
                if (t.toLowerCase(java.util.Locale.ROOT).matches("cl_[0-9]+") && sameSchema(c, schema)) {
                    out.add(Long.parseLong(t.substring(3)));
                }
            }
        }
        return out;
    }

    private static boolean sameSchema(Connection c, String schema) throws SQLException {
        String current = c.getSchema();
        return current == null || schema == null || current.equalsIgnoreCase(schema);
    }

    private static List<Long> numbers(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    @Override
    public Page query(ContextLayer layer, FeatureQuery q) {
        return reader.read(layer, q, true);
    }

    @Override
    public List<ContextFeature> features(ContextLayer layer, FeatureQuery q) {
        return reader.read(layer, q, false).features();
    }

    @Override
    public Optional<ContextFeature> feature(ContextLayer layer, long fid) {
        return reader.feature(layer, fid);
    }
}
