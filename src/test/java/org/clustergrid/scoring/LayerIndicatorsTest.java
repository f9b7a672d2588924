package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.layers.measure.LayerSource;
import org.clustergrid.layers.measure.MeasureKind;
import org.clustergrid.layers.measure.TestLayers;
import org.clustergrid.model.Typology;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.junit.jupiter.api.Test;

/**
 * Layer indicators in a profile and in the scores: read with errors naming the entry and field, computed on the
 * hand-built layers of {@link TestLayers}, weighted into their dimension, shown with their evidence and source.
 */
class LayerIndicatorsTest {
    static final double DEG = TestLayers.METRES_PER_DEGREE_ON_EQUATOR;
    static final Typology UNKNOWN = new Typology(null, null);
    static final String LAYERS = """
            layer_indicators:
              health_post_distance:
                kind: nearest
                layer: health_posts
                filter: "protected = true"
                dimension: finance
                title: Distance to the nearest protected health post
                weight: 7
                curve: [[1000, 100], [5000, 0]]
                source: "A test curve: 1 km scores 100, 5 km 0"
              beds_2km:
                kind: sum_within
                layer: health_posts
                attribute: beds
                radius_m: 2000
                dimension: power
                weight: 0
                curve: [[0, 0], [40, 100]]
              flooded:
                kind: containing_value
                layer: districts
                attribute: flooded
                dimension: roads
                weight: 1
                curve: [[0, 100], [1, 0]]
              wells_nearby:
                kind: count_within
                layer: wells
                radius_m: 1000
                dimension: markets
                weight: 1
                curve: [[0, 0], [1, 100]]
            """;

