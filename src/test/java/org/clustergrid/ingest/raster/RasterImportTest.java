package org.clustergrid.ingest.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.raster.RasterLayer;
import org.clustergrid.raster.RasterSurface;
import org.clustergrid.render.Surface;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GeoTIFFs imported as raster layers on both stores: checked (CRS, bands, ramp), summed up as GDAL sums them up,
 * stored byte for byte, replaced and referenced; values read back where GDAL reads them.
 */
class RasterImportTest {
    static final Path POKHARA = Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif");
    static final Path THREE_BANDS = Path.of("src/test/resources/rasters/pokhara-three-bands.tif");

    @TempDir
    Path dir;

    TestStore open(String kind) {
        return TestStore.of(kind, dir);
    }

    static Path terrain() {
        return SharedData.require("../ogc-test-data/wms13/raster/terrain.tif");
    }

    static RasterImporter.Request request(Path file, String name, String crs) {
        return new RasterImporter.Request(file, name, null, crs, null, null, false, null, "CC BY 4.0", "test grid");
    }

    /** The store's copy of a layer's file, written out as the server's raster cache does. */
    Path copyOf(SpatialStore store, RasterLayer layer) {
        Path p = dir.resolve("copy-" + layer.rasterNo() + ".tif");
        try (OutputStream out = Files.newOutputStream(p)) {
            store.rasterLayers().copyTo(layer, out);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static long chunks(SpatialStore store) throws Exception {
        try (Connection c = store.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT raster_no) FROM raster_chunk")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void terrainIsStoredWholeWithTheRangeGdalReports(String kind) throws Exception {
        Path terrain = terrain(); // outside the lambda: a missing file skips the test rather than being its throwable
        try (TestStore t = open(kind)) {
            RasterImporter importer = new RasterImporter(t.store());
            assertThatThrownBy(() -> importer.run(request(terrain, "Terrain", null)))
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("terrain.tif declares no coordinate reference system");
            assertThat(t.store().rasterLayers().layers()).isEmpty();

            RasterLayer l = importer.run(request(terrain, "Terrain", "EPSG:4326")).layer();
            // gdalinfo -stats terrain.tif: 600 x 600, Minimum=140, Maximum=398, corners ±0.5
            assertThat(l.width()).isEqualTo(600);
            assertThat(l.height()).isEqualTo(600);
            assertThat(l.minValue()).isEqualTo(140);
            assertThat(l.maxValue()).isEqualTo(398);
            assertThat(l.noData()).isNull();
            assertThat(l.bbox().getMinX()).isCloseTo(-0.5, within(1e-9));
            assertThat(l.bbox().getMaxY()).isCloseTo(0.5, within(1e-9));
            assertThat(l.bytes()).isEqualTo(Files.size(terrain));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            t.store().rasterLayers().copyTo(l, back);
            assertThat(back.toByteArray()).isEqualTo(Files.readAllBytes(terrain));
            assertThat(t.store().rasterLayers().layer("Terrain")).contains(l);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aProjectedGridIsReadWhereGdalReadsIt(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            RasterLayer l = new RasterImporter(t.store()).run(request(POKHARA, "pokhara_grid", null)).layer();
            // gdalinfo -stats: Minimum=0, Maximum=2939 (no data left out); corners 83°55'59"E–84°02'12"E, 28°10'20"N–28°14'31"N
            assertThat(l.minValue()).isEqualTo(0);
            assertThat(l.maxValue()).isEqualTo(2939);
            assertThat(l.noData()).isEqualTo(-9999.0);
            assertThat(l.bbox().getMinX()).isCloseTo(83.93316, within(1e-4));
            assertThat(l.bbox().getMaxX()).isCloseTo(84.03680, within(1e-4));
            assertThat(l.bbox().getMinY()).isCloseTo(28.17214, within(1e-4));
            assertThat(l.bbox().getMaxY()).isCloseTo(28.24198, within(1e-4));
            Surface s = new RasterSurface(l, layer -> copyOf(t.store(), layer));
            // gdallocationinfo -valonly -wgs84 pokhara-utm44-grid.tif LON LAT
            Map<double[], Double> gdal = Map.of(new double[] {83.985, 28.21}, 1319.0, new double[] {83.96, 28.23},
                    509.0, new double[] {84.0, 28.20}, 1725.0, new double[] {83.99, 28.2033}, 1622.0);
            gdal.forEach((p, v) -> assertThat(s.cellAt(p[0], p[1]).orElseThrow().properties())
                    .as("%s, %s", p[0], p[1]).containsEntry("value", v));
            // column 21, row 11: no data (-9999), reported as missing, not as a number
            assertThat(s.cellAt(83.98900, 28.21487).orElseThrow().properties())
                    .containsEntry("value", null).containsEntry("value_missing", "no data in this cell")
                    .containsEntry("column", 21).containsEntry("row", 11);
            assertThat(s.cellAt(84.05, 28.18)).isEmpty(); // east of the grid
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aNewImportReplacesTheOldOneWhole(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            RasterImporter importer = new RasterImporter(t.store());
            RasterLayer first = importer.run(request(POKHARA, "grid", null)).layer();
            RasterLayer second = importer.run(new RasterImporter.Request(POKHARA, "grid", "Grid again", null,
                    "0:#000000, 3000:#ffffff", "0/3000/1", false, null, null, null)).layer();
            assertThat(second.rasterNo()).isNotEqualTo(first.rasterNo());
            assertThat(second.colourRamp().argb(1500) & 0xFFFFFF).isEqualTo(0x808080);
            assertThat(chunks(t.store())).isEqualTo(1); // the first import's bytes went with it
            assertThat(t.store().rasterLayers().layers()).extracting(RasterLayer::title).containsExactly("Grid again");

            RasterLayer referenced = importer.run(new RasterImporter.Request(POKHARA, "grid", null, null, null, null,
                    true, null, null, null)).layer();
            assertThat(referenced.path()).isEqualTo(POKHARA.toAbsolutePath().normalize().toString());
            assertThat(referenced.bytes()).isEqualTo(Files.size(POKHARA));
            assertThat(chunks(t.store())).isZero();

            assertThat(t.store().rasterLayers().delete("grid")).isTrue();
            assertThat(t.store().rasterLayers().delete("grid")).isFalse();
            assertThat(t.store().rasterLayers().layers()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void unusableFilesAndOptionsChangeNothing(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            RasterImporter importer = new RasterImporter(t.store());
            RasterLayer kept = importer.run(request(POKHARA, "grid", null)).layer();
            List<RasterImporter.Request> bad = List.of(
                    request(THREE_BANDS, "grid", null),
                    new RasterImporter.Request(POKHARA, "grid", null, null, "0:#000000, 0:#ffffff", null, false, null,
                            null, null),
                    new RasterImporter.Request(POKHARA, "grid", null, null, "low:#000000, 9:#fff", null, false, null,
                            null, null),
                    new RasterImporter.Request(POKHARA, "grid", null, null, null, "0/ten/1", false, null, null, null),
                    request(POKHARA, "grid", "EPSG:4326"),
                    request(POKHARA, "grid", "EPSG:999999"),
                    request(Path.of("src/test/resources/boundaries/south-asia-countries.geojson"), "grid", null));
            List<String> messages = List.of("has 3 bands", "values must be finite and increasing",
                    "has no number before the colon", "'ten' is not a number", "declares its own CRS",
                    "unknown CRS 'EPSG:999999'", "is not a GeoTIFF");
            for (int i = 0; i < bad.size(); i++) {
                RasterImporter.Request r = bad.get(i);
                assertThatThrownBy(() -> importer.run(r)).as(messages.get(i))
                        .isInstanceOf(ImportFailedException.class).hasMessageContaining(messages.get(i));
            }
            assertThat(t.store().rasterLayers().layers()).containsExactly(kept);
            assertThat(chunks(t.store())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aNameIsEitherAVectorOrARasterLayer(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            new RasterImporter(t.store()).run(request(POKHARA, "relief", null));
            Path geojson = dir.resolve("relief.geojson");
            Files.writeString(geojson, """
                    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},
                     "geometry":{"type":"Point","coordinates":[84,28]}}]}""");
            ContextLayerImporter vectors = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            assertThatThrownBy(() -> vectors.run(new ContextLayerImporter.Request(List.of(geojson), null, "relief",
                    null, null, null, null, null, null))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("a raster layer named 'relief' exists");
            vectors.run(new ContextLayerImporter.Request(List.of(geojson), null, "points", null, null, null, null,
                    null, null));
            assertThatThrownBy(() -> new RasterImporter(t.store()).run(request(POKHARA, "points", null)))
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("a vector layer named 'points' exists");
        }
    }
}
