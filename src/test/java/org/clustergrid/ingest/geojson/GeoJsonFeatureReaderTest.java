package org.clustergrid.ingest.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clustergrid.geo.UtmReference;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportProblem.Severity;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class GeoJsonFeatureReaderTest {
    @TempDir
    Path dir;

    private ImportReport report = new ImportReport();
    private final List<SourceFeature> features = new ArrayList<>();

    private void read(String name, String json) throws IOException {
        GeoJsonFeatureReader.read(Files.writeString(dir.resolve(name), json), report, features::add);
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    private List<String> problems(Severity severity) {
        return report.problems().stream().filter(p -> p.severity() == severity).map(ImportProblem::toString).toList();
    }

    @Test
    void readsAllGeometryTypesAndTypedProperties() throws Exception {
        read("all.geojson", collection(
                feature("{\"type\":\"Point\",\"coordinates\":[76.95,8.52,12.0]}",
                        "{\"name\":\"Clinic\",\"beds\":42,\"score\":3.25,\"open\":true,\"note\":null,"
                                + "\"tags\":{\"a\":[1,2]},\"big\":123456789012345678901234}"),
                feature("{\"type\":\"MultiPoint\",\"coordinates\":[[76,8],[77,9]]}", "{}"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[76,8],[77,9]]}", "null"),
                feature("{\"type\":\"MultiLineString\",\"coordinates\":[[[76,8],[77,9]],[[78,10],[79,11]]]}", "{}"),
                feature("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                        + "[[2,2],[2,4],[4,4],[4,2],[2,2]]]}", "{}"),
                feature("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
                        + "[[[5,5],[6,5],[6,6],[5,5]]]]}", "{}"),
                feature("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}]}", "{}")));

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(report.warningCount()).isZero();
        assertThat(features).extracting(f -> (Object) f.geometry().getClass()).containsExactly(Point.class, MultiPoint.class,
                LineString.class, MultiLineString.class, Polygon.class, MultiPolygon.class, GeometryCollection.class);
        assertThat(features).extracting(SourceFeature::location)
                .containsExactly("feature 1", "feature 2", "feature 3", "feature 4", "feature 5", "feature 6",
                        "feature 7");
        SourceFeature first = features.get(0);
        assertThat(first.file()).isEqualTo("all.geojson");
        assertThat(first.geometry().getCoordinate().x).isEqualTo(76.95);
        assertThat(first.geometry().getCoordinate().y).isEqualTo(8.52);
        assertThat(first.geometry().getSRID()).isEqualTo(4326);
        assertThat(first.attributes()).containsExactly(Map.entry("name", "Clinic"), Map.entry("beds", 42L),
                Map.entry("score", 3.25), Map.entry("open", true), entry("note", null),
                Map.entry("tags", "{\"a\":[1,2]}"), Map.entry("big", 1.2345678901234568E23));
        assertThat(features.get(2).attributes()).isEmpty();
        assertThat(features.get(4).geometry().getArea()).isEqualTo(96.0);
    }

    @Test
    void featureIdBecomesAnAttributeUnlessPropertiesHaveOne() throws Exception {
        read("ids.geojson", collection(
                "{\"type\":\"Feature\",\"id\":\"f-1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "\"properties\":{\"name\":\"a\"}}",
                "{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "\"properties\":{\"id\":\"own\"}}"));

        assertThat(features.get(0).attributes()).containsExactly(Map.entry("name", "a"), Map.entry("id", "f-1"));
        assertThat(features.get(1).attributes()).containsExactly(Map.entry("id", "own"));
    }

    @Test
    void readsASingleFeatureAndABareGeometry() throws Exception {
        read("one.geojson", feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "{\"k\":\"v\"}"));
        read("bare.geojson", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}");

        assertThat(report.hasErrors()).isFalse();
        assertThat(features).extracting(SourceFeature::location).containsExactly("feature 1", "feature 1");
        assertThat(features.get(0).attributes()).containsEntry("k", "v");
        assertThat(features.get(1).geometry()).isInstanceOf(LineString.class);
    }

    @Test
    void legacyCrsMemberIsHonouredEvenAfterTheFeatures() throws Exception {
        double[] en = UtmReference.toUtmNorth(83.25, 20.5, 44);
        read("utm.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("{\"type\":\"Point\",\"coordinates\":[" + en[0] + "," + en[1] + "]}", "{}")
                + "],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32644\"}}}");

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        Coordinate c = features.get(0).geometry().getCoordinate();
        assertThat(c.x).isCloseTo(83.25, within(1 / 111_000.0));
        assertThat(c.y).isCloseTo(20.5, within(1 / 111_000.0));
    }

    @Test
    void legacyWgs84CrsKeepsLongitudeFirst() throws Exception {
        read("wgs.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"EPSG:4326\"}},\"features\":["
                + feature("{\"type\":\"Point\",\"coordinates\":[76.9,8.5]}", "{}") + "]}");

        assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(76.9);
    }

    @Test
    void unknownCrsIsAFileLevelError() throws Exception {
        read("odd.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"EPSG:999999\"}},\"features\":["
                + feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "{}") + "]}");

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: odd.geojson, field 'crs': unknown CRS").contains("EPSG:999999");
        assertThat(features).isEmpty();
    }

    @Test
    void malformedJsonReportsLineAndColumnAndEmitsNothing() throws Exception {
        read("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "{}") + ",\n"
                + "  {\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2}}\n]}");

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: bad.geojson, line 3, column ").contains("malformed JSON");
        assertThat(features).isEmpty();
    }

    @Test
    void notGeoJsonIsReported() throws Exception {
        read("a.json", "{\"type\":\"Topology\",\"objects\":{}}");
        read("b.json", "[1,2,3]");
        assertThat(problems(Severity.ERROR)).containsExactly(
                "ERROR: a.json, field 'type': not GeoJSON: type is 'Topology', expected FeatureCollection, Feature or a"
                        + " geometry type",
                "ERROR: b.json: not GeoJSON: the document is an array, expected an object");
    }

    @Test
    void wrongFileTypeIsReported() throws Exception {
        Path zip = dir.resolve("data.geojson");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("data.geojson"));
            z.write("{}".getBytes());
        }
        GeoJsonFeatureReader.read(zip, report, features::add);
        assertThat(problems(Severity.ERROR))
                .containsExactly("ERROR: data.geojson: expected a GeoJSON document but it is a ZIP archive");
    }

    @Test
    void badFeaturesAreRecordErrorsWithTheirIndexAndField() throws Exception {
        read("bad.geojson", collection(
                feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "{}"),
                "{\"type\":\"Feature\",\"properties\":{}}",
                feature("null", "{}"),
                feature("{\"type\":\"Point\",\"coordinates\":[]}", "{}"),
                feature("{\"type\":\"Point\",\"coordinates\":[200,2]}", "{}"),
                feature("{\"type\":\"Pointy\",\"coordinates\":[1,2]}", "{}"),
                feature("{\"type\":\"Point\",\"coordinates\":[\"a\",2]}", "{}"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[1,2]]}", "{}"),
                "{\"type\":\"Point\",\"coordinates\":[1,2]}",
                feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "[1]"),
                feature("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}", "{}")));

        assertThat(problems(Severity.ERROR)).containsExactly(
                "ERROR: bad.geojson, feature 2, field 'geometry': missing geometry",
                "ERROR: bad.geojson, feature 3, field 'geometry': empty geometry (null)",
                "ERROR: bad.geojson, feature 4, field 'geometry': empty geometry",
                "ERROR: bad.geojson, feature 5, field 'geometry.coordinates': coordinate (200.0 2.0) is outside"
                        + " longitude [-180, 180] / latitude [-90, 90]",
                "ERROR: bad.geojson, feature 6, field 'geometry.type': unknown geometry type 'Pointy'",
                "ERROR: bad.geojson, feature 7, field 'geometry.coordinates': expected a position [longitude,"
                        + " latitude], found [\"a\",2]",
                "ERROR: bad.geojson, feature 8, field 'geometry.coordinates': a LineString needs at least 2 positions",
                "ERROR: bad.geojson, feature 9, field 'type': expected type 'Feature', found 'Point'",
                "ERROR: bad.geojson, feature 10, field 'properties': expected an object, found [1]",
                "ERROR: bad.geojson, feature 11, field 'geometry.coordinates': a linear ring needs at least 4"
                        + " positions, found 3");
        assertThat(features).extracting(SourceFeature::location).containsExactly("feature 1");
    }

    @Test
    void skippingInvalidRecordsKeepsTheGoodOnes() throws Exception {
        report = new ImportReport(true);
        read("skip.geojson", collection(feature("null", "{}"),
                feature("{\"type\":\"Point\",\"coordinates\":[1,2]}", "{}")));

        assertThat(report.hasErrors()).isFalse();
        assertThat(problems(Severity.WARNING)).singleElement().asString().endsWith("(record skipped)");
        assertThat(features).extracting(SourceFeature::location).containsExactly("feature 2");
    }

    @Test
    void invalidGeometryIsRepairedWithAWarning() throws Exception {
        read("fix.geojson", collection(
                feature("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "{}"),
                feature("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "{}")));

        assertThat(report.hasErrors()).isFalse();
        assertThat(problems(Severity.WARNING)).containsExactly(
                "WARNING: fix.geojson, feature 1, field 'geometry': invalid geometry repaired (Self-intersection at"
                        + " (0.5 0.5))",
                "WARNING: fix.geojson, feature 2, field 'geometry': invalid geometry repaired (linear ring was not"
                        + " closed)");
        assertThat(features).allSatisfy(f -> assertThat(f.geometry().isValid()).isTrue());
        assertThat(features.get(0).geometry().getArea()).isCloseTo(0.5, within(1e-9));
        assertThat(features.get(1).geometry().getArea()).isCloseTo(1.0, within(1e-9));
    }

    /** A collection of 300 000 features (about 40 MB) is read completely and in order. */
    @Test
    void streamsLargeCollections() throws Exception {
        Path big = dir.resolve("big.geojson");
        int count = 300_000;
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < count; i++) {
                w.write((i > 0 ? "," : "") + feature("{\"type\":\"Point\",\"coordinates\":[" + (i % 360 - 180) + ","
                        + (i % 180 - 90) + "]}", "{\"n\":" + i + ",\"label\":\"some longer text to add bulk\"}"));
            }
            w.write("]}");
        }
        long[] seen = {0, 0};
        GeoJsonFeatureReader.read(big, report, f -> {
            seen[0]++;
            seen[1] += (Long) f.attributes().get("n");
        });
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(seen[0]).isEqualTo(count);
        assertThat(seen[1]).isEqualTo((long) count * (count - 1) / 2);
    }
}
