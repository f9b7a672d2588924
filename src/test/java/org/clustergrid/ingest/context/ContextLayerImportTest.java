package org.clustergrid.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;

/** Files imported as context layers on both stores: attributes and types kept, all-or-nothing, queried like layers. */
class ContextLayerImportTest {
    @TempDir
    Path dir;

    TestStore open(String kind) {
        return TestStore.of(kind, dir);
    }

    static ContextLayerImporter.Request request(String name, Path... files) {
        return new ContextLayerImporter.Request(List.of(files), null, name, null, "test", "CC0 1.0", null, null, null);
    }

    Path geojson(String name, String features) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        return f;
    }

    static String point(double lon, double lat, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat
                + "]},\"properties\":" + properties + "}";
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void everyAttributeIsKeptWithTheTypeItsValuesFit(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            SpatialStore store = t.store();
            Path f = geojson("sites.geojson", String.join(",",
                    point(80.1, 20.1, "{\"code\":\"007\",\"n\":3,\"share\":0.5,\"open\":true,\"since\":\"2019-04-01\","
                            + "\"tags\":{\"a\":1},\"note\":null}"),
                    point(80.2, 20.2, "{\"code\":\"012\",\"n\":-4,\"share\":2,\"open\":false,\"since\":\"2020-12-31\","
                            + "\"tags\":[1,2],\"note\":\"x\"}")));
            ContextLayer l = new ContextLayerImporter(store, ImportLimits.DEFAULT).run(request("sites", f)).layer();
            assertThat(l.attributes()).containsExactly(new Attribute("code", AttributeType.TEXT),
                    new Attribute("n", AttributeType.INTEGER), new Attribute("share", AttributeType.DOUBLE),
                    new Attribute("open", AttributeType.BOOLEAN), new Attribute("since", AttributeType.DATE),
                    new Attribute("tags", AttributeType.TEXT), new Attribute("note", AttributeType.TEXT));
            assertThat(l.geometryKind()).isEqualTo(GeometryKind.POINT);
            assertThat(l.featureCount()).isEqualTo(2);
            ContextLayerStore layers = store.contextLayers();
            List<ContextFeature> all = layers.query(l, new FeatureQuery(null, 0, 10)).features();
            Map<String, Object> first = all.get(0).attributes();
            assertThat(first).containsEntry("code", "007").containsEntry("n", 3L).containsEntry("share", 0.5)
                    .containsEntry("open", true).containsEntry("since", LocalDate.of(2019, 4, 1))
                    .containsEntry("tags", "{\"a\":1}").containsEntry("note", null);
            assertThat(all.get(1).attributes()).containsEntry("share", 2.0).containsEntry("tags", "[1,2]");
            assertThat(all.get(1).geometry().getCoordinate().x).isEqualTo(80.2);
            assertThat(filter(layers, l, "n < 0")).containsExactly(2L);
            assertThat(filter(layers, l, "code = '007' AND open = true")).containsExactly(1L);
            assertThat(layers.query(l, new FeatureQuery(new Envelope(80.15, 80.25, 20.15, 20.25), 0, 10)).features())
                    .extracting(ContextFeature::fid).containsExactly(2L);
            assertThatThrownBy(() -> filter(layers, l, "since > '2020-01-01'")).hasMessageContaining("since");
        }
    }

    private static List<Long> filter(ContextLayerStore layers, ContextLayer l, String cql2) {
        return layers.query(l, new FeatureQuery(null, null, Map.of(), Cql2Text.parse(cql2), 0, 10)).features()
                .stream().map(ContextFeature::fid).toList();
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aShapefileOfRealFacilitiesKeepsItsDbfFieldsAndAReimportReplacesIt(String kind) throws Exception {
        Path zip = SharedData.require("india-pmgsy/Facilities/Sikkim.zip");
        try (TestStore t = open(kind)) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            ContextLayer l = importer.run(request("facilities", zip)).layer();
            // as ogrinfo reports it: 1,020 points, 88.092645..88.816807 E, 27.098361..27.898395 N
            assertThat(l.featureCount()).isEqualTo(1020);
            assertThat(l.geometryKind()).isEqualTo(GeometryKind.POINT);
            assertThat(l.bbox().getMinX()).isCloseTo(88.092645, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(l.bbox().getMaxY()).isCloseTo(27.898395, org.assertj.core.data.Offset.offset(1e-6));
            Function<String, AttributeType> type = n -> l.attribute(n).orElseThrow().type();
            assertThat(type.apply("STATE_ID")).isEqualTo(AttributeType.INTEGER);
            assertThat(type.apply("FAC_DESC")).isEqualTo(AttributeType.TEXT);
            long banks = t.store().contextLayers().query(l, new FeatureQuery(null, null, Map.of(),
                    Cql2Text.parse("FAC_DESC LIKE '%Bank%'"), 0, 0)).numberMatched();
            assertThat(banks).isPositive().isLessThan(1020);

            Path broken = dir.resolve("broken.geojson");
            Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[" + point(88.3, 27.3, "{}")
                    + ",{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"x\"]}}]}");
            assertThatThrownBy(() -> importer.run(request("facilities", broken)))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("broken.geojson");
            assertThat(t.store().contextLayers().layer("facilities").orElseThrow().featureCount()).isEqualTo(1020);

            ContextLayer again = importer.run(request("facilities", geojson("one.geojson",
                    point(88.5, 27.5, "{\"name\":\"x\"}")))).layer();
            assertThat(again.featureCount()).isEqualTo(1);
            assertThat(t.store().contextLayers().query(again, new FeatureQuery(null, 0, 5)).features()).hasSize(1);
            assertThat(t.store().contextLayers().delete("facilities")).isTrue();
            assertThat(t.store().contextLayers().layers()).isEmpty();
        }
    }

    /** GeoPackage and FlatGeobuf columns keep their declared types; dates and times come back as stored. */
    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void geoPackageAndFlatGeobufLayersKeepTheirDeclaredTypes(String kind) throws Exception {
        Path formats = Path.of("src/test/resources/import-formats");
        try (TestStore t = open(kind)) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            ContextLayer facilities = importer.run(new ContextLayerImporter.Request(
                    List.of(formats.resolve("pmgsy-sikkim-ladakh.gpkg")), "facilities", "facilities", null, null,
                    null, null, null, null)).layer();
            assertThat(facilities.featureCount()).isEqualTo(120);
            Function<String, AttributeType> type = n -> facilities.attribute(n).orElseThrow().type();
            assertThat(List.of(type.apply("FAC_DESC"), type.apply("lon"), type.apply("school"),
                    type.apply("surveyed"), type.apply("updated"))).containsExactly(AttributeType.TEXT,
                    AttributeType.DOUBLE, AttributeType.BOOLEAN, AttributeType.DATE, AttributeType.DATETIME);
            // fid 37 as ogrinfo reads it
            Map<String, Object> f37 = t.store().contextLayers().feature(facilities, 37).orElseThrow().attributes();
            assertThat(f37).containsEntry("surveyed", LocalDate.of(2021, 11, 18))
                    .containsEntry("updated", java.time.Instant.parse("2022-03-12T05:46:00Z"));

            ContextLayer roads = importer.run(request("ladakh_roads", formats.resolve("ladakh-roads-3857.fgb")))
                    .layer();
            assertThat(roads.featureCount()).isEqualTo(20);
            assertThat(roads.geometryKind()).isEqualTo(GeometryKind.LINE);
            // reprojected from EPSG:3857 to longitude/latitude in Ladakh
            assertThat(roads.bbox().getMinX()).isBetween(75.0, 80.0);
            assertThat(roads.bbox().getMinY()).isBetween(32.0, 36.0);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void namesOfBuiltInLayersAndUnsafeNamesAreRefused(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            Path f = geojson("a.geojson", point(1, 1, "{}"));
            for (String name : List.of("roads", "Roads", "clustergrid", "Gap_Surface", "a;drop table x", "9lakes", "")) {
                assertThatThrownBy(() -> importer.run(request(name, f))).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(t.store().contextLayers().layers()).isEmpty();
        }
    }
}
