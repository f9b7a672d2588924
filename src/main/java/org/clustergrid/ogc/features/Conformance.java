package org.clustergrid.ogc.features;

import java.util.List;

/**
 * The conformance classes this API declares: only what it implements. No Part 2 (CRS): everything is served in
 * CRS84, and {@code bbox-crs}/{@code crs} are not accepted.
 */
final class Conformance {
    private static final String BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final List<String> CLASSES = List.of(BASE + "core", BASE + "oas30", BASE + "html", BASE + "geojson");
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private Conformance() {}
}
