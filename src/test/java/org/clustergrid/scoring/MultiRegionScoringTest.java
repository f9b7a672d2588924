package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.coverage.LayerCoverage;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * Scores on a store that mixes regions and sources ({@link MultiRegionStore}): no cluster gets a distance from a layer
 * whose data do not cover it, unknown stays unknown, and clusters too little is known of are ranked apart.
 */
class MultiRegionScoringTest {
    @TempDir
    static Path dir;
    static TestStore testStore;
    static ScoringData data;
    static ScoringRun run;
    static Map<String, ScoringRun.Ranked> byName = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        testStore = TestStore.h2gis(dir);
        MultiRegionStore.fill(testStore.store());
        data = ScoringData.load(testStore.store());
        ScoringEngine engine = ScoringEngine.build(data, ProfileTest.defaultProfile(), SpeedProfile.defaults());
        run = ScoringRun.run(engine, engine.profile().dimensionWeights());
        for (ScoringRun.Ranked r : run.ranked()) {
            byName.put(r.score().name(), r);
        }
        long ranked = run.ranked().stream().filter(r -> r.rank() != null).count();
        long byGap = run.ranked().stream().filter(r -> r.rank() == null && r.gapRank() != null).count();
        System.out.printf("multi-region store: %d clusters, %d ranked by priority, %d by gap only, %d unscored;"
                + " engine built in %.1f s%n", run.ranked().size(), ranked, byGap, run.ranked().size() - ranked - byGap,
                engine.buildSeconds());
        for (String name : List.of("Tiruppur knitwear", "Ludhiana hosiery & bicycles")) {
            ScoringRun.Ranked r = byName.get(name);
            System.out.printf("  %s: known %.2f, dimensions %s, %s, flags %s%n", name, r.score().known(),
                    r.score().dimensions(), r.unranked(), r.score().flags().stream().map(QualityFlag::message).toList());
        }
    }

    @AfterAll
    static void close() {
        if (testStore != null) {
            testStore.close();
        }
    }

    @Test
    void everyDatasetRecordsWhereItHasData() {
        Map<String, Dataset> datasets = new HashMap<>();
        testStore.store().datasets().forEach(d -> datasets.put(d.id(), d));
        Coverage pokhara = datasets.get("pokhara").coverage();
        assertThat(pokhara.method()).isEqualTo(Coverage.Method.FILE_BOUNDS);
        assertThat(pokhara.layers()).contains(Layer.ROADS, Layer.POWER, Layer.FINANCE, Layer.MARKETS, Layer.CLUSTERS);
        assertThat(pokhara.area().getEnvelopeInternal().getWidth()).isLessThan(1); // the extract's box, not Asia
        Coverage punjab = datasets.get("pmgsy-punjab").coverage();
        assertThat(punjab.method()).isEqualTo(Coverage.Method.DERIVED);
        assertThat(punjab.layers()).containsExactlyInAnyOrder(Layer.FINANCE, Layer.MARKETS);
        assertThat(punjab.area().covers(point(75.85379, 30.91204))).as("Ludhiana").isTrue();
        assertThat(punjab.area().covers(point(77.35456, 11.11541))).as("Tiruppur").isFalse();
        assertThat(datasets.get("geonames").coverage().layers()).containsExactly(Layer.MARKETS);
    }

    @Test
    void noClusterGetsADistanceFromALayerThatDoesNotCoverIt() {
        LayerCoverage coverage = data.layerCoverage();
        int measured = 0;
        int unknown = 0;
        for (ScoringRun.Ranked r : run.ranked()) {
            StoredFeature cluster = data.clusters().stream().filter(c -> c.layerId().equals(r.score().id())).findFirst()
                    .orElseThrow();
            Coordinate at = Features.representative(cluster.feature().geometry()).getCoordinate();
            for (IndicatorResult ir : r.score().indicators().values()) {
                boolean covered = Availability.layersOf(ir.indicator()).stream().allMatch(l -> coverage.covers(l, at));
                if (covered) {
                    continue;
                }
                assertThat(ir.value()).as(r.score().name() + " " + ir.indicator().id()).isNull();
                assertThat(ir.score()).as(r.score().name() + " " + ir.indicator().id()).isNull();
                assertThat(ir.missing().reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
                unknown++;
            }
            measured += r.score().indicators().values().stream().filter(IndicatorResult::hasData).count();
        }
        assertThat(unknown).as("indicators left unknown for lack of coverage").isGreaterThan(100);
        assertThat(measured).isGreaterThan(400);
    }

    @Test
    void tiruppurRoadsAndPowerAreOutsideCoverageNotZero() {
        ClusterScore tiruppur = byName.get("Tiruppur knitwear").score();
        for (Indicator i : List.of(Indicator.ROAD_ALL_SEASON_DISTANCE, Indicator.RURAL_ACCESS,
                Indicator.POWER_HV_DISTANCE, Indicator.GRID_SERVED, Indicator.MARKET_REGIONAL_TIME)) {
            IndicatorResult ir = tiruppur.indicators().get(i);
            assertThat(ir.score()).as(i.id()).isNull();
            assertThat(ir.missing().reason()).as(i.id()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
        }
        assertThat(tiruppur.dimensions()).doesNotContainKeys(Dimension.ROADS, Dimension.POWER);
        assertThat(tiruppur.composite()).isNull();
        assertThat(tiruppur.flags()).extracting(QualityFlag::code).contains("outside_coverage");
    }

    @Test
    void ludhianaFinanceComesFromThePunjabRegister() {
        ClusterScore ludhiana = byName.get("Ludhiana hosiery & bicycles").score();
        IndicatorResult bank = ludhiana.indicators().get(Indicator.BANK_DISTANCE);
        assertThat(bank.evidence().featureId()).startsWith("pmgsy-punjab.");
        assertThat(bank.value()).isLessThan(30_000);
        assertThat(ludhiana.indicators().get(Indicator.FINANCE_POINTS_NEARBY).value()).isPositive();
        assertThat(ludhiana.dimensions()).containsKey(Dimension.FINANCE);
        // finance reachable by road needs roads, which no dataset has for Punjab
        assertThat(ludhiana.indicators().get(Indicator.FINANCE_POINTS_REACHABLE).missing().reason())
                .isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
    }

    @Test
    void pokharaCannotReachKathmanduInItsRoadDataAndThatIsUnknownNotZero() {
        List<StoredFeature> pokhara = data.clusters().stream().filter(c -> c.datasetId().equals("pokhara")).toList();
        assertThat(pokhara).hasSize(41);
        Map<String, ScoringRun.Ranked> byId = new HashMap<>();
        run.ranked().forEach(r -> byId.put(r.score().id(), r));
        for (StoredFeature c : pokhara) {
            ClusterScore s = byId.get(c.layerId()).score();
            IndicatorResult national = s.indicators().get(Indicator.MARKET_NATIONAL_TIME);
            assertThat(national.missing().reason()).as(s.name()).isEqualTo(Missing.Reason.BEYOND_COVERAGE);
            assertThat(s.flags()).extracting(QualityFlag::code).contains("market_beyond_road_data");
            assertThat(s.scored()).as(s.name() + " is inside every layer's coverage").isTrue();
        }
    }

    @Test
    void clustersTooLittleIsKnownOfAreRankedApartWithTheReason() {
        List<ScoringRun.Ranked> order = run.byRank();
        int firstUnscored = -1;
        for (int i = 0; i < order.size(); i++) {
            ScoringRun.Ranked r = order.get(i);
            if (!r.score().scored()) {
                firstUnscored = firstUnscored < 0 ? i : firstUnscored;
                assertThat(r.rank()).isNull();
                assertThat(r.gapRank()).isNull();
                assertThat(r.unranked()).startsWith("too little is known to score");
            } else {
                assertThat(firstUnscored).as("a scored cluster after an unscored one").isNegative();
                assertThat(r.unranked() == null ? r.rank() : r.gapRank()).isNotNull();
            }
        }
        // the literature clusters outside Pokhara have no roads or power data: none of them is scored
        java.util.Set<String> literature = new java.util.HashSet<>();
        data.clusters().stream().filter(c -> c.datasetId().equals("literature")).forEach(c -> literature.add(c.layerId()));
        assertThat(literature).hasSize(13);
        assertThat(run.ranked()).filteredOn(r -> literature.contains(r.score().id())).noneMatch(r -> r.score().scored());
        assertThat(order.subList(0, firstUnscored)).allMatch(r -> r.score().known() >= 0.6);
        assertThat(byName.get("Tiruppur knitwear").unranked()).contains("% of the evidence");
    }

    private static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return new org.locationtech.jts.geom.GeometryFactory().createPoint(new Coordinate(lon, lat));
    }
}
