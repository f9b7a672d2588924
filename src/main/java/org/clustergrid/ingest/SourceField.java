package org.clustergrid.ingest;

/**
 * A field a file declares before its records, with the type the file gives it (a .dbf's field type, a GeoPackage or
 * FlatGeobuf column type); {@link Type#UNKNOWN} where the format has none (a CSV header).
 */
public record SourceField(String name, Type type) {
    /** What values a field holds. Readers give each value as the Java type named here, or null. */
    public enum Type {
        /** {@link String} */
        TEXT,
        /** {@link Long} */
        INTEGER,
        /** {@link Double} */
        DOUBLE,
        /** {@link Boolean} */
        BOOLEAN,
        /** {@link java.time.LocalDate} */
        DATE,
        /** {@link java.time.Instant} (UTC) */
        DATETIME,
        /** not declared: the values decide (strings of a CSV, JSON values of GeoJSON) */
        UNKNOWN
    }
}
