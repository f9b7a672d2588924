package org.clustergrid.ingest;

/**
 * What one imported file may expand to or hold, so a small hostile file (a zip bomb, a CSV of a million columns)
 * ends in a clear error instead of filling memory or disk.
 *
 * @param expandedBytes most bytes a compressed file (ZIP archive, gzip) may expand to, all its members together
 * @param expandedBytes most bytes a compressed file (gzip), or one member of a ZIP archive, may expand to
 * @param expansionRatio most uncompressed bytes per compressed byte, checked once a member passes
 *     {@link #RATIO_FLOOR} bytes (real shapefiles and GeoNames dumps compress 3–20 times; zip bombs 1,000 times)
 * @param lineCharacters longest line of a text file (CSV, GeoNames)
 * @param attributes most attributes (columns, properties, fields) a record may have
 */
public record ImportLimits(long expandedBytes, int expansionRatio, int lineCharacters, int attributes) {
    public static final ImportLimits DEFAULT = new ImportLimits(4L << 30, 200, 1_000_000, 1_000);
    /** Members smaller than this are not held to the ratio: small, very regular files compress far. */
    public static final long RATIO_FLOOR = 16L << 20;
    private static final String SETTING = "clustergrid.limits.import.";

    /** The setting behind a limit, for error messages: {@code clustergrid.limits.import.<key>}. */
    public static String setting(String key) {
        return SETTING + key;
    }
}
