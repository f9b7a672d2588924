package org.clustergrid.ogc.features;

import java.util.List;

/**
 * The conformance classes this API declares: only what it implements. Part 2 (CRS by reference): items in the CRSs
 * of {@link Crs}, {@code crs} and {@code bbox-crs} accepted. Part 3 (Filtering): {@code filter} in CQL2 Text or JSON
 * with Basic CQL2 (DATE and TIMESTAMP literals included), LIKE/BETWEEN/IN, CASEI, S_INTERSECTS on every literal
 * geometry type, the temporal functions (all fifteen, on instants and INTERVALs with open ends), queryables, and the
 * queryables as query parameters; no array, arithmetic or other spatial functions. Part 4 (draft, Create, Replace,
 * Update and Delete): on the clusters collection only, with ETag / If-Match optimistic locking
 * (ClusterEditsController).
 */
final class Conformance {
    private static final String BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    private static final String FILTER = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";
    private static final String EDIT = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
    static final List<String> CLASSES = List.of(BASE + "core", BASE + "oas30", BASE + "html", BASE + "geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            FILTER + "filter", FILTER + "features-filter", FILTER + "queryables",
            FILTER + "queryables-query-parameters",
            CQL2 + "cql2-text", CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
            CQL2 + "case-insensitive-comparison", CQL2 + "basic-spatial-functions",
            CQL2 + "basic-spatial-functions-plus", CQL2 + "temporal-functions",
            EDIT + "create-replace-delete", EDIT + "update", EDIT + "features", EDIT + "optimistic-locking-etags");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private Conformance() {}
}
