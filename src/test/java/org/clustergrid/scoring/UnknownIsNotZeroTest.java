package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.Typology;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Small fixtures, one per way of not knowing: an empty layer, a cluster off the road network, markets beyond the
 * road data. Each must come out unknown with its reason, never as a 0 that looks like a measurement.
 */
class UnknownIsNotZeroTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Point pt(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    /** A straight road through {@code steps + 1} vertices, so crossing roads share their junctions. */
    static StoredFeature road(String id, double lon0, double lat0, double lon1, double lat1, int steps) {
        Coordinate[] cs = new Coordinate[steps + 1];
        for (int k = 0; k <= steps; k++) {
            cs[k] = new Coordinate(lon0 + (lon1 - lon0) * k / steps, lat0 + (lat1 - lat0) * k / steps);
        }
        return new StoredFeature("roads", new Road(id, "primary", "asphalt", Paving.PAVED, true, true, id, null,
                GF.createLineString(cs), Map.of()));
    }

    static StoredFeature cluster(String id, double lon, double lat) {
        return new StoredFeature("register", new Cluster(id, id, id, "textiles", null, new Typology(null, null), 500,
                null, Set.of(MarketScope.NATIONAL), pt(lon, lat), "test", Map.of()).withClusterGridId("CG-XX-" + id));
    }

    static StoredFeature market(String id, MarketKind kind, long population, double lon, double lat) {
        return new StoredFeature("towns", new Market(id, kind, id, population, pt(lon, lat), Map.of()));
    }

    static StoredFeature bank(String id, double lon, double lat) {
        return new StoredFeature("banks", new FinancePoint(id, FinanceType.BANK, id, null, pt(lon, lat), Map.of()));
    }

    static Coverage box(double minLon, double minLat, double maxLon, double maxLat, Layer... layers) {
        return new Coverage(GF.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat)), Set.of(layers),
                Coverage.Method.DECLARED, "test box");
    }

    /** A road grid around (84, 28), towns on it, a bank; roads and towns declared for a 2° box around it. */
    static ScoringData region(List<StoredFeature> clusters, List<StoredFeature> extraMarkets,
            Map<String, Coverage> extraCoverage) {
        List<StoredFeature> roads = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            roads.add(road("ew" + k, 83.8, 27.8 + 0.1 * k, 84.2, 27.8 + 0.1 * k, 4));
            roads.add(road("ns" + k, 83.8 + 0.1 * k, 27.8, 83.8 + 0.1 * k, 28.2, 4));
        }
        List<StoredFeature> markets = new ArrayList<>(List.of(market("town", MarketKind.TOWN, 20_000, 83.9, 27.9),
                market("city", MarketKind.CITY, 400_000, 84.1, 28.1), market("airport", MarketKind.AIRPORT, 0, 84.0, 28.0)));
        markets.addAll(extraMarkets);
        Map<String, Coverage> coverages = new java.util.LinkedHashMap<>(Map.of(
                "roads", box(83, 27, 85, 29, Layer.ROADS, Layer.POWER),
                "towns", box(83, 27, 85, 29, Layer.MARKETS),
                "banks", box(83, 27, 85, 29, Layer.FINANCE),
                "register", box(83, 27, 85, 29, Layer.CLUSTERS)));
        coverages.putAll(extraCoverage);
        return new ScoringData(1, clusters, roads, List.of(), List.of(bank("bank", 84.0, 28.05)), markets, coverages);
    }

    static ClusterScore score(ScoringData data, String id) throws Exception {
        ScoringEngine engine = ScoringEngine.build(data, ProfileTest.defaultProfile(), SpeedProfile.defaults());
        return ScoringRun.run(engine, engine.profile().dimensionWeights()).ranked().stream()
                .filter(r -> r.score().id().equals("CG-XX-" + id)).findFirst().orElseThrow().score();
    }

    @Test
    void anEmptyLayerIsUnknownAndItsDimensionIsLeftOut() throws Exception {
        ClusterScore s = score(region(List.of(cluster("a", 84.0, 28.0)), List.of(), Map.of()), "a");
        for (Indicator i : List.of(Indicator.POWER_HV_DISTANCE, Indicator.GRID_SERVED, Indicator.SUPPLY_HOURS)) {
            assertThat(s.indicators().get(i).score()).as(i.id()).isNull();
        }
        assertThat(s.indicators().get(Indicator.POWER_HV_DISTANCE).missing().reason())
                .isEqualTo(Missing.Reason.EMPTY_LAYER);
        assertThat(s.completeness().get(Dimension.POWER)).isZero();
        assertThat(s.dimensions()).doesNotContainKey(Dimension.POWER).containsKeys(Dimension.ROADS, Dimension.MARKETS);
        // three of four equally weighted dimensions known in full: 0.75 of the evidence, enough for a composite
        assertThat(s.known()).isGreaterThan(0.6).isLessThanOrEqualTo(0.75);
        double mean = (s.dimensions().get(Dimension.ROADS) + s.dimensions().get(Dimension.FINANCE)
                + s.dimensions().get(Dimension.MARKETS)) / 3;
        assertThat(s.composite()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aClusterFarOffTheRoadsHasNoTravelTimesRatherThanZero() throws Exception {
        // 1.5° (about 150 km) east of the grid, still inside the declared road coverage
        ClusterScore s = score(region(List.of(cluster("far", 84.9, 28.0)), List.of(), Map.of()), "far");
        for (Indicator i : List.of(Indicator.MARKET_LOCAL_TIME, Indicator.MARKET_REGIONAL_TIME,
                Indicator.MARKET_POTENTIAL, Indicator.FINANCE_POINTS_REACHABLE)) {
            IndicatorResult r = s.indicators().get(i);
            assertThat(r.value()).as(i.id()).isNull();
            assertThat(r.score()).as(i.id()).isNull();
            assertThat(r.missing().reason()).as(i.id()).isEqualTo(Missing.Reason.OFF_NETWORK);
        }
        // the distances themselves are measured: the nearest road is 70 km away, and that scores 0 honestly
        assertThat(s.indicators().get(Indicator.ROAD_ALL_SEASON_DISTANCE).value()).isGreaterThan(60_000);
        assertThat(s.indicators().get(Indicator.ROAD_ALL_SEASON_DISTANCE).score()).isZero();
        assertThat(s.flags()).extracting(QualityFlag::code).contains("off_network");
    }

    @Test
    void marketsBeyondTheRoadDataAreUnknownNotUnreachable() throws Exception {
        // a national hub 600 km away, covered by a town register but by no road data
        ScoringData data = region(List.of(cluster("a", 84.0, 28.0)),
                List.of(market("capital", MarketKind.CITY, 2_000_000, 85.3, 22.7)),
                Map.of("national", box(85, 22, 86, 23, Layer.MARKETS)));
        ClusterScore s = score(data, "a");
        IndicatorResult national = s.indicators().get(Indicator.MARKET_NATIONAL_TIME);
        assertThat(national.score()).isNull();
        assertThat(national.missing().reason()).isEqualTo(Missing.Reason.BEYOND_COVERAGE);
        assertThat(s.flags()).extracting(QualityFlag::code).contains("market_beyond_road_data")
                .doesNotContain("market_unreachable");
        // the regional city on the grid is reached and measured as before
        assertThat(s.indicators().get(Indicator.MARKET_REGIONAL_TIME).value()).isPositive();
    }

    @Test
    void tooLittleKnownGivesNoCompositeAndNoRank() throws Exception {
        // outside every coverage but the register's: nothing is known
        ScoringData data = region(List.of(cluster("a", 84.0, 28.0), cluster("lost", 10.0, 50.0)), List.of(),
                Map.of("register2", box(9, 49, 11, 51, Layer.CLUSTERS)));
        ScoringEngine engine = ScoringEngine.build(data, ProfileTest.defaultProfile(), SpeedProfile.defaults());
        ScoringRun run = ScoringRun.run(engine, engine.profile().dimensionWeights());
        ScoringRun.Ranked lost = run.ranked().stream().filter(r -> r.score().id().equals("CG-XX-lost")).findFirst()
                .orElseThrow();
        assertThat(lost.score().composite()).isNull();
        assertThat(lost.score().gap()).isNull();
        assertThat(lost.rank()).isNull();
        assertThat(lost.gapRank()).isNull();
        assertThat(lost.unranked()).isEqualTo("too little is known to score: 0% of the evidence (at least 60% needed)");
        assertThat(run.byRank().get(run.byRank().size() - 1)).isSameAs(lost);
        assertThat(run.byRank().get(0).rank()).isEqualTo(1);
    }

    @Test
    void registerPlacesWithoutMappedRoadsRaiseTheRoadDataFlag() throws Exception {
        // six register villages (markets of a dataset that brings no roads) 5-9 km south-west of the grid's corner,
        // none within 2 km of a mapped road; a cluster at the corner has them within 10 km
        List<StoredFeature> villages = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            villages.add(new StoredFeature("register-villages", new Market("v" + k, MarketKind.VILLAGE, "v" + k, 800L,
                    pt(83.765 - 0.007 * k, 27.765 - 0.005 * (k % 3)), Map.of())));
        }
        ScoringData data = region(List.of(cluster("edge", 83.8, 27.8), cluster("centre", 84.0, 28.0)), villages,
                Map.of("register-villages", box(83, 27, 85, 29, Layer.MARKETS)));
        ClusterScore edge = score(data, "edge");
        assertThat(edge.flags()).filteredOn(f -> f.code().equals("road_data_suspect")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("6 of the 6 register places within 10 km"));
        // 25 km away the villages are out of reach of the check: no flag
        assertThat(score(data, "centre").flags()).extracting(QualityFlag::code).doesNotContain("road_data_suspect");
    }

    @Test
    void aClusterWhoseNearestRoadIsAFragmentIsFlaggedAndStillReachesTheMarkets() throws Exception {
        // a two-node stub 20 m from the cluster, not joined to the grid, whose edge road is 60 m away
        ScoringData base = region(List.of(cluster("stub", 84.2006, 28.05)), List.of(), Map.of());
        List<StoredFeature> roads = new ArrayList<>(base.roads());
        roads.add(road("stub", 84.2008, 28.0502, 84.2010, 28.0502, 1));
        ScoringData data = new ScoringData(1, base.clusters(), roads, base.power(), base.finance(), base.markets(),
                base.coverages());
        ClusterScore s = score(data, "stub");
        assertThat(s.flags()).filteredOn(f -> f.code().equals("nearest_road_fragment")).singleElement()
                .satisfies(f -> assertThat(f.message()).matches("The nearest road, 30 m away, is a piece of 2\\d m of road .*"));
        assertThat(s.indicators().get(Indicator.MARKET_REGIONAL_TIME).value()).isPositive();
        assertThat(s.flags()).extracting(QualityFlag::code).doesNotContain("market_unreachable");
    }
}
