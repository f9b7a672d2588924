package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.PokharaLayers;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code raster_sum_reachable} end to end on the real Pokhara roads: the Pokhara test grid imported as a raster layer,
 * and the same cells imported apart as a vector layer of points — their centres converted by GDAL, their values by
 * the grid's rule (100 · row + column, none in the no-data block) — summed by {@code sum_reachable}. Two readings of
 * the same cells, one by the server from the GeoTIFF and one from GDAL's centres, must reach the same sum from every
 * place, at two travel times.
 */
class RasterReachableTest {
    static final Path CENTRES = Path.of("src/test/resources/rasters/pokhara-utm44-grid-centres.txt");
    static final String PROFILE = """
            layer_indicators:
              grid_5min:
                kind: raster_sum_reachable
                layer: pokhara_grid
                minutes: 5
                dimension: markets
                weight: 1
                curve: [[0, 0], [100000, 100]]
              points_5min:
                kind: sum_reachable
                layer: grid_points
                attribute: value
                minutes: 5
                dimension: markets
                weight: 0
                curve: [[0, 0], [100000, 100]]
              grid_15min:
                kind: raster_sum_reachable
                layer: pokhara_grid
                minutes: 15
                dimension: markets
                weight: 1
                curve: [[0, 0], [1000000, 100]]
              points_15min:
                kind: sum_reachable
                layer: grid_points
                attribute: value
                minutes: 15
                dimension: markets
                weight: 0
                curve: [[0, 0], [1000000, 100]]
            """;

    @TempDir
    Path dir;

    /** The grid's cells as GeoJSON points at GDAL's centres, a cell of the no-data block without a value. */
    private Path gridPoints(List<double[]> places) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String sep = "";
        for (String line : Files.readAllLines(CENTRES)) {
            String[] f = line.trim().split("\\s+");
            int c = Integer.parseInt(f[0]);
            int r = Integer.parseInt(f[1]);
            if (c < 0 || r < 0 || c >= 40 || r >= 30) {
                continue;
            }
            boolean noData = r >= 10 && r <= 12 && c >= 20 && c <= 23;
            json.append(sep).append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(f[2]).append(',').append(f[3]).append("]},\"properties\":{\"value\":")
                    .append(noData ? "null" : Integer.toString(100 * r + c)).append("}}");
            sep = ",";
            if (c % 3 == 1 && r % 3 == 1) {
                places.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        }
        Path out = dir.resolve("grid-points.geojson");
        Files.writeString(out, json.append("]}").toString());
        return out;
    }

    @Test
    void theCellsReachedSumAsTheSameCellsImportedAsPoints() throws Exception {
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        List<double[]> at = new ArrayList<>();
        Path points = gridPoints(at);
        List<StoredFeature> places = new ArrayList<>(pokhara.get(Layer.CLUSTERS));
        for (int i = 0; i < at.size(); i++) {
            places.add(UnknownIsNotZeroTest.cluster("cell" + i, at.get(i)[0], at.get(i)[1]));
        }
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            new RasterImporter(t.store()).run(new RasterImporter.Request(RasterScoringTest.GRID, "pokhara_grid",
                    "Pokhara test grid", null, null, null, false, null, "CC0", "test grid"));
            new ContextLayerImporter(t.store(), ImportLimits.DEFAULT).run(new ContextLayerImporter.Request(
                    List.of(points), null, "grid_points", "The grid's cells as points", "GDAL", "CC0", "test grid",
                    null, null));
            ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
            ScoringData data = new ScoringData(1, places, pokhara.get(Layer.ROADS), pokhara.get(Layer.POWER),
                    pokhara.get(Layer.FINANCE), pokhara.get(Layer.MARKETS));
            ScoringEngine engine = ScoringEngine.build(data, p, SpeedProfile.defaults(), new ContextLayerFeed(
                    t.store().contextLayers(), t.store().rasterLayers(),
                    new RasterFileCache(t.store().rasterLayers(), dir.resolve("raster-cache"))));
            int compared = 0;
            int partial = 0;
            int withNoData = 0;
            int outside = 0;
            double total = 0;
            for (StoredFeature place : places) {
                List<LayerResult> r = engine.scoreCluster(place, p.dimensionWeights()).layerIndicators();
                for (int k = 0; k < 4; k += 2) {
                    LayerResult grid = r.get(k);
                    LayerResult pts = r.get(k + 1);
                    String what = place.layerId() + " " + grid.indicator().id();
                    if (grid.missing() != null) {
                        // beyond the grid: the clusters away from the grid's 10 km × 7.5 km of Pokhara
                        assertThat(grid.missing().reason()).as(what).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
                        assertThat(grid.missing().message()).as(what).contains("outside raster layer 'pokhara_grid'");
                        outside++;
                        continue;
                    }
                    if (pts.missing() != null) {
                        continue; // in the half cell between the grid's edge and the box around the centres
                    }
                    assertThat(grid.value()).as(what).isCloseTo(pts.value(), within(1e-6));
                    assertThat(((Number) grid.details().get("no_data")).intValue()).as(what)
                            .isEqualTo(((Number) pts.details().getOrDefault("not_reported", 0)).intValue());
                    if (grid.value() > 0) {
                        assertThat(grid.evidence().layer()).isEqualTo("pokhara_grid");
                        assertThat(grid.evidence().featureId()).matches("\\d+-\\d+");
                        assertThat(grid.evidence().seconds()).isBetween(0.0, grid.indicator().measure().seconds());
                    }
                    compared++;
                    total += grid.value();
                    // the whole grid sums to 1,763,400 less the no-data block's 13,458
                    partial += grid.value() > 0 && grid.value() < 1_749_942 ? 1 : 0;
                    withNoData += ((Number) grid.details().get("no_data")).intValue() > 0 ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "%d places: %d sums compared (%d partial, %d reaching no-data cells),"
                    + " %d outside the grid; %.0f in all%n", places.size(), compared, partial, withNoData, outside,
                    total);
            assertThat(compared).isGreaterThan(200);
            assertThat(partial).isGreaterThan(100);
            assertThat(withNoData).isPositive();
            assertThat(outside).isPositive();
        }
    }
}
