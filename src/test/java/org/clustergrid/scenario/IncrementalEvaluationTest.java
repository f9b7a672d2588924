package org.clustergrid.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.MultiRegionStore;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PokharaLayers;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The incremental evaluation (an engine derived from the one the "before" run was made on, scoring only the clusters
 * the scenario can affect) gives every cluster exactly the score a new engine scoring them all gives: every
 * indicator's value, score, evidence and reason, every flag, dimension, gap and priority. Seeded scenarios of every
 * kind on the real Pokhara layers and on the multi-region store (Pokhara, the literature clusters, GeoNames, PMGSY).
 */
class IncrementalEvaluationTest {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    @TempDir
    Path dir;

    @Test
    void equalsTheFullRescoreOnPokhara() throws Exception {
        Map<Layer, List<StoredFeature>> p = PokharaLayers.read();
        // 41 clusters within about 20 km: every intervention is within reach of nearly all of them
        check(new ScoringData(1, p.get(Layer.CLUSTERS), p.get(Layer.ROADS), p.get(Layer.POWER), p.get(Layer.FINANCE),
                p.get(Layer.MARKETS)), 0);
    }

    @Test
    void equalsTheFullRescoreOnTheMultiRegionStore() throws Exception {
        try (TestStore s = TestStore.h2gis(dir)) {
            MultiRegionStore.fill(s.store());
            // clusters of several regions: an intervention in one leaves the others out of reach
            check(ScoringData.load(s.store()), 24);
        }
    }

