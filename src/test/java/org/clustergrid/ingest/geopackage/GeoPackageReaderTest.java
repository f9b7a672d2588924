package org.clustergrid.ingest.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.TypedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * GeoPackages written by GDAL 3.6 ({@code ogr2ogr -f GPKG}) from PMGSY and OSM-free real data; the expected counts,
 * field types, values and coordinates are what {@code ogrinfo -al} reports for the same files (see
 * src/test/resources/import-formats/README.md).
 */
class GeoPackageReaderTest {
    static final Path TWO_TABLES = Path.of("src/test/resources/import-formats/pmgsy-sikkim-ladakh.gpkg");
    static final Path ONE_TABLE = Path.of("src/test/resources/import-formats/ladakh-roads-utm44.gpkg");

    @TempDir
    Path dir;

    static TypedSink read(Path file, String layer, ImportReport report) {
        TypedSink sink = new TypedSink();
        GeoPackageReader.read(file, layer, report, sink, ImportLimits.DEFAULT);
        return sink;
    }

    @Test
    void detectedByItsHeader() throws Exception {
        assertThat(FileType.detect(TWO_TABLES)).isEqualTo(FileType.GEOPACKAGE);
    }

    @Test
    void typedColumnsAndValuesAsGdalReadsThem() {
        ImportReport report = new ImportReport();
        TypedSink sink = read(TWO_TABLES, "facilities", report);
        assertThat(report.problems()).isEmpty();
        // ogrinfo: Integer64, Integer64, Integer64, String, String, Real, Real, Integer(Boolean), Date, DateTime
        assertThat(sink.fieldList()).containsExactly("FACILITY_I INTEGER", "HAB_ID INTEGER", "DISTRICT_I INTEGER",
                "FAC_DESC TEXT", "FAC_CATEGO TEXT", "lon DOUBLE", "lat DOUBLE", "school BOOLEAN", "surveyed DATE",
                "updated DATETIME");
        assertThat(sink.fieldsLocation).isEqualTo("table facilities");
        assertThat(sink.features).hasSize(120);

        SourceFeature f1 = sink.at("table facilities, feature 1 (fid 1)");
        assertThat(f1.file()).isEqualTo("pmgsy-sikkim-ladakh.gpkg");
        assertThat(f1.attributes()).containsEntry("FACILITY_I", 853315L).containsEntry("HAB_ID", 1067461L)
                .containsEntry("DISTRICT_I", 522L).containsEntry("FAC_DESC", "Lungsing Milk Cooperative Society")
                .containsEntry("FAC_CATEGO", "Agro").containsEntry("lon", 88.34056689).containsEntry("lat", 27.32811325)
                .containsEntry("school", false).containsEntry("surveyed", null)
                .containsEntry("updated", Instant.parse("2022-03-12T05:00:00Z"));
        assertPoint(f1, 88.34056689, 27.32811325);

        SourceFeature f37 = sink.at("table facilities, feature 37 (fid 37)");
        assertThat(f37.attributes()).containsEntry("FACILITY_I", 893269L).containsEntry("FAC_DESC", "Primary Health Center")
                .containsEntry("surveyed", LocalDate.of(2021, 11, 18))
                .containsEntry("updated", Instant.parse("2022-03-12T05:46:00Z"));
        assertPoint(f37, 88.57402, 27.200331666667);
        assertThat(sink.at("table facilities, feature 14 (fid 14)").attributes()).containsEntry("FACILITY_I", 889383L)
                .containsEntry("school", true).containsEntry("surveyed", LocalDate.of(2021, 7, 12));
        assertThat(sink.at("table facilities, feature 3 (fid 3)").attributes()).containsEntry("FACILITY_I", 850843L)
                .containsEntry("school", null);
    }

    @Test
    void projectedTableIsReprojectedToLongitudeLatitude() {
        ImportReport report = new ImportReport();
        TypedSink sink = read(TWO_TABLES, "roads_utm44", report);
        assertThat(report.problems()).isEmpty();
        assertThat(sink.features).hasSize(20);
        assertThat(sink.fieldList()).containsExactly("ER_ID INTEGER", "STATE_ID INTEGER", "BLOCK_ID INTEGER",
                "DISTRICT_I INTEGER", "DRRP_ROAD_ TEXT", "RoadCatego TEXT", "RoadName TEXT", "RoadOwner TEXT");
        SourceFeature f = sink.at("table roads_utm44, feature 1 (fid 1)");
        assertThat(f.attributes()).containsEntry("ER_ID", 1543362L).containsEntry("RoadName", "KANOOR TO TOMBIS")
                .containsEntry("RoadOwner", "J&KRRDA");
        // stored as EPSG:32644 (45164.3330136969 3819645.36093086); the source shapefile's first vertex, which
        // ogr2ogr -t_srs EPSG:4326 gives back too
        Coordinate first = f.geometry().getCoordinates()[0];
        assertThat(first.x).isCloseTo(76.0526016306772, within(1e-7));
        assertThat(first.y).isCloseTo(34.4182238990072, within(1e-7));
        assertThat(f.geometry().getSRID()).isEqualTo(4326);
    }