    static ScoringProfile profile(String extra) throws Exception {
        String yaml = Files.readString(ProfileTest.DEFAULT) + "\n" + extra;
        return ProfileReader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static ScoringEngine engine(ScoringProfile p, LayerSource layers, StoredFeature... clusters) {
        ScoringData data = new ScoringData(1, List.of(clusters), List.of(), List.of(), List.of(), List.of());
        return ScoringEngine.build(data, p, SpeedProfile.defaults(), layers);
    }

    @Test
    void readsEveryFieldInTheProfilesOrder() throws Exception {
        ScoringProfile p = profile(LAYERS);
        assertThat(p.layerIndicators()).extracting(LayerIndicator::id)
                .containsExactly("health_post_distance", "beds_2km", "flooded", "wells_nearby");
        LayerIndicator d = p.layerIndicators().get(0);
        assertThat(d.measure().kind()).isEqualTo(MeasureKind.NEAREST);
        assertThat(d.measure().filterText()).isEqualTo("protected = true");
        assertThat(d.dimension()).isEqualTo(Dimension.FINANCE);
        assertThat(d.unit()).isEqualTo("m");
        assertThat(d.title()).isEqualTo("Distance to the nearest protected health post");
        assertThat(d.source()).startsWith("A test curve");
        LayerIndicator beds = p.layerIndicators().get(1);
        assertThat(beds.measure().radiusM()).isEqualTo(2000.0);
        assertThat(beds.unit()).isEqualTo("beds");
        assertThat(beds.title()).isEqualTo("Sum of beds over the features of health_posts within 2,000 m");
        assertThat(profile("").layerIndicators()).isEmpty();
    }

    @Test
    void problemsNameTheEntryAndField() {
        String bad = """
                layer_indicators:
                  a:
                    kind: closest
                    layer: health_posts
                    dimension: health
                    weight: 1
                    curve: [[0, 0], [1, 100]]
                  b:
                    kind: nearest
                    layer: Health Posts
                    radius_m: 500
                    filter: "protected = "
                    dimension: finance
                    weight: 1
                    curve: [[0, 0], [1, 100]]
                  c:
                    kind: sum_within
                    layer: habitations
                    dimension: markets
                    weight: -1
                    curve: [[0, 0]]
                  bank_distance:
                    kind: nearest
                    layer: banks
                    dimension: finance
                    weight: 1
                    curve: [[0, 0], [1, 100]]
                  roads:
                    kind: nearest
                    layer: x
                    dimension: roads
                    weigth: 1
                    curve: [[0, 0], [1, 100]]
                """;
        assertThatThrownBy(() -> profile(bad)).isInstanceOf(ProfileReader.InvalidProfileException.class)
                .hasMessageContaining("test.yaml: ")
                .hasMessageContaining("layer_indicators.a.kind is 'closest'; it is one of nearest, count_within,"
                        + " sum_within, containing_value")
                .hasMessageContaining("layer_indicators.a.dimension is 'health'; it is one of roads, power, finance,"
                        + " markets")
                .hasMessageContaining("layer_indicators.b.layer: a layer name is a letter followed by")
                .hasMessageContaining("layer_indicators.b.radius_m does not apply to nearest")
                .hasMessageContaining("layer_indicators.b.filter: filter: ")
                .hasMessageContaining("layer_indicators.c.attribute is missing: sum_within needs it")
                .hasMessageContaining("layer_indicators.c.radius_m is missing: sum_within needs it")
                .hasMessageContaining("layer_indicators.c.weight must be a non-negative number")
                .hasMessageContaining("layer_indicators.c.curve: a curve needs at least two [value, score] points")
                .hasMessageContaining("layer_indicators.bank_distance: the id 'bank_distance' is taken")
                .hasMessageContaining("layer_indicators.roads: the id 'roads' is taken");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThatThrownBy(() -> profile(LAYERS.replace("    weight: 0", "    weigth: 0")))
                .hasMessageContaining("layer_indicators.beds_2km.weigth is not a field of a layer indicator")
                .hasMessageContaining("layer_indicators.beds_2km.weight is missing or not a number");
    }

    @Test
    void aClientsProfileIsHeldToTheLimits() throws Exception {
        ScoringProfile p = profile(LAYERS.replace("radius_m: 2000", "radius_m: 900000"));
        assertThat(ProfileLimits.DEFAULT.problems(p)).containsExactly("layer_indicators.beds_2km.radius_m is 900000 m,"
                + " more than the limit of 200000 m (clustergrid.limits.profile.distance-metres)");
    }

    @Test
    void aLayerIndicatorFeedsItsDimensionWithItsWeight() throws Exception {
        ScoringProfile p = profile(LAYERS);
        // no built-in layer holds data: every built-in indicator is unknown, so finance (built-in weight 3+1+1+2 = 7)
        // is known by its layer indicator of weight 7 alone: a share of 0.5, just enough to score
        ClusterScore s = engine(p, TestLayers.standard(), UnknownIsNotZeroTest.cluster("a", 0.01, 0))
                .scoreCluster(UnknownIsNotZeroTest.cluster("a", 0.01, 0), p.dimensionWeights());
        LayerResult d = s.layerIndicators().get(0);
        double metres = 0.01 * DEG; // protected post 1, along the equator
        assertThat(d.value()).isCloseTo(metres, within(1e-6));
        double score = 100 - (metres - 1000) / 4000 * 100;
        assertThat(d.score()).isCloseTo(score, within(1e-9));
        assertThat(d.evidence().layer()).isEqualTo("health_posts");
        assertThat(d.evidence().featureId()).isEqualTo("1");
        assertThat(s.completeness().get(Dimension.FINANCE)).isEqualTo(0.5);
        assertThat(s.dimensions().get(Dimension.FINANCE)).isCloseTo(score, within(1e-9));
        // roads: flooded (district 1) scores 0 with weight 1 of 1 + 7 built-in: too little known to score roads
        assertThat(s.layerIndicators().get(2).value()).isEqualTo(1.0);
        assertThat(s.layerIndicators().get(2).score()).isZero();
        assertThat(s.completeness().get(Dimension.ROADS)).isEqualTo(1.0 / 8);
        assertThat(s.dimensions()).doesNotContainKey(Dimension.ROADS);
        // weight 0: shown, measured, counts nowhere
        assertThat(s.layerIndicators().get(1).value()).isEqualTo(30.0);
        assertThat(s.completeness().get(Dimension.POWER)).isZero();
        // a layer the store lacks: unknown with the reason, not counted as known
        LayerResult wells = s.layerIndicators().get(3);
        assertThat(wells.value()).isNull();
        assertThat(wells.score()).isNull();
        assertThat(wells.missing().reason()).isEqualTo(Missing.Reason.EMPTY_LAYER);
        assertThat(wells.missing().message()).isEqualTo("no context layer 'wells' in the store");
        assertThat(s.completeness().get(Dimension.MARKETS)).isZero();
    }

    @Test
    void anUnusableLayerNamesTheProfileEntry() throws Exception {
        ScoringProfile p = profile(LAYERS.replace("attribute: beds", "attribute: staff"));
        ClusterScore s = engine(p, TestLayers.standard(), UnknownIsNotZeroTest.cluster("a", 0.01, 0))
                .scoreGeometry("q", TestLayers.pt(0.01, 0), UNKNOWN, Set.of(), null, p.dimensionWeights());
        Missing m = s.layerIndicators().get(1).missing();
        assertThat(m.reason()).isEqualTo(Missing.Reason.LAYER_UNUSABLE);
        assertThat(m.message()).startsWith("layer_indicators.beds_2km: context layer 'health_posts' has no attribute"
                + " 'staff'");
    }

    @Test
    void outsideTheLayersExtentIsUnknownNamingIt() throws Exception {
        ScoringProfile p = profile(LAYERS);
        ClusterScore s = engine(p, TestLayers.standard()).scoreGeometry("q", TestLayers.pt(0.5, 0.05), UNKNOWN,
                Set.of(), null, p.dimensionWeights());
        for (int k = 0; k < 3; k++) {
            LayerResult r = s.layerIndicators().get(k);
            assertThat(r.missing().reason()).as(r.indicator().id()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
            assertThat(r.missing().message()).contains("outside the extent of context layer '"
                    + r.indicator().measure().layer() + "'");
        }
        assertThat(s.dimensions()).isEmpty();
    }

    @Test
    void theScoresShowLayerIndicatorsWithEvidenceAndSource() throws Exception {
        ScoringProfile p = profile(LAYERS);
        ScoringRun run = ScoringRun.run(engine(p, TestLayers.standard(), UnknownIsNotZeroTest.cluster("a", 0.01, 0)),
                p.dimensionWeights());
        ScoringRun.Ranked r = run.ranked().get(0);
        Map<String, Object> summary = ScoreOutput.summary(r);
        assertThat(summary).containsEntry("health_post_distance", ScoreOutput.round(0.01 * DEG, 3))
                .containsEntry("health_post_distance_evidence", "health_posts.1")
                .containsEntry("wells_nearby_missing", "empty_layer")
                .containsEntry("flooded", 1.0).containsEntry("flooded_score", 0.0);
        assertThat(List.copyOf(summary.keySet())).isEqualTo(ScoreOutput.summaryColumns(p.layerIndicators()));
        String csv = ScoreOutput.csv(run.ranked());
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(
                ",wells_nearby,wells_nearby_score,wells_nearby_missing,wells_nearby_evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> finance = (Map<String, Object>) ((Map<String, Object>) ScoreOutput.breakdown(r)
                .get("dimensions")).get("finance");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) finance.get("indicators");
        Map<String, Object> d = indicators.get(indicators.size() - 1);
        assertThat(d).containsEntry("id", "health_post_distance")
                .containsEntry("title", "Distance to the nearest protected health post").containsEntry("unit", "m")
                .containsEntry("kind", "nearest").containsEntry("layer", "health_posts")
                .containsEntry("filter", "protected = true").containsEntry("weight", 7.0)
                .containsEntry("source", "A test curve: 1 km scores 100, 5 km 0");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) d.get("evidence");
        assertThat(evidence).containsEntry("layer", "health_posts").containsEntry("feature", "1")
                .containsEntry("name", "Post one").containsEntry("metres", ScoreOutput.round(0.01 * DEG, 1));
    }

    @Test
    void aProfileWithoutLayerIndicatorsScoresAsBefore() throws Exception {
        ScoringProfile p = ProfileTest.defaultProfile();
        StoredFeature a = UnknownIsNotZeroTest.cluster("a", 0.01, 0);
        ClusterScore s = engine(p, TestLayers.standard(), a).scoreCluster(a, p.dimensionWeights());
        assertThat(s.layerIndicators()).isEmpty();
        ScoringRun.Ranked r = new ScoringRun.Ranked(s, null, null, null, null);
        assertThat(List.copyOf(ScoreOutput.summary(r).keySet())).isEqualTo(ScoreOutput.summaryColumns());
    }
}
