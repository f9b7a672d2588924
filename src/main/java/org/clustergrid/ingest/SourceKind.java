package org.clustergrid.ingest;

/** What a file to import holds, which decides how it is read. */
public enum SourceKind {
    /** A cluster register: CSV, GeoJSON, Shapefile, GeoPackage or FlatGeobuf, fields mapped to the cluster fields. */
    CLUSTERS,
    /** An OpenStreetMap .osm.pbf extract: roads, power, finance and markets (and optionally clusters). */
    OSM,
    /** A GeoNames dump: populated places as markets. */
    GEONAMES,
    /** Any layer from CSV, GeoJSON, Shapefile, GeoPackage or FlatGeobuf, with a mapping file. */
    LAYER
}
