package org.clustergrid.store;

/** The few SQL differences between H2GIS and PostGIS. */
enum Dialect {
    H2GIS("h2gis", "ST_GeomFromWKB(?, 4326)", "SELECT NEXT VALUE FOR cluster_grid_seq"),
    POSTGIS("postgis", "ST_GeomFromWKB(?, 4326)", "SELECT nextval('cluster_grid_seq')");

    private final String kind;
    private final String geometryParameter;
    private final String nextClusterNumberSql;

    Dialect(String kind, String geometryParameter, String nextClusterNumberSql) {
        this.kind = kind;
        this.geometryParameter = geometryParameter;
        this.nextClusterNumberSql = nextClusterNumberSql;
    }

    /** Draws the next number for a new Cluster Grid ID; sequences never hand out a number twice, even on rollback. */
    String nextClusterNumberSql() {
        return nextClusterNumberSql;
    }

    /**
     * Makes the sequence of {@link #nextClusterNumberSql} hand out {@code next} next (a restore that brought IDs of
     * its own); neither store's command rolls back, and neither ends the transaction.
     */
    String restartClusterNumbersSql(long next) {
        return this == H2GIS ? "ALTER SEQUENCE cluster_grid_seq RESTART WITH " + next
                : "SELECT setval('cluster_grid_seq', " + (next - 1) + ")";
    }

    String kind() {
        return kind;
    }

    /** SQL expression turning a WKB parameter into a geometry with SRID 4326. */
    String geometryParameter() {
        return geometryParameter;
    }

    /**
     * Intersection with a WKB geometry bound twice; as for the box, {@code &&} lets both use their R-tree before the
     * exact test.
     */
    String intersectsCondition() {
        return "geom && " + geometryParameter + " AND ST_Intersects(geom, " + geometryParameter + ")";
    }

    /** Bounding-box filter with an exact intersection test; the {@code &&} part lets both use their R-tree. */
    String bboxCondition() {
        return "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";
    }
}
