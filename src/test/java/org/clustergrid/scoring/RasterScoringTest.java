package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end on both stores: the Pokhara test grid imported as a raster layer (its bytes in the store, read from the
 * server's raster cache), a profile scoring clusters on its cells, each value as GDAL reads the file or as counted
 * apart from the server in {@link org.clustergrid.layers.measure.RasterMeasurerTest}.
 */
class RasterScoringTest {
    static final Path GRID = Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif");
    static final String PROFILE = """
            layer_indicators:
              density:
                kind: raster_value
                layer: pokhara_grid
                dimension: markets
                weight: 1
                curve: [[0, 0], [3000, 100]]
              people_1km:
                kind: raster_sum_within
                layer: pokhara_grid
                radius_m: 1000
                unit: people
                dimension: markets
                weight: 1
                curve: [[0, 0], [100000, 100]]
              mean_600m:
                kind: raster_mean_within
                layer: pokhara_grid
                radius_m: 600
                dimension: markets
                weight: 0
                curve: [[0, 0], [3000, 100]]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void clustersAreScoredOnTheCellsOfAnImportedRaster(String kind) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            new RasterImporter(t.store()).run(new RasterImporter.Request(GRID, "pokhara_grid", "Pokhara test grid",
                    null, null, null, false, null, "CC0", "test grid"));
            ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
            List<StoredFeature> clusters = List.of(UnknownIsNotZeroTest.cluster("centre", 83.99, 28.20),
                    UnknownIsNotZeroTest.cluster("gap", 83.9890, 28.2149),
                    UnknownIsNotZeroTest.cluster("west", 83.90, 28.20));
            ScoringData data = new ScoringData(1, clusters, List.of(), List.of(), List.of(), List.of());
            Path cache = dir.resolve("raster-cache");
            ScoringEngine engine = ScoringEngine.build(data, p, SpeedProfile.defaults(), new ContextLayerFeed(
                    t.store().contextLayers(), t.store().rasterLayers(),
                    new RasterFileCache(t.store().rasterLayers(), cache)));
            try (Stream<Path> files = Files.list(cache)) {
                assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.mismatch(f, GRID))
                        .as("the store's copy, byte for byte").isEqualTo(-1L));
            }

            // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.99 28.20  → (22P,18L) 1822
            List<LayerResult> centre = engine.scoreCluster(clusters.get(0), p.dimensionWeights()).layerIndicators();
            assertThat(centre.get(0).value()).isEqualTo(1822.0);
            assertThat(centre.get(0).evidence().featureId()).isEqualTo("22-18");
            assertThat(centre.get(0).score()).isCloseTo(1822.0 / 30, within(1e-9));
            // RasterMeasurerTest.sumOfTheCellsWhoseCentresLieWithinTheRadius: 92,118 over 52 cells, counted apart
            assertThat(centre.get(1).value()).isEqualTo(92118.0);
            assertThat(centre.get(1).details()).containsEntry("cells", 52L).containsEntry("radius_m", 1000.0);
            assertThat(centre.get(1).score()).isCloseTo(92.118, within(1e-9));

            // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.9890 28.2149  → (21P,11L) -9999: no data
            List<LayerResult> gap = engine.scoreCluster(clusters.get(1), p.dimensionWeights()).layerIndicators();
            assertThat(gap.get(0).missing().reason()).isEqualTo(Missing.Reason.NOT_REPORTED);
            assertThat(gap.get(0).missing().message()).contains("cell 21-11").contains("'pokhara_grid'");
            // RasterMeasurerTest.cellsWithoutDataAreLeftOutAndCounted: 10,083 over 9 cells, 12 without data
            assertThat(gap.get(2).value()).isCloseTo(10083.0 / 9, within(1e-9));
            assertThat(gap.get(2).details()).containsEntry("cells", 9L).containsEntry("no_data", 12L);

            // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.90 28.20  → off the file
            for (LayerResult r : engine.scoreCluster(clusters.get(2), p.dimensionWeights()).layerIndicators()) {
                assertThat(r.missing().reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
                assertThat(r.missing().message()).contains("raster layer 'pokhara_grid'");
            }
            System.out.printf("%s: density %.0f, people within 1 km %.0f, mean within 600 m of the gap %.3f%n", kind,
                    centre.get(0).value(), centre.get(1).value(), gap.get(2).value());
        }
    }
}
