package org.clustergrid.layers;

/**
 * What an attribute of a context layer holds, and the Java type its values have: TEXT {@link String}, INTEGER
 * {@link Long}, DOUBLE {@link Double}, BOOLEAN {@link Boolean}, DATE {@link java.time.LocalDate}, DATETIME
 * {@link java.time.Instant}.
 */
public enum AttributeType {
    TEXT("string", null),
    INTEGER("integer", null),
    DOUBLE("number", null),
    BOOLEAN("boolean", null),
    DATE("string", "date"),
    DATETIME("string", "date-time");

    private final String jsonType;
    private final String jsonFormat;

    AttributeType(String jsonType, String jsonFormat) {
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
    }

    /** The JSON Schema type of its values (queryables, OpenAPI). */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON Schema format, or null. */
    public String jsonFormat() {
        return jsonFormat;
    }
}
