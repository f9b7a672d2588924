package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.layers.measure.MeasureKind;
import org.clustergrid.layers.measure.TestLayers;
import org.junit.jupiter.api.Test;

/**
 * Raster layer indicators in a profile: read and checked as the vector kinds are, scored, shown with their cell as
 * evidence; a kind that does not fit the layer's type is unknown, naming the profile entry.
 */
class RasterIndicatorsTest {
    static final String RASTERS = """
            layer_indicators:
              grid_value:
                kind: raster_value
                layer: grid
                dimension: markets
                weight: 1
                curve: [[0, 0], [3000, 100]]
              grid_sum_1km:
                kind: raster_sum_within
                layer: grid
                radius_m: 1000
                unit: people
                dimension: markets
                weight: 1
                curve: [[0, 0], [200000, 100]]
              grid_mean_1km:
                kind: raster_mean_within
                layer: grid
                radius_m: 1000
                dimension: markets
                weight: 0
                curve: [[0, 0], [3000, 100]]
              districts_as_raster:
                kind: raster_value
                layer: districts
                dimension: markets
                weight: 0
                curve: [[0, 0], [1, 100]]
              grid_as_vector:
                kind: containing_value
                layer: grid
                attribute: value
                dimension: markets
                weight: 0
                curve: [[0, 0], [1, 100]]
            """;

    static TestLayers layers() {
        TestLayers t = TestLayers.standard();
        t.raster("grid", Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif"), null);
        return t;
    }

    @Test
    void readsTheRasterKindsWithTitlesAndUnits() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(RASTERS);
        LayerIndicator value = p.layerIndicators().get(0);
        assertThat(value.measure().kind()).isEqualTo(MeasureKind.RASTER_VALUE);
        assertThat(value.title()).isEqualTo("Value of grid at the cluster");
        assertThat(value.unit()).isEqualTo("grid");
        LayerIndicator sum = p.layerIndicators().get(1);
        assertThat(sum.measure().radiusM()).isEqualTo(1000.0);
        assertThat(sum.title()).isEqualTo("Sum of grid within 1,000 m");
        assertThat(sum.unit()).isEqualTo("people");
        assertThat(p.layerIndicators().get(2).title()).isEqualTo("Mean of grid within 1,000 m");
    }

    @Test
    void whatTheYamlAloneShowsIsAProfileError() {
        String bad = """
                layer_indicators:
                  a:
                    kind: raster_value
                    layer: grid
                    filter: "value > 3"
                    attribute: value
                    radius_m: 500
                    dimension: markets
                    weight: 1
                    curve: [[0, 0], [1, 100]]
                  b:
                    kind: raster_sum_within
                    layer: grid
                    dimension: markets
                    weight: 1
                    curve: [[0, 0], [1, 100]]
                """;
        assertThatThrownBy(() -> LayerIndicatorsTest.profile(bad))
                .hasMessageContaining("layer_indicators.a.filter does not apply to raster_value: a raster's cells have"
                        + " no attributes")
                .hasMessageContaining("layer_indicators.a.attribute does not apply to raster_value")
                .hasMessageContaining("layer_indicators.a.radius_m does not apply to raster_value")
                .hasMessageContaining("layer_indicators.b.radius_m is missing: raster_sum_within needs it");
    }

    @Test
    void aClustersCellAndCellsAroundItAreScoredWithTheirEvidence() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(RASTERS);
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.99 28.20  → (22P,18L) 1822; the sum within 1 km is
        // RasterMeasurerTest's, counted apart from the server: 92,118 over 52 cells
        ScoringRun run = ScoringRun.run(LayerIndicatorsTest.engine(p, layers(),
                UnknownIsNotZeroTest.cluster("a", 83.99, 28.20)), p.dimensionWeights());
        ScoringRun.Ranked r = run.ranked().get(0);
        List<LayerResult> results = r.score().layerIndicators();
        assertThat(results.get(0).value()).isEqualTo(1822.0);
        assertThat(results.get(0).score()).isCloseTo(1822.0 / 30, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(results.get(1).value()).isEqualTo(92118.0);
        assertThat(results.get(1).details()).containsEntry("cells", 52L).containsEntry("no_data", 0L);
        assertThat(results.get(2).value()).isEqualTo(92118.0 / 52);
        Map<String, Object> summary = ScoreOutput.summary(r);
        assertThat(summary).containsEntry("grid_value", 1822.0).containsEntry("grid_value_evidence", "grid.22-18")
                .containsEntry("grid_sum_1km", 92118.0).containsEntry("grid_sum_1km_evidence", null)
                .containsEntry("districts_as_raster_missing", "layer_unusable")
                .containsEntry("grid_as_vector_missing", "layer_unusable");
        assertThat(results.get(3).missing().message()).isEqualTo("layer_indicators.districts_as_raster: context"
                + " layer 'districts' is a vector layer, not a raster: raster_value, raster_sum_within,"
                + " raster_mean_within and raster_sum_reachable read a raster's cells (nearest, count_within,"
                + " sum_within, containing_value, count_reachable and sum_reachable read a vector layer)");
        assertThat(results.get(4).missing().message()).startsWith("layer_indicators.grid_as_vector: 'grid' is a"
                + " raster layer");
    }

    @Test
    void aClusterOffTheGridIsOutsideCoverageNamingTheLayer() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(RASTERS);
        ClusterScore s = LayerIndicatorsTest.engine(p, layers()).scoreGeometry("q", TestLayers.pt(83.90, 28.20),
                LayerIndicatorsTest.UNKNOWN, Set.of(), null, p.dimensionWeights());
        for (int k = 0; k < 3; k++) {
            Missing m = s.layerIndicators().get(k).missing();
            assertThat(m.reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
            assertThat(m.message()).isEqualTo("outside raster layer 'grid': its grid does not reach the place");
        }
    }
}
