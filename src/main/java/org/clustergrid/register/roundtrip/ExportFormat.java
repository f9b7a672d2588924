package org.clustergrid.register.roundtrip;

import java.util.Locale;

/** The formats the register exports to, each read back by the importer. */
public enum ExportFormat {
    /** CSV (RFC 4180, UTF-8): one file per table, the footprint as WKT in {@code wkt}, lists as JSON text. */
    CSV("csv", "text/csv; charset=utf-8"),
    /** GeoJSON (RFC 7946, CRS84): one FeatureCollection per file, lists as arrays, attributes as an object. */
    GEOJSON("geojson", "application/geo+json"),
    /** OGC GeoPackage 1.3: one table per table of the register (a feature table where it has geometry), EPSG:4326. */
    GPKG("gpkg", "application/geopackage+sqlite3");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code csv}, {@code geojson} (or {@code json}), {@code gpkg} (or {@code geopackage}), any case. */
    public static ExportFormat of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "csv" -> CSV;
            case "geojson", "json" -> GEOJSON;
            case "gpkg", "geopackage" -> GPKG;
            default -> throw new IllegalArgumentException("unknown export format '" + name
                    + "'; use csv, geojson or gpkg");
        };
    }
}