    @Test
    void theOnlyFeatureTableIsReadWithoutNamingIt() {
        ImportReport report = new ImportReport();
        TypedSink sink = read(ONE_TABLE, null, report);
        assertThat(report.problems()).isEmpty();
        assertThat(sink.features).hasSize(20);
        assertThat(sink.features.get(0).location()).isEqualTo("table roads_utm44, feature 1 (fid 1)");
    }

    @Test
    void severalTablesNeedOneNamed() {
        ImportReport report = new ImportReport();
        TypedSink sink = read(TWO_TABLES, null, report);
        assertThat(sink.features).isEmpty();
        assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly(
                "ERROR: pmgsy-sikkim-ladakh.gpkg: the GeoPackage holds 2 feature tables; name the one to import"
                        + " (--source-layer): facilities, roads_utm44");
        ImportReport unknown = new ImportReport();
        read(TWO_TABLES, "roads", unknown);
        assertThat(unknown.problems()).extracting(ImportProblem::toString).containsExactly(
                "ERROR: pmgsy-sikkim-ladakh.gpkg: the GeoPackage has no feature table 'roads'; its feature tables are"
                        + " facilities, roads_utm44");
    }

    @Test
    void truncatedFileIsAnErrorNamingIt() throws Exception {
        byte[] all = Files.readAllBytes(TWO_TABLES);
        for (int length : new int[] {50, 100, 4096, 20_000, all.length / 2}) {
            Path cut = dir.resolve("cut-" + length + ".gpkg");
            Files.write(cut, Arrays.copyOf(all, length));
            ImportReport report = new ImportReport();
            read(cut, "facilities", report);
            assertThat(report.hasErrors()).as("cut at %d", length).isTrue();
            assertThat(report.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(cut.getFileName().toString()));
        }
    }

    @Test
    void sqliteDatabaseThatIsNotAGeoPackage() throws Exception {
        Path db = dir.resolve("plain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
        }
        assertThat(FileType.detect(db)).isEqualTo(FileType.SQLITE);
        ImportReport report = new ImportReport();
        read(db, null, report);
        assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly("ERROR: plain.sqlite: an"
                + " SQLite database but not a GeoPackage: it has no gpkg_contents and gpkg_geometry_columns tables");
    }

    @Test
    void badValuesEmptyGeometriesAndViewsAreReported() throws Exception {
        Path copy = dir.resolve("edited.gpkg");
        Files.copy(ONE_TABLE, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("UPDATE roads_utm44 SET ER_ID = 'twelve' WHERE fid = 2");
            s.execute("UPDATE roads_utm44 SET GEOMETRY = NULL WHERE fid = 3");
            // an empty geometry as GDAL writes it: header with the empty flag, then an empty LineString
            s.execute("UPDATE roads_utm44 SET GEOMETRY = X'4750001154B30000' || X'010200000000000000' WHERE fid = 4");
            s.execute("UPDATE roads_utm44 SET RoadName = 'x' || zeroblob(0) || printf('%.*c', 70, 'y') WHERE fid = 5");
            s.execute("CREATE VIEW v AS SELECT * FROM roads_utm44");
            s.execute("INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('v', 'features', 32644)");
            s.execute("INSERT INTO gpkg_geometry_columns VALUES ('v', 'GEOMETRY', 'LINESTRING', 32644, 0, 0)");
        }
        ImportReport report = new ImportReport();
        TypedSink sink = read(copy, "roads_utm44", report);
        assertThat(sink.features).hasSize(17);
        assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly(
                "ERROR: edited.gpkg, table roads_utm44, feature 2 (fid 2), field 'ER_ID': not a value of type INTEGER: 'twelve'",
                "ERROR: edited.gpkg, table roads_utm44, feature 3 (fid 3): no geometry",
                "ERROR: edited.gpkg, table roads_utm44, feature 4 (fid 4): empty geometry");
        ImportReport shortLines = new ImportReport();
        TypedSink limited = new TypedSink();
        GeoPackageReader.read(copy, "roads_utm44", shortLines, limited, new ImportLimits(1 << 20, 200, 60, 1000));
        assertThat(shortLines.problems()).extracting(ImportProblem::toString).contains("ERROR: edited.gpkg, table"
                + " roads_utm44, feature 5 (fid 5), field 'RoadName': text of 71 characters, more than the limit of 60"
                + " (clustergrid.limits.import.line-characters)");
        ImportReport view = new ImportReport();
        read(copy, "v", view);
        assertThat(view.problems()).extracting(ImportProblem::toString).containsExactly(
                "ERROR: edited.gpkg, table v: is a view; only plain tables are read");
    }

    static void assertPoint(SourceFeature f, double lon, double lat) {
        Point p = (Point) f.geometry();
        assertThat(p.getX()).isCloseTo(lon, within(1e-7));
        assertThat(p.getY()).isCloseTo(lat, within(1e-7));
    }
}
