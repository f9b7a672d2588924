package org.clustergrid.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PokharaLayers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Scenarios on the real Pokhara data, each change checked against what it must do to the indicators it touches: a
 * bank placed in a cluster brings its bank distance to 0 and its count of finance points within reach up by one; an
 * unpaved road paved brings the all-season road distance of a cluster near it down to the distance to that road.
 */
class ScenarioEvaluationTest {
    static ScoringProfile profile;
    static ScoringData data;
    static ScoringRun before;
    /** The engine {@link #before} was run on, which evaluations derive theirs from. */
    static ScoringEngine beforeEngine;

    /**
     * Scores the data as they are, once for the class; called by each test, so that without the shared data each
     * test skips with the reason (a class-level skip would report no test at all).
     */
    @BeforeEach
    void scoreTheDataAsTheyAre() throws Exception {
        if (before != null) {
            return;
        }
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        profile = DefaultProfile.read();
        data = new ScoringData(1, pokhara.get(Layer.CLUSTERS), pokhara.get(Layer.ROADS), pokhara.get(Layer.POWER),
                pokhara.get(Layer.FINANCE), pokhara.get(Layer.MARKETS));
        beforeEngine = engine(data);
        before = ScoringRun.run(beforeEngine, profile.dimensionWeights());
    }

    static ScoringEngine engine(ScoringData d) {
        return ScoringEngine.build(d, profile, SpeedProfile.defaults());
    }

    static ScenarioEvaluation evaluate(String geojson, CostProfile costs) {
        Scenario s = ScenarioReader.read(geojson, "test");
        ScenarioApplier.Applied applied = ScenarioApplier.apply(data, s, costs);
        return ScenarioEvaluator.evaluate(s.name(), applied, before, beforeEngine, profile.dimensionWeights());
    }

    static IndicatorResult indicator(ScoringRun run, String id, Indicator i) {
        return run.ranked().stream().filter(r -> r.score().id().equals(id)).findFirst().orElseThrow().score()
                .indicators().get(i);
    }

    static Point inside(Geometry footprint) {
        return footprint instanceof Point p ? p : footprint.getInteriorPoint();
    }

    @Test
    void aBankInTheClusterFarthestFromOne() {
        ClusterScore far = before.ranked().stream().map(ScoringRun.Ranked::score)
                .filter(s -> s.indicators().get(Indicator.BANK_DISTANCE).value() != null)
                .max(Comparator.comparingDouble(s -> s.indicators().get(Indicator.BANK_DISTANCE).value()))
                .orElseThrow();
        StoredFeature cluster = data.clusters().stream().filter(c -> c.layerId().equals(far.id())).findFirst()
                .orElseThrow();
        Point at = inside(cluster.feature().geometry());
        ScenarioEvaluation e = evaluate(ScenarioReaderTest.collection(ScenarioReaderTest.feature(
                "{\"type\":\"Point\",\"coordinates\":[" + at.getX() + "," + at.getY() + "]}",
                "\"kind\":\"finance_point\",\"finance_type\":\"bank\",\"cost\":50000")), CostProfile.none("USD"));

        ScenarioEvaluation.ClusterChange c = e.clusters().stream().filter(x -> x.id().equals(far.id())).findFirst()
                .orElseThrow();
        ScenarioEvaluation.IndicatorChange bank = c.indicators().stream().filter(i -> i.id().equals("bank_distance"))
                .findFirst().orElseThrow();
        assertThat(bank.before()).isEqualTo(far.indicators().get(Indicator.BANK_DISTANCE).value()).isGreaterThan(1000);
        assertThat(bank.after()).isEqualTo(0.0);
        Double nearbyBefore = far.indicators().get(Indicator.FINANCE_POINTS_NEARBY).value();
        ScenarioEvaluation.IndicatorChange nearby = c.indicators().stream()
                .filter(i -> i.id().equals("finance_points_nearby")).findFirst().orElseThrow();
        assertThat(nearby.after()).isEqualTo(nearbyBefore + 1);
        assertThat(c.after().dimensions().get(org.clustergrid.scoring.Dimension.FINANCE))
                .isGreaterThan(c.before().dimensions().get(org.clustergrid.scoring.Dimension.FINANCE));
        assertThat(e.summary().totalCost()).isEqualTo(50000.0);
        assertThat(e.priced()).singleElement().satisfies(p -> assertThat(p.basis()).isEqualTo("entered"));
        assertThat(e.summary().clustersChanged()).isGreaterThanOrEqualTo(1);
        if (c.before().priority() != null) {
            assertThat(e.summary().priorityGain()).isGreaterThan(0);
            assertThat(e.summary().gainPerCost()).isCloseTo(e.summary().priorityGain() / 50000, within(1e-12));
        }
        // clusters the new bank cannot reach are untouched
        long untouched = e.clusters().stream().filter(x -> !x.changed()).count();
        assertThat(untouched).isPositive();
    }

