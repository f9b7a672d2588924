package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Typology;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.PokharaLayers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Scores the 41 OSM cluster footprints of the real Pokhara extract against its own layers. */
class PokharaScoringTest {
    static ScoringData data;
    static ScoringEngine engine;
    static ScoringProfile profile;

    /** Once for the class, from each test: without the shared data each test skips with the reason. */
    @BeforeEach
    void build() throws Exception {
        if (engine != null) {
            return;
        }
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        data = new ScoringData(1, pokhara.get(Layer.CLUSTERS), pokhara.get(Layer.ROADS), pokhara.get(Layer.POWER),
                pokhara.get(Layer.FINANCE), pokhara.get(Layer.MARKETS));
        profile = ProfileTest.defaultProfile();
        engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
    }

    @Test
    void scoresEveryClusterWithEvidence() {
        ScoringRun run = ScoringRun.run(engine, profile.dimensionWeights());
        assertThat(run.ranked()).hasSize(41);
        for (ScoringRun.Ranked r : run.ranked()) {
            ClusterScore s = r.score();
            assertThat(s.indicators()).hasSize(Indicator.values().length);
            assertThat(s.composite()).isBetween(0.0, 100.0);
            assertThat(s.dimensions()).containsOnlyKeys(Dimension.values());
            IndicatorResult road = s.indicators().get(Indicator.ROAD_MOTORABLE_DISTANCE);
            assertThat(road.value()).isLessThan(5000);
            assertThat(road.evidence().layer()).isEqualTo("roads");
            assertThat(road.evidence().featureId()).startsWith("pokhara.w");
            IndicatorResult regional = s.indicators().get(Indicator.MARKET_REGIONAL_TIME);
            assertThat(regional.value()).as(s.id() + " " + regional).isNotNull().isPositive();
            assertThat(regional.evidence().layer()).isEqualTo("markets");
            // craft points have no size: no priority, no rank, no stability
            assertThat(s.priority()).isNull();
            assertThat(r.rank()).isNull();
        }
        // no port in Pokhara, but an airport: the global tier is measured
        assertThat(run.ranked().get(0).score().indicators().get(Indicator.MARKET_GLOBAL_TIME).value()).isNotNull();
    }

    @Test
    void reproducibleAndReweightable() {
        StoredFeature first = data.clusters().get(0);
        ClusterScore a = engine.scoreCluster(first, profile.dimensionWeights());
        ClusterScore b = ScoringEngine.build(data, profile, SpeedProfile.defaults())
                .scoreCluster(first, profile.dimensionWeights());
        assertThat(b).isEqualTo(a);
        Weights roadsOnly = new Weights(Map.of(Dimension.ROADS, 1.0, Dimension.POWER, 0.0, Dimension.FINANCE, 0.0,
                Dimension.MARKETS, 0.0));
        ClusterScore c = engine.scoreCluster(first, roadsOnly);
        assertThat(c.composite()).isEqualTo(a.dimensions().get(Dimension.ROADS));
    }

    @Test
    void emptyLayersGiveNoDataNeverZero() {
        ScoringData noPower = new ScoringData(1, data.clusters(), data.roads(), List.of(), data.finance(), data.markets());
        ClusterScore s = ScoringEngine.build(noPower, profile, SpeedProfile.defaults())
                .scoreCluster(data.clusters().get(0), profile.dimensionWeights());
        for (Indicator i : List.of(Indicator.POWER_HV_DISTANCE, Indicator.POWER_MV_DISTANCE,
                Indicator.POWER_SUBSTATION_DISTANCE, Indicator.GRID_SERVED, Indicator.SUPPLY_HOURS)) {
            assertThat(s.indicators().get(i).value()).isNull();
            assertThat(s.indicators().get(i).score()).isNull();
        }
        assertThat(s.dimensions()).doesNotContainKey(Dimension.POWER);
        assertThat(s.composite()).isNotNull();
    }

    @Test
    void scoresAnyPoint() {
        var lakeside = new GeometryFactory().createPoint(new Coordinate(83.9596, 28.2096));
        ClusterScore s = engine.scoreGeometry("point", lakeside, Typology.UNKNOWN, Set.of(), 500,
                profile.dimensionWeights());
        assertThat(s.indicators().get(Indicator.BANK_DISTANCE).value()).isLessThan(2000);
        assertThat(s.priority()).isEqualTo(s.gap() * 500);
    }

    @Test
    void batchSumsEqualTheSingleFootprintOnes() {
        // the batch run searches from the markets, a single footprint from itself: the sums must agree
        List<ClusterScore> batch = engine.scoreClusters(profile.dimensionWeights());
        int compared = 0;
        for (int i = 0; i < batch.size(); i += 5) {
            Cluster c = (Cluster) data.clusters().get(i).feature();
            ClusterScore alone = engine.scoreGeometry("x", c.footprint(), c.typology(), c.marketsServed(), c.size(),
                    profile.dimensionWeights());
            Double a = batch.get(i).indicators().get(Indicator.MARKET_POTENTIAL).value();
            Double b = alone.indicators().get(Indicator.MARKET_POTENTIAL).value();
            assertThat(a).as(c.name()).isCloseTo(b, org.assertj.core.data.Percentage.withPercentage(1e-6));
            // and so must E2SFCA access, summed from the finance points' side for the data's clusters
            assertThat(batch.get(i).indicators().get(Indicator.FINANCE_E2SFCA).value()).isCloseTo(
                    alone.indicators().get(Indicator.FINANCE_E2SFCA).value(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(batch.get(i).indicators().get(Indicator.MARKET_POTENTIAL).details().get("markets"))
                    .isEqualTo(alone.indicators().get(Indicator.MARKET_POTENTIAL).details().get("markets"));
            compared++;
        }
        assertThat(compared).isGreaterThan(5);
    }
}
