package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Reads a context layer's features from its current table: pages by bbox and filter, and single features. */
final class ContextLayerReader {
    private final DataSource dataSource;
    private final Dialect dialect;

    ContextLayerReader(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** A page of features; {@code count} also counts all matches (else the page's total is -1). */
    ContextLayerStore.Page read(ContextLayer layer, FeatureQuery q, boolean count) {
        try (Connection c = dataSource.getConnection()) {
            ContextTable t = new ContextTable(layer, JdbcContextLayers.tableNo(c, layer.name()));
            WhereClause where = WhereClause.of(t, dialect, q);
            long matched = -1;
            if (count) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.table + where.sql())) {
                    where.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        matched = rs.getLong(1);
                    }
                }
            }
            List<ContextFeature> features = new ArrayList<>();
            if (q.limit() > 0 && (!count || q.offset() < matched)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM " + t.table
                        + where.sql() + " ORDER BY fid LIMIT ? OFFSET ?")) {
                    int i = where.bind(ps, 1);
                    ps.setInt(i++, q.limit());
                    ps.setLong(i, q.offset());
                    readFeatures(ps, layer, features);
                }
            }
            return new ContextLayerStore.Page(features, matched);
        } catch (SQLException e) {
            throw new StoreException("could not query context layer " + layer.name(), e);
        }
    }

    Optional<ContextFeature> feature(ContextLayer layer, long fid) {
        try (Connection c = dataSource.getConnection()) {
            ContextTable t = new ContextTable(layer, JdbcContextLayers.tableNo(c, layer.name()));
            List<ContextFeature> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM " + t.table
                    + " WHERE fid = ?")) {
                ps.setLong(1, fid);
                readFeatures(ps, layer, out);
            }
            return out.stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("could not read from context layer " + layer.name(), e);
        }
    }

    private static void readFeatures(PreparedStatement ps, ContextLayer layer, List<ContextFeature> out)
            throws SQLException {
        WKBReader wkb = new WKBReader();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Geometry g;
                try {
                    g = wkb.read(rs.getBytes(2));
                } catch (ParseException e) {
                    throw new StoreException("unreadable geometry in context layer " + layer.name(), e);
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                List<Attribute> as = layer.attributes();
                for (int i = 0; i < as.size(); i++) {
                    attributes.put(as.get(i).name(), value(rs, 3 + i, as.get(i).type()));
                }
                out.add(new ContextFeature(rs.getLong(1), g, attributes));
            }
        }
    }

    private static Object value(ResultSet rs, int i, AttributeType type) throws SQLException {
        Object v = switch (type) {
            case TEXT -> rs.getString(i);
            case INTEGER -> rs.getLong(i);
            case DOUBLE -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case DATE -> rs.getObject(i, LocalDate.class);
            case DATETIME -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
        return rs.wasNull() ? null : v;
    }
}
