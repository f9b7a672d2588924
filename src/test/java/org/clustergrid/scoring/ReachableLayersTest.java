package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.layers.measure.MeasureKind;
import org.clustergrid.layers.measure.TestLayers;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.junit.jupiter.api.Test;

/**
 * {@code count_reachable} and {@code sum_reachable} on a hand-built network: one primary road (40 km/h) along the
 * equator from 0° to 0.2° E, the cluster at its western end, health posts at known travel times along it, beside it
 * (a walk at 5 km/h to the road), as an area, one off the network (more than 50 km from any road) and one a long
 * walk from the road's end.
 */
class ReachableLayersTest {
    static final double DEG = TestLayers.METRES_PER_DEGREE_ON_EQUATOR;
    static final double ROAD_MPS = 40 / 3.6;
    static final double WALK_MPS = 5 / 3.6;
    static final String PROFILE = """
            layer_indicators:
              posts_20min:
                kind: count_reachable
                layer: posts
                minutes: 20
                dimension: finance
                weight: 1
                curve: [[0, 0], [4, 100]]
              beds_20min:
                kind: sum_reachable
                layer: posts
                attribute: beds
                minutes: 20
                dimension: finance
                weight: 1
                curve: [[0, 0], [40, 100]]
              open_posts_10min:
                kind: count_reachable
                layer: posts
                filter: "open = true"
                minutes: 10
                dimension: markets
                weight: 0
                curve: [[0, 0], [1, 100]]
              wells_20min:
                kind: count_reachable
                layer: wells
                minutes: 20
                dimension: markets
                weight: 0
                curve: [[0, 0], [1, 100]]
            """;