    @Test
    void pavingAnUnpavedRoadNearAClusterBringsItsAllSeasonRoadCloser() {
        // the cluster whose nearest unpaved road is nearer than its all-season road, by the widest margin
        List<StoredFeature> unpaved = data.roads().stream().filter(r -> ((Road) r.feature()).motorable()
                && !((Road) r.feature()).allSeason() && ((Road) r.feature()).paving() == Road.Paving.UNPAVED).toList();
        NearestIndex<StoredFeature> index = NearestIndex.build(unpaved, f -> f.feature().geometry());
        StoredFeature best = null;
        StoredFeature road = null;
        double margin = 0;
        for (StoredFeature c : data.clusters()) {
            Double allSeason = indicator(before, c.layerId(), Indicator.ROAD_ALL_SEASON_DISTANCE).value();
            var n = index.nearest(c.feature().geometry());
            if (allSeason != null && n.isPresent() && allSeason - n.get().metres() > margin) {
                margin = allSeason - n.get().metres();
                best = c;
                road = n.get().item();
            }
        }
        assertThat(best).as("a cluster with an unpaved road nearer than its all-season one").isNotNull();
        Road r = (Road) road.feature();
        CostProfile costs = new CostProfile("test", "USD", Map.of("road_upgrade_km",
                new CostProfile.Rate(100_000, "km", "a test rate")));
        ScenarioEvaluation e = evaluate(ScenarioReaderTest.collection(ScenarioReaderTest.feature("null",
                "\"kind\":\"upgrade_road\",\"surface\":\"asphalt\",\"roads\":[\"" + road.layerId() + "\"]")), costs);
        double toRoad = NearestIndex.build(List.of(road), f -> f.feature().geometry()).nearest(
                best.feature().geometry()).orElseThrow().metres();
        String id = best.layerId();
        ScenarioEvaluation.IndicatorChange d = e.clusters().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow().indicators().stream().filter(i -> i.id().equals("road_all_season_distance"))
                .findFirst().orElseThrow();
        assertThat(d.after()).isCloseTo(toRoad, within(1e-6)).isLessThan(d.before());
        double km = org.clustergrid.geo.Geodesic.length(coordinates(r.geometry())) / 1000;
        assertThat(e.priced()).singleElement().satisfies(p -> {
            assertThat(p.km()).isCloseTo(km, within(1e-9));
            assertThat(p.cost()).isCloseTo(100_000 * km, within(1e-6));
            assertThat(p.basis()).startsWith("road_upgrade_km: ").endsWith(" USD/km (a test rate)");
        });
        // every cluster's all-season distance is the smaller of before and the distance to the paved road
        for (ScenarioEvaluation.ClusterChange c : e.clusters()) {
            StoredFeature f = data.clusters().stream().filter(x -> x.layerId().equals(c.id())).findFirst()
                    .orElseThrow();
            Double was = indicator(before, c.id(), Indicator.ROAD_ALL_SEASON_DISTANCE).value();
            if (was == null) {
                continue;
            }
            double expected = Math.min(was, NearestIndex.build(List.of(road), x -> x.feature().geometry())
                    .nearest(f.feature().geometry()).orElseThrow().metres());
            Double now = c.indicators().stream().filter(i -> i.id().equals("road_all_season_distance")).findFirst()
                    .map(ScenarioEvaluation.IndicatorChange::after).orElse(was);
            assertThat(now).as(c.id()).isCloseTo(expected, within(1e-6));
        }
    }

    private static double[] coordinates(Geometry g) {
        var c = g.getCoordinates();
        double[] out = new double[2 * c.length];
        for (int i = 0; i < c.length; i++) {
            out[2 * i] = c[i].x;
            out[2 * i + 1] = c[i].y;
        }
        return out;
    }

