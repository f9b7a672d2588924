package org.clustergrid.ingest.shapefile;

/** A problem with a shapefile as a whole (bad header, truncated file) after which reading cannot go on. */
final class ShapefileFormatException extends Exception {
    /** Where in the file, e.g. {@code record 12}; null for the file as a whole. */
    private final String location;

    ShapefileFormatException(String location, String message) {
        super(message);
        this.location = location;
    }

    String location() {
        return location;
    }
}
