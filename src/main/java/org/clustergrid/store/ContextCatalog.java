package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.locationtech.jts.geom.Envelope;

/** A context layer's row in {@code context_layer}, written and read. */
final class ContextCatalog {
    private ContextCatalog() {}

    static void insert(Connection c, ContextLayer l, long tableNo) throws SQLException {
        String sql = "INSERT INTO context_layer (name, title, table_no, geometry_kind, attributes, feature_count, min_x,"
                + " min_y, max_x, max_y, source, licence, attribution, file, imported_at, style, dimensions)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, l.name());
            ps.setString(2, l.title());
            ps.setLong(3, tableNo);
            ps.setString(4, l.geometryKind().name());
            List<Map<String, String>> attributes = new ArrayList<>();
            l.attributes().forEach(a -> attributes.add(Map.of("name", a.name(), "type", a.type().name())));
            ps.setString(5, Json.write(attributes));
            ps.setLong(6, l.featureCount());
            Envelope e = l.bbox();
            double[] box = e == null ? null : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
            for (int i = 0; i < 4; i++) {
                if (box == null) {
                    ps.setNull(7 + i, Types.DOUBLE);
                } else {
                    ps.setDouble(7 + i, box[i]);
                }
            }
            ps.setString(11, l.source());
            ps.setString(12, l.licence());
            ps.setString(13, l.attribution());
            ps.setString(14, l.file());
            ps.setTimestamp(15, Timestamp.from(l.importedAt()));
            ps.setString(16, l.style());
            ps.setString(17, l.dimensions().isEmpty() ? null : Json.write(dimensions(l.dimensions())));
            ps.executeUpdate();
        }
    }

    static ContextLayer layerOf(ResultSet rs) throws SQLException {
        List<Attribute> attributes = new ArrayList<>();
        for (Object o : Json.readList(rs.getString("attributes"))) {
            Map<?, ?> m = (Map<?, ?>) o;
            attributes.add(new Attribute((String) m.get("name"), AttributeType.valueOf((String) m.get("type"))));
        }
        double minX = rs.getDouble("min_x");
        Envelope bbox = rs.wasNull() ? null
                : new Envelope(minX, rs.getDouble("max_x"), rs.getDouble("min_y"), rs.getDouble("max_y"));
        return new ContextLayer(rs.getString("name"), rs.getString("title"),
                GeometryKind.valueOf(rs.getString("geometry_kind")), attributes, rs.getLong("feature_count"), bbox,
                rs.getString("source"), rs.getString("licence"), rs.getString("attribution"), rs.getString("file"),
                rs.getTimestamp("imported_at").toInstant(), rs.getString("style"), dimensions(rs.getString("dimensions")));
    }

    /** The declarations as stored: a JSON list of the import's options, checked again when read. */
    private static List<Map<String, Object>> dimensions(List<Dimension> dimensions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Dimension d : dimensions) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", d.axis().dimensionName());
            m.put("attribute", d.attribute());
            m.put("values", d.extent().text());
            m.put("default", d.defaultValue());
            m.put("multipleValues", d.multipleValues());
            m.put("nearestValue", d.nearestValue());
            out.add(m);
        }
        return out;
    }

    private static List<Dimension> dimensions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Dimension> out = new ArrayList<>();
        for (Object o : Json.readList(json)) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(Dimension.of(Axis.byName((String) m.get("name")), (String) m.get("attribute"),
                    (String) m.get("values"), (String) m.get("default"), Boolean.TRUE.equals(m.get("multipleValues")),
                    Boolean.TRUE.equals(m.get("nearestValue"))));
        }
        return out;
    }
}