    /** @param partial how many of the 42 scenarios must leave some clusters out (their kinds of data exist) */
    private static void check(ScoringData data, int partial) throws Exception {
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        ScoringRun before = ScoringRun.run(engine, profile.dimensionWeights());
        int n = data.clusters().size();
        int scoredFewer = 0;
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            for (List<Intervention> xs : List.of(finance(data, random), power(data, random), markets(data, random),
                    upgrades(data, random, 3), upgradesUnderTargets(data, random, 4), links(data, random),
                    all(data, random))) {
                Scenario s = new Scenario("seed " + seed, null, xs);
                ScenarioApplier.Applied applied = ScenarioApplier.apply(data, s, CostProfile.none("USD"));
                ScoringEngine derived = engine.derive(applied.data(), applied.changes());
                ScoringRun incremental = ScoringRun.run(derived, profile.dimensionWeights());
                ScoringRun full = ScenarioEvaluator.rescored(applied,
                        d -> ScoringEngine.build(d, profile, SpeedProfile.defaults()), profile.dimensionWeights());
                String what = s.name() + " " + xs.stream().map(Intervention::id).toList();
                for (int i = 0; i < n; i++) {
                    assertThat(incremental.ranked().get(i).score()).as(what).isEqualTo(full.ranked().get(i).score());
                    assertThat(incremental.ranked().get(i).rank()).as(what).isEqualTo(full.ranked().get(i).rank());
                }
                // the scores of the clusters not re-scored taken from the run before: the same ranks and stability
                assertThat(ScoringRun.after(before, derived).ranked()).as(what).isEqualTo(full.ranked());
                assertThat(ScenarioEvaluator.compare(s.name(), applied, before, incremental).summary()
                        .clustersChanged()).as(what).isLessThanOrEqualTo(derived.rescored());
                if (derived.rescored() < n) {
                    scoredFewer++;
                }
                System.out.printf("%s: %d of %d clusters re-scored%n", what, derived.rescored(), n);
            }
        }
        assertThat(scoredFewer).isGreaterThanOrEqualTo(partial);
    }

    private static List<Intervention> finance(ScoringData data, Random random) {
        return List.of(point("bank", InterventionKind.FINANCE_POINT, near(data, random), null, FinanceType.BANK, null,
                null), point("agent", InterventionKind.FINANCE_POINT, near(data, random), null,
                FinanceType.MOBILE_MONEY_AGENT, null, null));
    }

    private static List<Intervention> power(ScoringData data, Random random) {
        Point from = near(data, random);
        Point to = near(data, random);
        // the line brings 20 hours of supply a day: the supply hours of the clusters near it move
        return List.of(new Intervention("line", InterventionKind.NEW_POWER_LINE, null, GF.createLineString(
                new Coordinate[] {from.getCoordinate(), to.getCoordinate()}), null, null, null, 11, null, null, null,
                20.0, 1.0), point("substation", InterventionKind.NEW_SUBSTATION, near(data, random), 33, null, null,
                        null));
    }

    private static List<Intervention> markets(ScoringData data, Random random) {
        return List.of(point("town", InterventionKind.MARKET, near(data, random), null, null, MarketKind.TOWN,
                        60_000L),
                point("city", InterventionKind.MARKET, near(data, random), null, null, MarketKind.CITY, 600_000L),
                point("market", InterventionKind.MARKET, near(data, random), null, null, MarketKind.MARKETPLACE, null));
    }

    /**
     * Unpaved motorable roads nearest to random clusters, paved (they join the all-season roads); with three or more,
     * also a road that was not motorable made an unpaved track (it joins the motorable roads, not the all-season).
     */
    private static List<Intervention> upgrades(ScoringData data, Random random, int count) {
        List<StoredFeature> unpaved = data.roads().stream().filter(f -> f.feature() instanceof Road r
                && r.motorable() && r.paving() == Road.Paving.UNPAVED).toList();
        NearestIndex<StoredFeature> index = NearestIndex.build(unpaved, f -> f.feature().geometry());
        Set<String> ids = new LinkedHashSet<>();
        for (int k = 0; k < 50 && ids.size() < count; k++) {
            index.nearest(near(data, random)).ifPresent(x -> ids.add(x.item().layerId()));
        }
        List<Intervention> out = new ArrayList<>();
        int k = 0;
        for (String id : ids) {
            out.add(new Intervention("pave-" + ++k, InterventionKind.UPGRADE_ROAD, null, null, List.of(id), null,
                    "asphalt", null, null, null, null, 1.0));
        }
        List<StoredFeature> paths = data.roads().stream().filter(f -> f.feature() instanceof Road r
                && !r.motorable()).toList();
        if (count >= 3 && !paths.isEmpty()) {
            NearestIndex.build(paths, f -> f.feature().geometry()).nearest(near(data, random)).ifPresent(x ->
                    out.add(new Intervention("track", InterventionKind.UPGRADE_ROAD, null, null,
                            List.of(x.item().layerId()), "track", "gravel", null, null, null, null, 1.0)));
        }
        return out;
    }

    /**
     * The unpaved roads nearest to random finance points and populated markets, paved: targets that enter the
     * network by an edge whose times change.
     */
    private static List<Intervention> upgradesUnderTargets(ScoringData data, Random random, int count) {
        List<StoredFeature> unpaved = data.roads().stream().filter(f -> f.feature() instanceof Road r
                && r.motorable() && r.paving() == Road.Paving.UNPAVED).toList();
        NearestIndex<StoredFeature> index = NearestIndex.build(unpaved, f -> f.feature().geometry());
        List<StoredFeature> targets = new ArrayList<>(data.finance());
        data.markets().stream().filter(f -> ((org.clustergrid.model.Market) f.feature()).population() != null)
                .forEach(targets::add);
        Set<String> ids = new LinkedHashSet<>();
        for (int k = 0; k < 200 && ids.size() < count && !targets.isEmpty(); k++) {
            Geometry at = targets.get(random.nextInt(targets.size())).feature().geometry();
            index.nearest(at).filter(x -> x.metres() < 200).ifPresent(x -> ids.add(x.item().layerId()));
        }
        List<Intervention> out = new ArrayList<>();
        int k = 0;
        for (String id : ids) {
            out.add(new Intervention("pave-under-" + ++k, InterventionKind.UPGRADE_ROAD, null, null, List.of(id),
                    null, "asphalt", null, null, null, null, 1.0));
        }
        return out;
    }

    /**
     * New roads of four shapes, with a bank: from a point near a cluster to the nearest vertex of the nearest road
     * (often midway along an edge, which it splits); from a finance point to its road (the point now joins the
     * network by the new road); between a vertex midway along a road and the nearest vertex of another road (two
     * chains split, perhaps two components joined); and on from a road's last vertex (a dead end continued).
     */
    private static List<Intervention> links(ScoringData data, Random random) {
        NearestIndex<StoredFeature> roads = NearestIndex.build(data.roads(), f -> f.feature().geometry());
        List<Intervention> out = new ArrayList<>();
        link("link-cluster", linkToRoad(roads, near(data, random).getCoordinate()), out);
        Coordinate bank = data.finance().get(random.nextInt(data.finance().size())).feature().geometry()
                .getCoordinate();
        link("link-bank", linkToRoad(roads, bank), out);
        StoredFeature road = data.roads().get(random.nextInt(data.roads().size()));
        Coordinate[] vertices = road.feature().geometry().getCoordinates();
        Coordinate mid = vertices[vertices.length / 2];
        roads.within(GF.createPoint(mid), 3000).stream().filter(x -> x.item() != road).findFirst().ifPresent(
                other -> link("link-roads", new Coordinate[] {mid, nearestVertex(other.item(), mid)}, out));
        Coordinate end = vertices[vertices.length - 1];
        link("link-on", new Coordinate[] {end, new Coordinate(end.x + 0.004, end.y + 0.003)}, out);
        out.add(point("bank", InterventionKind.FINANCE_POINT, near(data, random), null, FinanceType.BANK, null,
                null));
        return out;
    }

    /** From a point to the nearest vertex of the nearest road within 5 km; null when none lies so near. */
    private static Coordinate[] linkToRoad(NearestIndex<StoredFeature> roads, Coordinate from) {
        Nearest<StoredFeature> road = roads.nearest(GF.createPoint(from)).orElseThrow();
        return road.metres() > 5000 ? null : new Coordinate[] {from, nearestVertex(road.item(), from)};
    }

    private static Coordinate nearestVertex(StoredFeature road, Coordinate to) {
        return Arrays.stream(road.feature().geometry().getCoordinates())
                .min(Comparator.comparingDouble(c -> c.distance(to))).orElseThrow();
    }

    /** A new road along {@code line} added to {@code out}, unless it has no line or its ends are one point. */
    private static void link(String id, Coordinate[] line, List<Intervention> out) {
        if (line != null && !line[0].equals2D(line[line.length - 1])) {
            out.add(new Intervention(id, InterventionKind.NEW_ROAD, null, GF.createLineString(line), null,
                    "tertiary", "asphalt", null, null, null, null, 1.0));
        }
    }

    /** One of each kind, a new road among them. */
    private static List<Intervention> all(ScoringData data, Random random) {
        List<Intervention> out = new ArrayList<>(upgrades(data, random, 2));
        out.addAll(finance(data, random));
        out.addAll(power(data, random));
        out.addAll(markets(data, random));
        NearestIndex<StoredFeature> roads = NearestIndex.build(data.roads(), f -> f.feature().geometry());
        Point from;
        Nearest<StoredFeature> road;
        do { // a cluster with a road within 5 km, joined to that road's nearest vertex
            from = near(data, random);
            road = roads.nearest(from).orElseThrow();
        } while (road.metres() > 5000);
        Point at = from;
        Coordinate to = Arrays.stream(road.item().feature().geometry().getCoordinates())
                .min(Comparator.comparingDouble(c -> c.distance(at.getCoordinate()))).orElseThrow();
        out.add(new Intervention("link", InterventionKind.NEW_ROAD, null, GF.createLineString(new Coordinate[] {
            from.getCoordinate(), to}), null, "tertiary", "asphalt", null, null, null, null, 1.0));
        return out;
    }

    /** A random cluster's point, moved up to about 2 km. */
    private static Point near(ScoringData data, Random random) {
        Coordinate c = data.clusters().get(random.nextInt(data.clusters().size())).feature().geometry()
                .getInteriorPoint().getCoordinate();
        return GF.createPoint(new Coordinate(c.x + (random.nextDouble() - 0.5) * 0.04,
                c.y + (random.nextDouble() - 0.5) * 0.04));
    }

    private static Intervention point(String id, InterventionKind kind, Point at, Integer kv, FinanceType finance,
            MarketKind market, Long population) {
        return new Intervention(id, kind, null, at, null, null, null, kv, finance, market, population, 1.0);
    }
}