    @Test
    void aKindTheDataHoldNoneOfMadeKnownByPlannedFeaturesIsWarnedOf() {
        // the Pokhara data without their substations: the substation distance is unknown everywhere
        ScoringData noSubstations = new ScoringData(1, data.clusters(), data.roads(), data.power().stream()
                .filter(p -> ((PowerFeature) p.feature()).kind() != PowerFeature.PowerKind.SUBSTATION
                        && ((PowerFeature) p.feature()).kind() != PowerFeature.PowerKind.TRANSFORMER).toList(),
                data.finance(), data.markets(), data.coverages());
        ScoringEngine wasEngine = engine(noSubstations);
        ScoringRun was = ScoringRun.run(wasEngine, profile.dimensionWeights());
        assertThat(was.ranked()).allSatisfy(r -> assertThat(r.score().indicators()
                .get(Indicator.POWER_SUBSTATION_DISTANCE).missing().reason()).isEqualTo(Missing.Reason.EMPTY_LAYER));
        Point at = inside(data.clusters().get(0).feature().geometry());
        Scenario s = ScenarioReader.read(ScenarioReaderTest.collection(ScenarioReaderTest.feature("{\"type\":\"Point\","
                + "\"coordinates\":[" + at.getX() + "," + at.getY() + "]}", "\"kind\":\"new_substation\"")), "x");
        ScenarioApplier.Applied applied = ScenarioApplier.apply(noSubstations, s, new CostProfile("test", "USD",
                Map.of("hv_mv_substation", new CostProfile.Rate(25_000, "each", "a test rate"))));
        ScenarioEvaluation e = ScenarioEvaluator.evaluate("x", applied, was, wasEngine, profile.dimensionWeights());
        assertThat(e.summary().warnings()).containsExactly("power_substation_distance: the data hold none of its"
                + " kind, so it was unknown; the scenario's planned features alone make it known for "
                + data.clusters().size() + " clusters, whose scores move with the new measurement, not only with what"
                + " the intervention brings them (import the existing network to compare like with like)");
        assertThat(e.priced()).singleElement().satisfies(p -> assertThat(p.basis())
                .isEqualTo("hv_mv_substation: 25,000 USD each (a test rate)"));
    }

    @Test
    void whatCannotBeAppliedIsRefusedWholeAndNamed() {
        String far = "{\"type\":\"LineString\",\"coordinates\":[[85.5,27.0],[85.6,27.1]]}";
        assertThatThrownBy(() -> evaluate(ScenarioReaderTest.collection(
                ScenarioReaderTest.feature("null", "\"kind\":\"upgrade_road\",\"surface\":\"asphalt\","
                        + "\"roads\":[\"nowhere.w1\",\"" + data.roads().get(0).layerId() + "\"],\"cost\":1"),
                ScenarioReaderTest.feature("null", "\"kind\":\"upgrade_road\",\"id\":\"again\",\"surface\":"
                        + "\"concrete\",\"roads\":[\"" + data.roads().get(0).layerId() + "\"],\"cost\":1"),
                ScenarioReaderTest.feature(far, "\"kind\":\"new_road\",\"id\":\"far\",\"class\":\"tertiary\","
                        + "\"surface\":\"gravel\",\"cost\":1"),
                ScenarioReaderTest.feature(ScenarioReaderTest.POINT, "\"kind\":\"finance_point\","
                        + "\"finance_type\":\"bank\"")), CostProfile.none("USD")))
                .isInstanceOf(ScenarioException.class)
                .satisfies(x -> assertThat(((ScenarioException) x).problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("intervention 'i1' (upgrade_road): no road 'nowhere.w1' in the"
                                + " data"),
                        p -> assertThat(p).isEqualTo("intervention 'again' (upgrade_road): road '"
                                + data.roads().get(0).layerId() + "' is upgraded by intervention 'i1' already (it would"
                                + " be paid for twice)"),
                        p -> assertThat(p).startsWith("intervention 'far' (new_road): neither end lies within 500 m"
                                + " of a road of the data (the nearer is ").endsWith(" km away): a link that joins no"
                                + " road serves no one"),
                        p -> assertThat(p).isEqualTo("intervention 'i4' (finance_point): no cost entered, and cost"
                                + " profile 'none' has no rate 'finance_bank': enter its cost, or add the rate with its"
                                + " source")));
        assertThat(data.clusters().get(0).feature()).isInstanceOf(Cluster.class);
    }
}
