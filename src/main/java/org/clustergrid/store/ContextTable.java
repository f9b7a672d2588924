package org.clustergrid.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.LayerSchema.Type;

/**
 * The table of a context layer: {@code cl_<n>} with {@code fid}, {@code geom} and one column {@code a<i>} per
 * attribute, so no name from a user's file ever reaches SQL. Every attribute (text, number, boolean, date,
 * date-time) is what filters may name.
 */
final class ContextTable implements FilterTarget {
    final ContextLayer layer;
    final String table;

    ContextTable(ContextLayer layer, long tableNo) {
        this.layer = layer;
        this.table = name(tableNo);
    }

    static String name(long tableNo) {
        return "cl_" + tableNo;
    }

    static String column(int index) {
        return "a" + (index + 1);
    }

    static String createSql(Dialect dialect, String table, List<Attribute> attributes) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(table).append(" (fid bigint PRIMARY KEY, geom ")
                .append(dialect == Dialect.POSTGIS ? "geometry(Geometry, 4326)" : "GEOMETRY").append(" NOT NULL");
        for (int i = 0; i < attributes.size(); i++) {
            b.append(", ").append(column(i)).append(' ').append(sqlType(attributes.get(i).type()));
        }
        return b.append(')').toString();
    }

    static String indexSql(Dialect dialect, String table) {
        return dialect == Dialect.POSTGIS ? "CREATE INDEX " + table + "_geom ON " + table + " USING GIST (geom)"
                : "CREATE SPATIAL INDEX " + table + "_geom ON " + table + " (geom)";
    }

    private static String sqlType(AttributeType t) {
        return switch (t) {
            case TEXT -> "text";
            case INTEGER -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    String selectColumns() {
        StringBuilder b = new StringBuilder("fid, ST_AsBinary(geom) AS wkb");
        for (int i = 0; i < layer.attributes().size(); i++) {
            b.append(", ").append(column(i));
        }
        return b.toString();
    }

    @Override
    public String tableName() {
        return layer.name();
    }

    @Override
    public Optional<LayerTable.FilterColumn> filterColumn(String property) {
        if (property.equals("fid")) {
            return Optional.of(new LayerTable.FilterColumn(property, "fid", Type.BIGINT));
        }
        List<Attribute> attributes = layer.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            Type type = filterType(a.type());
            if (a.name().equals(property) && type != null) {
                return Optional.of(new LayerTable.FilterColumn(property, column(i), type));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> queryableNames() {
        List<String> out = new ArrayList<>();
        out.add("fid");
        layer.attributes().stream().filter(a -> filterType(a.type()) != null).forEach(a -> out.add(a.name()));
        return out;
    }

    static Type filterType(AttributeType t) {
        return switch (t) {
            case TEXT -> Type.TEXT;
            case INTEGER -> Type.BIGINT;
            case DOUBLE -> Type.DOUBLE;
            case BOOLEAN -> Type.BOOLEAN;
            case DATE -> Type.DATE;
            case DATETIME -> Type.TIMESTAMP;
        };
    }
}
