package org.clustergrid.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.clustergrid.ingest.csv.CsvFeatureReader;
import org.clustergrid.ingest.flatgeobuf.FlatGeobufReader;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.ingest.geopackage.GeoPackageReader;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.shapefile.ShapefileReader;

/** Reads a file of any vector format the importers take, told apart by its first bytes, into a sink. */
public final class SourceFiles {
    private SourceFiles() {}

    /**
     * @param sourceLayer the table of a GeoPackage to read; null for its only feature table (and for other formats)
     * @param geometry a CSV's geometry columns; null to find them by their usual names
     * @param crs a CSV's coordinate reference system; null for EPSG:4326
     */
    public static void read(Path file, String sourceLayer, GeometryColumns geometry, String crs, ImportReport report,
            SourceSink sink, ImportLimits limits) throws IOException {
        read(file, sourceLayer, geometry, crs, report, sink, limits, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} the bytes read where the format is read as a stream. */
    public static void read(Path file, String sourceLayer, GeometryColumns geometry, String crs, ImportReport report,
            SourceSink sink, ImportLimits limits, ImportProgress progress) throws IOException {
        String name = file.getFileName().toString();
        FileType type = FileType.detect(file);
        if (sourceLayer != null && type != FileType.GEOPACKAGE && type != FileType.SQLITE) {
            report.error(name, null, null, "a source layer ('" + sourceLayer + "') can only be named in a"
                    + " GeoPackage, but this is " + type.description());
            return;
        }
        switch (type) {
            case ZIP, SHAPEFILE -> ShapefileReader.read(file, report, sink, limits, progress);
            case JSON -> GeoJsonFeatureReader.read(file, report, sink, progress);
            case TEXT -> CsvFeatureReader.read(file, geometry, crs, report, sink, limits, progress);
            // SQLite reads pages as it likes: its bytes are counted when the file is done
            case GEOPACKAGE, SQLITE -> GeoPackageReader.read(file, sourceLayer, report, sink, limits);
            case FLATGEOBUF -> FlatGeobufReader.read(file, report, sink, limits, progress);
            default -> report.error(name, null, null, "expected a CSV, GeoJSON, zipped Shapefile, GeoPackage or"
                    + " FlatGeobuf file but it is " + type.description());
        }
    }
}
