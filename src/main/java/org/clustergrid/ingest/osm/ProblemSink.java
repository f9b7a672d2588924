package org.clustergrid.ingest.osm;

/** Where element-level warnings go; the reader binds it to the import report and file name. */
@FunctionalInterface
interface ProblemSink {
    /**
     * @param location the element, e.g. {@code way 123}
     * @param field the tag concerned, or null
     */
    void warning(String location, String field, String message);
}
