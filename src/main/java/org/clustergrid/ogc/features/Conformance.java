package org.clustergrid.ogc.features;

import java.util.List;

/**
 * The conformance classes this API declares: only what it implements. Part 2 (CRS by reference): items in the CRSs
 * of {@link Crs}, {@code crs} and {@code bbox-crs} accepted.
 */
final class Conformance {
    private static final String BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final List<String> CLASSES = List.of(BASE + "core", BASE + "oas30", BASE + "html", BASE + "geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private Conformance() {}
}
