package org.clustergrid.register.roundtrip;

/** A column of an exported table (the geometry aside) and the kind of value it holds. */
record Column(String name, Kind kind) {
    enum Kind {
        TEXT,
        INTEGER,
        DOUBLE,
        /** A JSON array: an array in GeoJSON, its JSON text in CSV and GeoPackage. */
        LIST,
        /** A JSON object: an object in GeoJSON, its JSON text in CSV and GeoPackage. */
        OBJECT,
        /** An exact decimal (a budget): a number in GeoJSON, its digits as text in CSV and GeoPackage. */
        DECIMAL,
        /** true or false: a boolean in GeoJSON, {@code true}/{@code false} in CSV, 1/0 in GeoPackage. */
        BOOLEAN
    }
}
