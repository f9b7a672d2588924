package org.clustergrid.ingest.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.TypedSink;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The .dbf field types declared to sinks that take them, and values of those types; sinks that only know field
 * names get the values they always had.
 */
class TypedDbfTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]]";

    @TempDir
    Path dir;

    Path shapefile(String... integerValue) throws Exception {
        TestShapefile shp = new TestShapefile().field("name", 'C', 20, 0).field("count", 'N', 10, 0)
                .field("share", 'N', 12, 3).field("big", 'N', 20, 0).field("float", 'F', 10, 0)
                .field("open", 'L', 1, 0).field("since", 'D', 8, 0);
        shp.add(GF.createPoint(new Coordinate(80, 20)), "Pottery", "12", "0.250", "12", "7", "T", "20220312");
        shp.add(GF.createPoint(new Coordinate(80.1, 20.1)), "Bell metal", integerValue.length > 0 ? integerValue[0]
                : "", "", "", "", "?", "");
        return TestShapefile.writeZip(dir.resolve("sites.zip"), "", "sites", shp.files(WGS84_PRJ, "UTF-8"));
    }

    @Test
    void typedSinksGetTheDeclaredTypes() throws Exception {
        ImportReport report = new ImportReport();
        TypedSink sink = new TypedSink();
        ShapefileReader.read(shapefile(), report, sink);
        assertThat(report.problems()).isEmpty();
        assertThat(sink.fieldList()).containsExactly("name TEXT", "count INTEGER", "share DOUBLE", "big DOUBLE",
                "float DOUBLE", "open BOOLEAN", "since DATE");
        assertThat(sink.features.get(0).attributes()).containsEntry("name", "Pottery").containsEntry("count", 12L)
                .containsEntry("share", 0.25).containsEntry("big", 12.0).containsEntry("float", 7.0)
                .containsEntry("open", true).containsEntry("since", LocalDate.of(2022, 3, 12));
        assertThat(sink.features.get(1).attributes()).containsEntry("count", null).containsEntry("share", null)
                .containsEntry("open", null).containsEntry("since", null);
    }

    @Test
    void aDecimalInAnIntegerFieldIsABadValueForTypedSinks() throws Exception {
        ImportReport report = new ImportReport();
        ShapefileReader.read(shapefile("1.5"), report, new TypedSink());
        assertThat(report.problems()).extracting(ImportProblem::toString)
                .containsExactly("ERROR: sites.zip!sites.shp, record 2, field 'count': not an integer: '1.5'");
    }

    @Test
    void sinksOfNamesKeepValuesTypedByWhatTheyHold() throws Exception {
        List<String> names = new ArrayList<>();
        List<SourceFeature> features = new ArrayList<>();
        SourceSink byName = new SourceSink() {
            @Override
            public boolean fields(String file, String location, List<String> declared) {
                names.addAll(declared);
                return true;
            }

            @Override
            public void accept(SourceFeature feature) {
                features.add(feature);
            }
        };
        ImportReport report = new ImportReport();
        ShapefileReader.read(shapefile("1.5"), report, byName);
        assertThat(report.problems()).isEmpty();
        assertThat(names).containsExactly("name", "count", "share", "big", "float", "open", "since");
        assertThat(features.get(0).attributes()).containsEntry("count", 12L).containsEntry("share", 0.25)
                .containsEntry("big", 12L).containsEntry("float", 7L).containsEntry("open", true);
        assertThat(features.get(1).attributes()).containsEntry("count", 1.5);
    }

    @Test
    void pmgsyFacilitiesDeclareTheirIntegerIds() throws Exception {
        Path zip = SharedData.require("india-pmgsy/Facilities/Sikkim.zip");
        ImportReport report = new ImportReport();
        TypedSink sink = new TypedSink();
        ShapefileReader.read(zip, report, sink);
        // ogrinfo: STATE_ID … FACILITY_I Integer64 (10.0), FAC_DESC String (92.0), FAC_CATEGO String (80.0); 1020 features
        assertThat(sink.fieldList()).containsExactly("STATE_ID INTEGER", "DISTRICT_I INTEGER", "BLOCK_ID INTEGER",
                "HAB_ID INTEGER", "FACILITY_I INTEGER", "FAC_DESC TEXT", "FAC_CATEGO TEXT");
        assertThat(sink.features).hasSize(1020);
        assertThat(sink.features.get(0).attributes()).containsEntry("FACILITY_I", 853315L)
                .containsEntry("FAC_DESC", "Lungsing Milk Cooperative Society");
    }
}
