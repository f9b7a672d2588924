package org.clustergrid.ingest.geopackage;

import java.util.Locale;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceField.Type;
import org.clustergrid.ingest.SourceValues;

/**
 * An attribute column of a feature table and how its values become the Java type of its {@link SourceField}.
 * SQLite stores any value in any column, so each value is checked against the declared type.
 *
 * @param type null for a column that is not read (BLOB)
 */
record GeoPackageColumn(String name, String declared, Type type) {

    /** From the declared type ({@code PRAGMA table_info}); GeoPackage names them, others by SQLite's affinity rules. */
    static GeoPackageColumn of(String name, String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT).strip();
        int paren = t.indexOf('(');
        String base = (paren < 0 ? t : t.substring(0, paren)).strip(); // TEXT(40)
        Type type = switch (base) {
            case "TEXT", "VARCHAR", "CHAR", "CLOB" -> Type.TEXT;
            case "INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "BIGINT" -> Type.INTEGER;
            case "REAL", "DOUBLE", "FLOAT" -> Type.DOUBLE;
            case "BOOLEAN" -> Type.BOOLEAN;
            case "DATE" -> Type.DATE;
            case "DATETIME", "TIMESTAMP" -> Type.DATETIME;
            case "BLOB" -> null;
            default -> base.contains("INT") ? Type.INTEGER
                    : base.contains("CHAR") || base.contains("TEXT") ? Type.TEXT
                    : base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB") ? Type.DOUBLE
                    : base.isEmpty() ? Type.UNKNOWN : null;
        };
        return new GeoPackageColumn(name, declared, type);
    }

    SourceField field() {
        return new SourceField(name, type);
    }

    /**
     * The value as the column's type.
     *
     * @param jdbc what the driver gives by the value's storage class: Integer or Long, Double, String, byte[] or null
     * @throws IllegalArgumentException when the stored value does not fit the declared type
     */
    Object value(Object jdbc) {
        if (jdbc == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> jdbc instanceof byte[] ? refuse(jdbc) : jdbc.toString();
            case INTEGER -> integer(jdbc);
            case DOUBLE -> jdbc instanceof Number n ? (Object) n.doubleValue() : decimal(jdbc);
            case BOOLEAN -> bool(jdbc);
            case DATE -> jdbc instanceof String s ? SourceValues.date(s) : refuse(jdbc);
            case DATETIME -> jdbc instanceof String s ? SourceValues.dateTime(s) : refuse(jdbc);
            case UNKNOWN -> jdbc instanceof Integer i ? (Object) i.longValue() : jdbc instanceof byte[] ? null : jdbc;
        };
    }

    private Long integer(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        return refuse(v);
    }

    private Double decimal(Object v) {
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        return refuse(v);
    }

    private Boolean bool(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n == 0 || n == 1) {
                return n == 1;
            }
        }
        return refuse(v);
    }

    private <T> T refuse(Object v) {
        String shown = v instanceof byte[] b ? "a BLOB of " + b.length + " bytes" : "'" + shorten(v.toString()) + "'";
        throw new IllegalArgumentException("not a value of type " + declared + ": " + shown);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
