package org.clustergrid.ingest.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clustergrid.geo.UtmReference;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportProblem.Severity;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class ShapefileReaderTest {
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]";
    static final String UTM44N_PRJ = "PROJCS[\"WGS_1984_UTM_Zone_44N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
            + "0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",81.0],PARAMETER[\"Scale_Factor\","
            + "0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    @TempDir
    Path dir;

    private final WKTReader wkt = new WKTReader();
    private final GeometryFactory gf = new GeometryFactory();
    private ImportReport report = new ImportReport();
    private final List<SourceFeature> features = new ArrayList<>();

    private Geometry g(String text) throws Exception {
        return wkt.read(text);
    }

    private void read(Path file) throws IOException {
        ShapefileReader.read(file, report, features::add);
    }

    private List<String> problems(Severity severity) {
        return report.problems().stream().filter(p -> p.severity() == severity).map(ImportProblem::toString).toList();
    }

    private TestShapefile facilities() {
        return new TestShapefile().field("NAME", 'C', 40, 0).field("COUNT", 'N', 10, 0).field("SCORE", 'N', 12, 3)
                .field("OPEN", 'L', 1, 0).field("SINCE", 'D', 8, 0).field("RATIO", 'F', 10, 2);
    }

    @Test
    void readsPointsWithTypedAttributesInFieldOrder() throws Exception {
        TestShapefile shp = facilities()
                .add(g("POINT (76.95 8.52)"), "  Clinic ", "42", "3.250", "T", "20220218", "0.50")
                .add(g("POINT (76.27 9.93)"), "", "", "", "?", "", "")
                .add(g("POINT (75.78 11.25)"), "Käse – ನಮಸ್ಕಾರ", "-7", "1e3", "n", "00000000", "12");
        read(TestShapefile.writeLoose(dir, "facilities", shp.files(WGS84_PRJ, null)));

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(report.warningCount()).isZero();
        assertThat(features).hasSize(3);
        SourceFeature first = features.get(0);
        assertThat(first.file()).isEqualTo("facilities.shp");
        assertThat(first.location()).isEqualTo("record 1");
        assertThat(first.geometry()).isInstanceOf(Point.class);
        assertThat(first.geometry().getCoordinate().x).isEqualTo(76.95);
        assertThat(first.geometry().getCoordinate().y).isEqualTo(8.52);
        assertThat(first.geometry().getSRID()).isEqualTo(4326);
        assertThat(first.attributes()).containsExactly(Map.entry("NAME", "Clinic"), Map.entry("COUNT", 42L),
                Map.entry("SCORE", 3.25), Map.entry("OPEN", true), Map.entry("SINCE", LocalDate.of(2022, 2, 18)),
                Map.entry("RATIO", 0.5));
        assertThat(features.get(1).attributes()).containsOnlyKeys("NAME", "COUNT", "SCORE", "OPEN", "SINCE", "RATIO")
                .allSatisfy((k, v) -> assertThat(v).as(k).isNull());
        assertThat(features.get(2).attributes()).containsEntry("NAME", "Käse – ನಮಸ್ಕಾರ").containsEntry("COUNT", -7L)
                .containsEntry("SCORE", 1000.0).containsEntry("OPEN", false).containsEntry("SINCE", null)
                .containsEntry("RATIO", 12.0);
    }

    @Test
    void readsLinesAndMultiLines() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("LINESTRING (76 8, 76.5 8.5, 77 9)"), "1")
                .add(g("MULTILINESTRING ((76 8, 76.5 8.5), (77 9, 77.5 9.5, 78 10))"), "2");
        read(TestShapefile.writeLoose(dir, "roads", shp.files(WGS84_PRJ, null)));

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(features).hasSize(2);
        assertThat(features.get(0).geometry()).isInstanceOf(LineString.class);
        assertThat(features.get(0).geometry().equalsExact(g("LINESTRING (76 8, 76.5 8.5, 77 9)"))).isTrue();
        assertThat(features.get(1).geometry()).isInstanceOf(MultiLineString.class);
        assertThat(features.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(features.get(1).geometry().getNumPoints()).isEqualTo(5);
    }

    @Test
    void assignsHolesToTheShellsContainingThem() throws Exception {
        // two polygons with holes, plus an island inside the second one's hole
        String multi = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2)),"
                + " ((20 0, 40 0, 40 20, 20 20, 20 0), (22 2, 38 2, 38 18, 22 18, 22 2)),"
                + " ((25 5, 35 5, 35 15, 25 15, 25 5)))";
        String single = "POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50), (52 52, 53 52, 53 53, 52 53, 52 52),"
                + " (55 55, 56 55, 56 56, 55 56, 55 55))";
        for (boolean esri : new boolean[] {true, false}) {
            features.clear();
            TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g(multi), "1").add(g(single), "2");
            shp.esriOrientation = esri; // false: rings as WKT gives them, all counter-clockwise
            read(TestShapefile.writeLoose(dir, "zones" + esri, shp.files(WGS84_PRJ, null)));

            assertThat(report.hasErrors()).as(report.summary()).isFalse();
            Geometry m = features.get(0).geometry();
            assertThat(m).as("esri orientation " + esri).isInstanceOf(MultiPolygon.class);
            assertThat(m.getNumGeometries()).isEqualTo(3);
            assertThat(m.getArea()).isCloseTo(100 - 4 + 400 - 256 + 100, within(1e-9));
            assertThat(m.norm().equalsExact(g(multi).norm())).isTrue();
            Geometry p = features.get(1).geometry();
            assertThat(p).isInstanceOf(Polygon.class);
            assertThat(((Polygon) p).getNumInteriorRing()).isEqualTo(2);
            assertThat(p.norm().equalsExact(g(single).norm())).isTrue();
        }
        assertThat(report.warningCount()).isZero();
    }

    @Test
    void reprojectsUtmFromAZippedShapefileInAFolder() throws Exception {
        double[][] lonLats = {{83.25, 20.5}, {78.4, 12.9}};
        TestShapefile shp = new TestShapefile().field("NAME", 'C', 10, 0);
        for (double[] ll : lonLats) {
            double[] en = UtmReference.toUtmNorth(ll[0], ll[1], 44);
            shp.add(gf.createPoint(new Coordinate(en[0], en[1])), "p");
        }
        Path zip = TestShapefile.writeZip(dir.resolve("Plants.zip"), "data/", "plants", shp.files(UTM44N_PRJ, null));
        read(zip);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(features).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Coordinate c = features.get(i).geometry().getCoordinate();
            assertThat(c.x).isCloseTo(lonLats[i][0], within(1 / 111_000.0));
            assertThat(c.y).isCloseTo(lonLats[i][1], within(1 / 111_000.0));
            assertThat(features.get(i).file()).isEqualTo("Plants.zip!data/plants.shp");
        }
    }

    @Test
    void missingPrjWithLonLatCoordinatesAssumesWgs84WithAWarning() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g("POINT (76.9 8.5)"), "1");
        read(TestShapefile.writeZip(dir.resolve("NoPrj.zip"), "", "Facilities", shp.files(null, null)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(problems(Severity.WARNING))
                .containsExactly("WARNING: NoPrj.zip!Facilities.shp: no .prj: assuming WGS84 (EPSG:4326)");
        assertThat(features).hasSize(1);
    }

    @Test
    void missingPrjWithProjectedCoordinatesIsAnError() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g("POINT (500000 1100000)"), "1");
        read(TestShapefile.writeLoose(dir, "utm", shp.files(null, null)));

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .contains("utm.shp: no .prj and coordinates are not longitude/latitude: unknown CRS");
        assertThat(features).isEmpty();
    }

    @Test
    void unknownPrjIsAFileLevelError() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g("POINT (76.9 8.5)"), "1");
        read(TestShapefile.writeLoose(dir, "odd", shp.files("PROJCS[\"Nowhere\",BOGUS[1]]", null)));

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: odd.shp: unknown CRS in odd.prj: ");
        assertThat(features).isEmpty();
    }

    @Test
    void truncatedShpNamesTheRecord() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").add(g("LINESTRING (76 8, 77 9, 78 10)"), "2");
        Map<String, byte[]> files = shp.files(WGS84_PRJ, null);
        byte[] full = files.get("shp");
        files.put("shp", Arrays.copyOf(full, full.length - 10));
        read(TestShapefile.writeLoose(dir, "cut", files));

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: cut.shp, record 2: record runs past the end of the .shp file");
    }

    @Test
    void shpCutAtARecordBoundaryIsTruncatedToo() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").add(g("POINT (77 9)"), "2");
        Map<String, byte[]> files = shp.files(WGS84_PRJ, null);
        files.put("shp", Arrays.copyOf(files.get("shp"), 100 + 28));
        files.remove("shx");
        read(TestShapefile.writeLoose(dir, "cut", files));

        assertThat(problems(Severity.ERROR)).singleElement().asString().contains("the .shp file is truncated");
    }

    @Test
    void recordCountsOfShpAndDbfMustAgree() throws Exception {
        TestShapefile two = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").add(g("POINT (77 9)"), "2");
        TestShapefile three = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").add(g("POINT (77 9)"), "2").add(g("POINT (78 9)"), "3");
        Map<String, byte[]> files = two.files(WGS84_PRJ, null);
        files.put("dbf", three.dbf());
        files.remove("shx");
        read(TestShapefile.writeLoose(dir, "mismatch", files));
        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .contains("the .shp has 2 records but the .dbf has 3");

        report = new ImportReport();
        files.put("shx", two.shx());
        read(TestShapefile.writeLoose(dir, "mismatch", files));
        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .contains("the .shx index lists 2 records but the .dbf has 3");
    }

    @Test
    void corruptZipIsReported() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g("POINT (76 8)"), "1");
        Path zip = TestShapefile.writeZip(dir.resolve("Broken.zip"), "", "f", shp.files(WGS84_PRJ, null));
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
        read(zip);

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: Broken.zip: corrupt or truncated ZIP archive: ");
        assertThat(features).isEmpty();
    }

    @Test
    void wrongFileTypeIsReported() throws Exception {
        Path json = Files.writeString(dir.resolve("Facilities.zip"), "{\"type\":\"FeatureCollection\"}");
        read(json);
        assertThat(problems(Severity.ERROR))
                .containsExactly("ERROR: Facilities.zip: expected a zipped Shapefile but it is a JSON document");
    }

    @Test
    void zipWithoutDbfOrWithSeveralShapefilesIsRejected() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0).add(g("POINT (76 8)"), "1");
        Map<String, byte[]> files = shp.files(WGS84_PRJ, null);
        files.remove("dbf");
        read(TestShapefile.writeZip(dir.resolve("NoDbf.zip"), "", "f", files));
        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: NoDbf.zip!f.shp: missing .dbf file");

        report = new ImportReport();
        Path two = dir.resolve("Two.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(two))) {
            for (String name : new String[] {"a.shp", "b.shp", "a.dbf", "b.dbf"}) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(files.get("shp"));
            }
        }
        read(two);
        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .contains("several shapefiles").contains("a.shp, b.shp");
    }

    @Test
    void deletedDbfRecordsAreSkippedAndNumberingKeepsTheirPlace() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").addDeleted(g("POINT (77 9)"), "2").add(g("POINT (78 10)"), "3");
        read(TestShapefile.writeLoose(dir, "del", shp.files(WGS84_PRJ, null)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(features).extracting(SourceFeature::location).containsExactly("record 1", "record 3");
        assertThat(features).extracting(f -> f.attributes().get("ID")).containsExactly(1L, 3L);
    }

    @Test
    void badNumbersAreRecordErrorsNamingTheField() throws Exception {
        TestShapefile shp = new TestShapefile().field("NAME", 'C', 5, 0).field("POP", 'N', 5, 0)
                .add(g("POINT (76 8)"), "a", "12").add(g("POINT (77 9)"), "b", "12*45")
                .add(g("POINT (78 10)"), "c", "1x2").add(g("POINT (78 11)"), "d", "5")
                .add(g("POINT (78 12)"), "e", "*****"); // how shapelib and GeoTools write a null number
        read(TestShapefile.writeLoose(dir, "pop", shp.files(WGS84_PRJ, null)));

        assertThat(problems(Severity.ERROR)).containsExactly(
                "ERROR: pop.shp, record 2, field 'POP': not a number: '12*45'",
                "ERROR: pop.shp, record 3, field 'POP': not a number: '1x2'");
        assertThat(features).extracting(SourceFeature::location).containsExactly("record 1", "record 4", "record 5");
        assertThat(features.get(2).attributes()).containsEntry("NAME", "e").containsEntry("POP", null);

        report = new ImportReport(true); // skipping: the same problems become warnings
        read(TestShapefile.writeLoose(dir, "pop", shp.files(WGS84_PRJ, null)));
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warningCount()).isEqualTo(2);
    }

    @Test
    void invalidPolygonIsRepairedWithAWarning() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"), "1");
        read(TestShapefile.writeLoose(dir, "bowtie", shp.files(WGS84_PRJ, null)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(problems(Severity.WARNING)).singleElement().asString()
                .startsWith("WARNING: bowtie.shp, record 1: invalid geometry repaired (Self-intersection");
        assertThat(features).singleElement().satisfies(f -> {
            assertThat(f.geometry().isValid()).isTrue();
            assertThat(f.geometry().getArea()).isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    void nullShapeIsAnEmptyGeometryError() throws Exception {
        TestShapefile shp = new TestShapefile().shapeType(1).field("ID", 'N', 4, 0)
                .add(null, "1").add(g("POINT (76 8)"), "2");
        read(TestShapefile.writeLoose(dir, "nulls", shp.files(WGS84_PRJ, null)));

        assertThat(problems(Severity.ERROR)).containsExactly("ERROR: nulls.shp, record 1: empty geometry");
        assertThat(features).extracting(SourceFeature::location).containsExactly("record 2");
    }

    @Test
    void coordinatesOutOfRangeAfterReprojectionAreRecordErrors() throws Exception {
        TestShapefile shp = new TestShapefile().field("ID", 'N', 4, 0)
                .add(g("POINT (76 8)"), "1").add(g("POINT (190 8)"), "2");
        read(TestShapefile.writeLoose(dir, "range", shp.files(WGS84_PRJ, null)));

        assertThat(problems(Severity.ERROR)).singleElement().asString()
                .startsWith("ERROR: range.shp, record 2: coordinate (190.0 8.0) is outside longitude");
    }

    @Test
    void decodesTextWithTheCpgElseUtf8ElseTheLanguageDriverCodePage() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        TestShapefile cyrillic = new TestShapefile().field("NAME", 'C', 20, 0).add(g("POINT (76 8)"), "Москва");
        cyrillic.charset = cp1251;
        read(TestShapefile.writeLoose(dir, "cpg", cyrillic.files(WGS84_PRJ, "1251")));

        TestShapefile latin = new TestShapefile().field("NAME", 'C', 20, 0).add(g("POINT (76 8)"), "Crème brûlée")
                .add(g("POINT (76 8)"), "Café"); // ends like a cut UTF-8 character, but does not fill the field
        latin.charset = StandardCharsets.ISO_8859_1;
        read(TestShapefile.writeLoose(dir, "latin", latin.files(WGS84_PRJ, null)));

        cyrillic.ldid = 0xC9; // language driver: windows-1251
        read(TestShapefile.writeLoose(dir, "ldid", cyrillic.files(WGS84_PRJ, null)));

        // 20 bytes cut the last Kannada character in two: the whole characters before it are kept
        TestShapefile cut = new TestShapefile().field("NAME", 'C', 20, 0).add(g("POINT (76 8)"), "Käse – ನಮಸ್ಕಾರ");
        read(TestShapefile.writeLoose(dir, "cut", cut.files(WGS84_PRJ, null)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(features).extracting(f -> f.attributes().get("NAME"))
                .containsExactly("Москва", "Crème brûlée", "Café", "Москва", "Käse – ನಮಸ");
    }
}
