package org.clustergrid.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.clustergrid.ingest.csv.CsvFeatureReader;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;
import org.clustergrid.ingest.shapefile.ShapefileReader;

/** Reads a file of any vector format the importers take, told apart by its first bytes, into a sink. */
public final class SourceFiles {
    private SourceFiles() {}

    /**
     * @param geometry a CSV's geometry columns; null to find them by their usual names
     * @param crs a CSV's coordinate reference system; null for EPSG:4326
     */
    public static void read(Path file, GeometryColumns geometry, String crs, ImportReport report, SourceSink sink,
            ImportLimits limits) throws IOException {
        FileType type = FileType.detect(file);
        switch (type) {
            case ZIP, SHAPEFILE -> ShapefileReader.read(file, report, sink, limits);
            case JSON -> GeoJsonFeatureReader.read(file, report, sink);
            case TEXT -> CsvFeatureReader.read(file, geometry, crs, report, sink, limits);
            default -> report.error(file.getFileName().toString(), null, null,
                    "expected a CSV, GeoJSON or zipped Shapefile but it is " + type.description());
        }
    }
}
