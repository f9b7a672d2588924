package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import javax.media.jai.RasterFactory;
import org.clustergrid.raster.RasterLayer;
import org.clustergrid.testing.PostgisTestDatabase;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports of a 36 MB GeoTIFF as a raster layer killed with SIGKILL at seeded moments, on both stores, each import
 * under a new title: after each kill the store opens with the layer as it was or as the killed import made it, its
 * bytes whole (the file's, byte for byte) and no chunk of a raster no layer has. {@code -Dclustergrid.crash.kills=N}
 * and {@code -Dclustergrid.crash.seed=S} as in the other crash tests.
 */
class RasterLayerCrashTest {
    private static final int KILLS = Integer.getInteger("clustergrid.crash.kills", 4);
    private static final long SEED = Long.getLong("clustergrid.crash.seed", 20261206L);

    @TempDir
    Path dir;

    /** 3000 × 3000 random 32-bit values over a degree square: 36 MB, stored whole. */
    static Path bigGrid(Path dir) throws Exception {
        WritableRaster r = RasterFactory.createBandedRaster(DataBuffer.TYPE_FLOAT, 3000, 3000, 1, null);
        Random random = new Random(7);
        float[] row = new float[3000];
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 3000; x++) {
                row[x] = random.nextFloat() * 1000;
            }
            r.setSamples(0, y, 3000, 1, 0, row);
        }
        var coverage = new GridCoverageFactory().create("grid", r,
                new ReferencedEnvelope(84, 85, 27, 28, DefaultGeographicCRS.WGS84));
        Path file = dir.resolve("big.tif");
        GeoTiffWriter writer = new GeoTiffWriter(file.toFile());
        try {
            writer.write(coverage, null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aKilledRasterImportLeavesTheLayerAsItWasOrComplete(String kind) throws Exception {
        Path file = bigGrid(dir);
        byte[] bytes = Files.readAllBytes(file);
        StoreSettings settings = kind.equals("h2gis") ? StoreSettings.h2gis(dir.resolve("store"))
                : PostgisTestDatabase.freshSchema();
        String spec = kind.equals("h2gis") ? dir.resolve("store").toString()
                : CrashChild.POSTGIS + settings.postgisSchema();
        try {
            long started = System.nanoTime();
            ChildJvm first = ChildJvm.start("raster", spec, "grid", file.toString(), "import 0");
            assertThat(first.awaitExit(300_000) && first.done()).as(first.tail()).isTrue();
            long importMillis = (System.nanoTime() - started) / 1_000_000;
            String title = check(settings, bytes, List.of("import 0"));
            Random random = new Random(SEED);
            int kept = 0;
            for (int i = 1; i <= KILLS; i++) {
                ChildJvm child = ChildJvm.start("raster", spec, "grid", file.toString(), "import " + i);
                Thread.sleep((long) (random.nextDouble() * importMillis));
                child.kill();
                String now = check(settings, bytes, child.done() ? List.of("import " + i)
                        : List.of(title, "import " + i));
                kept += now.equals(title) ? 1 : 0;
                title = now;
            }
            ChildJvm last = ChildJvm.start("raster", spec, "grid", file.toString(), "last");
            assertThat(last.awaitExit(300_000) && last.done()).as(last.tail()).isTrue();
            check(settings, bytes, List.of("last"));
            System.out.printf("raster layer crash test (%s, seed %d): %d kills in a %d ms import, the layer kept as"
                    + " it was after %d%n", kind, SEED, KILLS, importMillis, kept);
        } finally {
            if (kind.equals("postgis")) {
                PostgisTestDatabase.dropSchema(settings);
            }
        }
    }

    /** Opens the store as a restarted server would: one layer, one of the titles, its bytes whole. Its title. */
    private static String check(StoreSettings settings, byte[] bytes, List<String> titles) throws Exception {
        try (SpatialStore s = StoreFactory.open(settings)) {
            List<RasterLayer> layers = s.rasterLayers().layers();
            assertThat(layers).extracting(RasterLayer::name).containsExactly("grid");
            RasterLayer l = layers.get(0);
            assertThat(l.title()).isIn(titles);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.rasterLayers().copyTo(l, out);
            assertThat(out.toByteArray()).isEqualTo(bytes);
            try (Connection c = s.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT DISTINCT raster_no FROM raster_chunk")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(l.rasterNo());
                assertThat(rs.next()).as("chunks of a raster no layer has").isFalse();
            }
            return l.title();
        }
    }
}
