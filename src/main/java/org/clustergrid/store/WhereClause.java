package org.clustergrid.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.model.LayerSchema.Type;
import org.locationtech.jts.geom.Envelope;

/**
 * The WHERE clause of a {@link FeatureQuery} with its parameters, so the count and the page are filtered alike.
 * Property values are converted to their column's type here, which keeps the comparison in SQL (and on the index)
 * rather than casting every row's column to text.
 */
final class WhereClause {
    private final String sql;
    private final List<Object> params;

    private WhereClause(String sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    static WhereClause of(FilterTarget t, Dialect dialect, FeatureQuery q) {
        List<Sql> conditions = new ArrayList<>();
        if (q.bbox() != null) {
            // a box across the antimeridian comes as two, either of which a feature may intersect
            conditions.add(BoxSql.anyOf(dialect, q.orBbox() == null ? List.of(q.bbox())
                    : List.<Envelope>of(q.bbox(), q.orBbox())));
        }
        for (Map.Entry<String, String> e : q.equals().entrySet()) {
            LayerTable.FilterColumn c = t.filterColumn(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "layer " + t.tableName() + " has no property '" + e.getKey() + "' to filter on"));
            conditions.add(Sql.of(c.column() + " = ?", convert(c, e.getValue())));
        }
        if (q.filter() != null) {
            conditions.add(FilterSql.of(q.filter(), t, dialect).wrap("(", ")"));
        }
        Sql all = Sql.join(" AND ", conditions);
        return new WhereClause(conditions.isEmpty() ? "" : " WHERE " + all.text(), all.params());
    }

    private static Object convert(LayerTable.FilterColumn c, String value) {
        try {
            return switch (c.type()) {
                case TEXT, JSON -> value; // JSON never gets here: lists are not queryable
                case INTEGER -> Integer.valueOf(value.trim());
                case BIGINT -> Long.valueOf(value.trim());
                case DOUBLE -> Double.valueOf(value.trim());
                case BOOLEAN -> bool(value);
                case DATE -> java.time.LocalDate.parse(value.trim());
                case TIMESTAMP -> java.time.OffsetDateTime.parse(value.trim());
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("property '" + c.property() + "' is " + article(c.type()) + " "
                    + c.type().name().toLowerCase(Locale.ROOT) + "; '" + value + "' is not one");
        }
    }

    private static Boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(value);
        };
    }

    private static String article(Type type) {
        return type == Type.INTEGER ? "an" : "a";
    }

    String sql() {
        return sql;
    }

    /** Binds the parameters from position {@code i}; returns the next free position. */
    int bind(PreparedStatement ps, int i) throws SQLException {
        for (Object p : params) {
            if (p instanceof String s) {
                ps.setString(i++, s);
            } else if (p instanceof Integer n) {
                ps.setInt(i++, n);
            } else if (p instanceof Long n) {
                ps.setLong(i++, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i++, d);
            } else if (p instanceof byte[] wkb) {
                ps.setBytes(i++, wkb);
            } else if (p instanceof java.time.LocalDate || p instanceof java.time.OffsetDateTime) {
                ps.setObject(i++, p);
            } else {
                ps.setBoolean(i++, (Boolean) p);
            }
        }
        return i;
    }
}
