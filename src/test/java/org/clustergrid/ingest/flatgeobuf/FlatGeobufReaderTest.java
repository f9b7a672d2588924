package org.clustergrid.ingest.flatgeobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * FlatGeobuf files written by GDAL 3.6 from PMGSY data; expected figures are what {@code ogrinfo -al} reports (its
 * FIDs count from 0, the reader's features from 1). See src/test/resources/import-formats/README.md.
 */
class FlatGeobufReaderTest {
    static final Path FACILITIES = Path.of("src/test/resources/import-formats/pmgsy-sikkim.fgb");
    static final Path ROADS_3857 = Path.of("src/test/resources/import-formats/ladakh-roads-3857.fgb");

    @TempDir
    Path dir;

    static TypedSink read(Path file, ImportReport report) throws Exception {
        TypedSink sink = new TypedSink();
        FlatGeobufReader.read(file, report, sink, ImportLimits.DEFAULT);
        return sink;
    }

    @Test
    void typedColumnsAndValuesAsGdalReadsThem() throws Exception {
        assertThat(FileType.detect(FACILITIES)).isEqualTo(FileType.FLATGEOBUF);
        ImportReport report = new ImportReport();
        TypedSink sink = read(FACILITIES, report);
        assertThat(report.problems()).isEmpty();
        // ogrinfo: Integer64 ×3, String ×2, Real ×2, Integer(Boolean), DateTime ×2 (GDAL writes a Date as DateTime)
        assertThat(sink.fieldList()).containsExactly("FACILITY_I INTEGER", "HAB_ID INTEGER", "DISTRICT_I INTEGER",
                "FAC_DESC TEXT", "FAC_CATEGO TEXT", "lon DOUBLE", "lat DOUBLE", "school BOOLEAN", "surveyed DATETIME",
                "updated DATETIME");
        assertThat(sink.features).hasSize(120);
        SourceFeature first = sink.at("feature 1"); // ogrinfo FID 0
        assertThat(first.attributes()).containsEntry("FACILITY_I", 899422L).containsEntry("HAB_ID", 1114241L)
                .containsEntry("DISTRICT_I", 164L).containsEntry("FAC_DESC", "Gramin Milk Collection Centre")
                .containsEntry("FAC_CATEGO", "Agro").containsEntry("lon", 88.72637578).containsEntry("lat", 27.19037845)
                .containsEntry("school", false).containsEntry("surveyed", Instant.parse("2022-01-09T00:00:00Z"))
                .containsEntry("updated", Instant.parse("2022-03-12T03:13:00Z"));
        assertPoint(first, 88.72637578, 27.19037845);
        SourceFeature f83 = sink.at("feature 83"); // FID 82
        assertThat(f83.attributes()).containsEntry("FACILITY_I", 889383L)
                .containsEntry("FAC_DESC", "Industrial Training Institute").containsEntry("school", true)
                .containsEntry("surveyed", Instant.parse("2021-07-12T00:00:00Z"));
        assertPoint(f83, 88.31778786, 27.2811269);
        assertThat(sink.at("feature 5").attributes()).containsEntry("FACILITY_I", 850843L).containsEntry("school", null)
                .containsEntry("surveyed", Instant.parse("2022-02-12T00:00:00Z"));
    }

    @Test
    void webMercatorIsReprojectedToLongitudeLatitude() throws Exception {
        ImportReport report = new ImportReport();
        TypedSink sink = read(ROADS_3857, report);
        assertThat(report.problems()).isEmpty();
        assertThat(sink.features).hasSize(20);
        SourceFeature f = sink.at("feature 1");
        assertThat(f.attributes()).containsEntry("ER_ID", 1587008L).containsEntry("DRRP_ROAD_", "RR(VR)L050")
                .containsEntry("RoadName", "Link road to Kherapullu");
        // stored as 8719572.93040446 4007528.28456645; the source shapefile's first vertex
        Coordinate c = f.geometry().getCoordinates()[0];
        assertThat(c.x).isCloseTo(78.3292563437717, within(1e-7));
        assertThat(c.y).isCloseTo(33.8414189092959, within(1e-7));
    }

    @Test
    void truncatedFileIsAnErrorNamingIt() throws Exception {
        byte[] all = Files.readAllBytes(FACILITIES);
        for (int length : new int[] {3, 8, 11, 200, 2000, all.length - 7}) {
            Path cut = dir.resolve("cut-" + length + ".fgb");
            Files.write(cut, Arrays.copyOf(all, length));
            ImportReport report = new ImportReport();
            read(cut, report);
            assertThat(report.hasErrors()).as("cut at %d", length).isTrue();
            assertThat(report.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(cut.getFileName().toString()));
        }
        Path cut = dir.resolve("cut.fgb");
        Files.write(cut, Arrays.copyOf(all, all.length - 7));
        ImportReport report = new ImportReport();
        TypedSink sink = read(cut, report);
        assertThat(sink.features).hasSize(119);
        assertThat(report.problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("ERROR: cut.fgb, feature 120: the file is truncated: this feature of ");
    }

    @Test
    void tooManyColumnsIsOneError() throws Exception {
        ImportReport report = new ImportReport();
        TypedSink sink = new TypedSink();
        FlatGeobufReader.read(FACILITIES, report, sink, new ImportLimits(1 << 20, 200, 1000, 5));
        assertThat(sink.features).isEmpty();
        assertThat(report.problems()).extracting(ImportProblem::toString).containsExactly("ERROR: pmgsy-sikkim.fgb: has"
                + " 10 columns, more than the limit of 5 (clustergrid.limits.import.attributes)");
    }

    static void assertPoint(SourceFeature f, double lon, double lat) {
        Point p = (Point) f.geometry();
        assertThat(p.getX()).isCloseTo(lon, within(1e-7));
        assertThat(p.getY()).isCloseTo(lat, within(1e-7));
    }
}