    static ContextFeature post(long fid, org.locationtech.jts.geom.Geometry g, Long beds, boolean open) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("beds", beds);
        a.put("open", open);
        a.put("name", "post " + fid);
        return new ContextFeature(fid, g, a);
    }

    static TestLayers layers() {
        TestLayers t = new TestLayers();
        t.add("posts", GeometryKind.POINT, List.of(new Attribute("beds", AttributeType.INTEGER),
                new Attribute("open", AttributeType.BOOLEAN), new Attribute("name", AttributeType.TEXT)), List.of(
                post(1, TestLayers.pt(0.05, 0), 10L, true),            // 5.6 km along: 8.3 min
                post(2, TestLayers.pt(0.05, 0.001), null, true),       // and 111 m beside the road: + 1.3 min walk
                post(3, TestLayers.box(0.099, -0.001, 0.101, 0.001), 20L, false), // an area around 0.1°: 16.7 min
                post(4, TestLayers.pt(0.13, 0), 40L, true),            // 14.5 km along: 21.7 min, beyond 20
                post(5, TestLayers.pt(0.19, 0.6), 80L, true),          // 66 km from the road: off the network
                post(6, TestLayers.pt(-0.2, 0), 5L, true)));           // 22 km west of the road's end: a 4.5 h walk
        t.filter("open = true", f -> Boolean.TRUE.equals(f.attributes().get("open")));
        return t;
    }

    static ScoringData data(StoredFeature... clusters) {
        StoredFeature road = UnknownIsNotZeroTest.road("r", 0, 0, 0.2, 0, 20);
        // the road data speak for everything west of 0.15° E; the context layer reaches farther east
        return new ScoringData(1, List.of(clusters), List.of(road), List.of(), List.of(), List.of(), Map.of(
                "roads", UnknownIsNotZeroTest.box(-1, -1, 0.15, 1, Layer.ROADS),
                "register", UnknownIsNotZeroTest.box(-1, -1, 1, 1, Layer.CLUSTERS)));
    }

    @Test
    void countsAndSumsWhatTheRoadsReachWithinTheTime() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
        assertThat(p.layerIndicators().get(0).measure().kind()).isEqualTo(MeasureKind.COUNT_REACHABLE);
        assertThat(p.layerIndicators().get(0).measure().minutes()).isEqualTo(20.0);
        assertThat(p.layerIndicators().get(0).unit()).isEqualTo("count");
        StoredFeature at = UnknownIsNotZeroTest.cluster("a", 0, 0);
        ScoringEngine engine = ScoringEngine.build(data(at), p, SpeedProfile.defaults(), layers());
        List<LayerResult> r = engine.scoreCluster(at, p.dimensionWeights()).layerIndicators();

        LayerResult count = r.get(0);
        assertThat(count.missing()).isNull();
        assertThat(count.value()).isEqualTo(3.0); // posts 1, 2 and 3; not 4 (21.7 min), 5 (off the network) nor 6 (a walk)
        assertThat(count.details()).containsEntry("count", 3).containsEntry("minutes", 20.0);
        assertThat(count.evidence().layer()).isEqualTo("posts");
        assertThat(count.evidence().featureId()).isEqualTo("1");
        assertThat(count.evidence().seconds()).isCloseTo(0.05 * DEG / ROAD_MPS, within(1.0));
        assertThat(count.evidence().metres()).isNull();

        Map<String, Object> shown = LayerOutput.indicator(count);
        assertThat(shown).containsEntry("kind", "count_reachable").containsEntry("minutes", 20.0)
                .doesNotContainKey("radius_m");
        assertThat(shown.get("evidence").toString()).contains("seconds");

        LayerResult beds = r.get(1);
        assertThat(beds.value()).isEqualTo(30.0); // 10 + 20; post 2 reports no beds
        assertThat(beds.details()).containsEntry("count", 3).containsEntry("not_reported", 1);
        assertThat(beds.indicator().unit()).isEqualTo("beds");

        LayerResult open = r.get(2);
        assertThat(open.value()).isEqualTo(2.0); // posts 1 and 2 (9.7 min, with the walk); post 3 is closed
        assertThat(open.details()).containsEntry("minutes", 10.0);

        LayerResult wells = r.get(3);
        assertThat(wells.value()).isNull();
        assertThat(wells.missing().reason()).isEqualTo(Missing.Reason.EMPTY_LAYER);
        assertThat(wells.missing().message()).contains("no context layer 'wells'");
    }

    @Test
    void theTimeToAFeatureBesideTheRoadIncludesTheWalkAndTheLimitIsInclusive() throws Exception {
        double walked = 0.05 * DEG / ROAD_MPS + 0.001 * 6356752.3 * Math.PI / 180 / WALK_MPS; // ≈ 581 s
        // 9.68 min: inside a limit just above it, outside one just below it
        for (double minutes : new double[] {walked / 60 + 0.01, walked / 60 - 0.01}) {
            ScoringProfile p = LayerIndicatorsTest.profile(PROFILE.replace("minutes: 10", "minutes: " + minutes));
            StoredFeature at = UnknownIsNotZeroTest.cluster("a", 0, 0);
            ScoringEngine engine = ScoringEngine.build(data(at), p, SpeedProfile.defaults(), layers());
            LayerResult open = engine.scoreCluster(at, p.dimensionWeights()).layerIndicators().get(2);
            assertThat(open.value()).as("%.3f min", minutes).isEqualTo(minutes * 60 > walked ? 2.0 : 1.0);
        }
    }

    @Test
    void aClusterOffTheNetworkOrBeyondTheRoadDataIsUnknownNotZero() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
        StoredFeature off = UnknownIsNotZeroTest.cluster("off", 0.1, 0.55);   // 61 km from the road
        StoredFeature east = UnknownIsNotZeroTest.cluster("east", 0.17, 0.3); // where no road data speak
        StoredFeature far = UnknownIsNotZeroTest.cluster("far", -0.5, 0);     // west of every post
        ScoringEngine engine = ScoringEngine.build(data(off, east, far), p, SpeedProfile.defaults(), layers());

        LayerResult offNetwork = engine.scoreCluster(off, p.dimensionWeights()).layerIndicators().get(0);
        assertThat(offNetwork.value()).isNull();
        assertThat(offNetwork.missing().reason()).isEqualTo(Missing.Reason.OFF_NETWORK);
        assertThat(offNetwork.missing().message()).isEqualTo(IndicatorCalculator.offNetworkReason(p.parameters()));
        // the built-in travel-time indicators say the same of the place
        assertThat(engine.scoreCluster(off, p.dimensionWeights()).indicators()
                .get(Indicator.FINANCE_POINTS_REACHABLE).missing()).isNotNull();

        LayerResult beyond = engine.scoreCluster(east, p.dimensionWeights()).layerIndicators().get(1);
        assertThat(beyond.value()).isNull();
        assertThat(beyond.missing().reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
        assertThat(beyond.missing().message()).contains("roads");

        LayerResult outside = engine.scoreCluster(far, p.dimensionWeights()).layerIndicators().get(0);
        assertThat(outside.missing().reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
        assertThat(outside.missing().message()).contains("extent of context layer 'posts'");
    }

    @Test
    void aClientsProfileIsHeldToTheTravelTimeLimit() throws Exception {
        ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
        assertThat(new ProfileLimits(1000, 100, 1e6, 15 * 60).problems(p))
                .anyMatch(m -> m.contains("layer_indicators.posts_20min.minutes") && m.contains("travel-seconds"))
                .noneMatch(m -> m.contains("open_posts_10min"));
    }

    @Test
    void theProfileRefusesARadiusOrAMissingTime() {
        String radius = PROFILE.replaceFirst("minutes: 20", "radius_m: 5000");
        assertThat(radius).isNotEqualTo(PROFILE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LayerIndicatorsTest.profile(radius))
                .hasMessageContaining("layer_indicators.posts_20min.minutes is missing: count_reachable needs it")
                .hasMessageContaining("layer_indicators.posts_20min.radius_m does not apply to count_reachable");
    }
}
