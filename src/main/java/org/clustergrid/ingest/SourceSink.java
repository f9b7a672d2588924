package org.clustergrid.ingest;

import java.util.List;

/**
 * Receives what a reader reads from a file: its field names, when the file declares them before its records, then
 * each record.
 */
@FunctionalInterface
public interface SourceSink {
    void accept(SourceFeature feature);

    /**
     * The fields a file declares before its records (a CSV header, the fields of a shapefile's .dbf); readers of
     * files whose records each bring their own (GeoJSON properties) do not call it.
     *
     * @param file the file name used in problem reports
     * @param location where the fields are declared, e.g. {@code line 1}; null for the file's header
     * @return false when the records cannot be used (the sink reported why): the reader then stops
     */
    default boolean fields(String file, String location, List<String> names) {
        return true;
    }

    /**
     * The fields a file declares, with the types it declares for them. Readers of typed formats (.dbf, GeoPackage,
     * FlatGeobuf) call this instead of {@link #fields}; by default it passes the names on to it.
     */
    default boolean typedFields(String file, String location, List<SourceField> fields) {
        return fields(file, location, fields.stream().map(SourceField::name).toList());
    }
}
