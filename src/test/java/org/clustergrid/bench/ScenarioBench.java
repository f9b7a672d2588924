package org.clustergrid.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.InterventionKind;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioEvaluator;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A what-if scenario evaluated incrementally ({@link ScoringEngine#derive}, only the clusters it can affect
 * re-scored) and by the full re-score (a new engine, every cluster scored), side by side, on the scaled region of
 * {@link ScoringBench} (tiles of the real Pokhara extract; 10,000 clusters, ~1.3 M road segments, ~100,000 finance
 * points, ~200,000 towns; see src/bench/scenario-bench.sh). The engine and the "before" run are built once; each run
 * applies one deterministic 10-intervention scenario — 4 unpaved motorable roads paved (the nearest to 4 seeded
 * clusters), 2 banks and a mobile money agent, two 132 kV lines from a cluster to the nearest vertex of the nearest
 * power line, and a market, every point a coordinate of the data, every cost entered — and evaluates it both ways,
 * counting the clusters whose scores differ; then the same with two of the upgrades replaced by new road links, and
 * without any road change.
 * Arguments: shared gis folder, tilesX, tilesY, clusters, runs.
 */
public final class ScenarioBench {
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private ScenarioBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int tx = Integer.parseInt(args[1]);
        int ty = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        ScoringData data = ScaledRegion.scoringData(gis, tx, ty, count);

        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        System.out.printf(Locale.ROOT, "engine build: %.2f s%n", engine.buildSeconds());
        long s = System.nanoTime();
        ScoringRun before = ScoringRun.run(engine, profile.dimensionWeights());
        System.out.printf(Locale.ROOT, "before run: %d clusters scored in %.2f s%n", before.ranked().size(),
                (System.nanoTime() - s) / 1e9);
        Scenario scenario = scenario(data, new Random(11));
        Scenario noRoads = new Scenario("scenario bench without roads", null, scenario.interventions().stream()
                .filter(x -> x.kind() != InterventionKind.UPGRADE_ROAD).toList());
        Scenario withLinks = withLinks(data, scenario, new Random(12));
        for (Scenario sc : List.of(scenario, withLinks, noRoads)) {
            System.out.println(sc.name() + ": " + sc.interventions().size() + " interventions");
            double[] applyS = new double[runs];
            double[] incrementalS = new double[runs];
            double[] fullS = new double[runs];
            for (int r = 0; r < runs; r++) {
                s = System.nanoTime();
                ScenarioApplier.Applied applied = ScenarioApplier.apply(data, sc, CostProfile.none("USD"));
                applyS[r] = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                ScoringEngine derived = engine.derive(applied.data(), applied.changes());
                long t1 = System.nanoTime();
                derived.scoreRescored(profile.dimensionWeights()); // the indicators of those re-scored, timed apart
                long t2 = System.nanoTime();
                ScoringRun after = ScoringRun.after(before, derived); // as the scenario evaluation runs it
                long t3 = System.nanoTime();
                ScenarioEvaluation e = ScenarioEvaluator.compare(sc.name(), applied, before, after);
                incrementalS[r] = (System.nanoTime() - s) / 1e9;
                String parts = String.format(Locale.ROOT, "derive %.3f s, indicators %.3f s, run %.3f s, compare"
                        + " %.3f s", (t1 - s) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
                s = System.nanoTime();
                ScoringEngine built = ScoringEngine.build(applied.data(), profile, SpeedProfile.defaults());
                ScoringRun full = ScoringRun.run(built, profile.dimensionWeights());
                ScenarioEvaluator.compare(sc.name(), applied, before, full);
                fullS[r] = (System.nanoTime() - s) / 1e9;
                int differ = 0;
                for (int i = 0; i < full.ranked().size(); i++) {
                    if (!full.ranked().get(i).score().equals(after.ranked().get(i).score())) {
                        differ++;
                        if (differ <= 3) {
                            var a = after.ranked().get(i).score();
                            var f = full.ranked().get(i).score();
                            f.indicators().forEach((k, v) -> {
                                if (!v.equals(a.indicators().get(k))) {
                                    System.out.println("    DIFF " + f.id() + " " + k + "\n      full " + v + "\n      incr " + a.indicators().get(k));
                                }
                            });
                            if (!f.flags().equals(a.flags())) {
                                System.out.println("    DIFF flags " + f.flags() + " / " + a.flags());
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "  run %d: apply %.3f s; incremental %.3f s (%s; %d"
                        + " clusters re-scored); full re-score %.2f s (build %.2f s); %d clusters changed, %d differ"
                        + " from the full re-score; priority gain %.1f for %,.0f USD%n", r + 1, applyS[r],
                        incrementalS[r], parts, derived.rescored(), fullS[r], built.buildSeconds(),
                        e.summary().clustersChanged(), differ, e.summary().priorityGain(), e.summary().totalCost());
            }
            System.out.println("  apply (s):       " + stats(applyS));
            System.out.println("  incremental (s): " + stats(incrementalS));
            System.out.println("  full (s):        " + stats(fullS));
            System.out.printf(Locale.ROOT, "  incremental / full, medians: %.3f%n", median(incrementalS) / median(fullS));
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used after GC %d MB, peak heap %d MB (max %d MB), %d processors%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, peakHeap() >> 20, rt.maxMemory() >> 20,
                rt.availableProcessors());
    }

    /** The 10 interventions, chosen by a seeded Random, at coordinates the data already hold, costs entered. */
    public static Scenario scenario(ScoringData data, Random random) {
        List<StoredFeature> unpaved = data.roads().stream().filter(f -> f.feature() instanceof Road r
                && r.motorable() && r.paving() == Road.Paving.UNPAVED).toList();
        NearestIndex<StoredFeature> unpavedIndex = NearestIndex.build(unpaved, f -> f.feature().geometry());
        Set<String> upgraded = new LinkedHashSet<>();
        while (upgraded.size() < 4) {
            unpavedIndex.nearest(clusterPoint(data, random)).ifPresent(x -> upgraded.add(x.item().layerId()));
        }
        List<Intervention> out = new ArrayList<>();
        int k = 0;
        for (String id : upgraded) {
            out.add(new Intervention("pave-" + ++k, InterventionKind.UPGRADE_ROAD, null, null, List.of(id), null,
                    "asphalt", null, null, null, null, 250_000.0));
        }
        out.add(point("bank-1", InterventionKind.FINANCE_POINT, clusterPoint(data, random), null, FinanceType.BANK,
                null, 150_000.0));
        out.add(point("bank-2", InterventionKind.FINANCE_POINT, clusterPoint(data, random), null, FinanceType.BANK,
                null, 150_000.0));
        out.add(point("agent", InterventionKind.FINANCE_POINT, clusterPoint(data, random), null,
                FinanceType.MOBILE_MONEY_AGENT, null, 2_000.0));
        // two 132 kV lines, each from a cluster to the nearest vertex of the nearest power line: the region's power
        // layer holds HV lines only, and an MV line or a substation would make a kind known the data lack (every
        // cluster re-scored, with a warning: see docs/scenarios.md)
        NearestIndex<StoredFeature> power = NearestIndex.build(data.power(), f -> f.feature().geometry());
        for (int l = 1; l <= 2; l++) {
            Geometry from = clusterPoint(data, random);
            Geometry line = power.nearest(from).orElseThrow().item().feature().geometry();
            Coordinate to = Arrays.stream(line.getCoordinates()).min((a, b) -> Double.compare(
                    Geodesic.distance(from.getCoordinate().x, from.getCoordinate().y, a.x, a.y),
                    Geodesic.distance(from.getCoordinate().x, from.getCoordinate().y, b.x, b.y))).orElseThrow();
            out.add(new Intervention("line-132kv-" + l, InterventionKind.NEW_POWER_LINE, null, GF.createLineString(
                    new Coordinate[] {from.getCoordinate(), to}), null, null, null, 132, null, null, null, 800_000.0));
        }
        out.add(point("market", InterventionKind.MARKET, clusterPoint(data, random), null, null,
                MarketKind.MARKETPLACE, 60_000.0));
        return new Scenario("scenario bench", null, out);
    }

    /**
     * The scenario with its last two road upgrades replaced by two new roads (still 10 interventions), each from a
     * seeded cluster's point to the nearest vertex of the nearest motorable road within 5 km: the network changes
     * shape, so the graph is built again while the engine is still derived.
     */
    public static Scenario withLinks(ScoringData data, Scenario scenario, Random random) {
        List<StoredFeature> motorable = data.roads().stream().filter(f -> f.feature() instanceof Road r
                && r.motorable()).toList();
        NearestIndex<StoredFeature> index = NearestIndex.build(motorable, f -> f.feature().geometry());
        List<Intervention> links = new ArrayList<>();
        while (links.size() < 2) {
            Geometry from = clusterPoint(data, random);
            index.nearest(from, 5000).ifPresent(road -> {
                Coordinate to = Arrays.stream(road.item().feature().geometry().getCoordinates()).min((a, b) ->
                        Double.compare(from.getCoordinate().distance(a), from.getCoordinate().distance(b)))
                        .orElseThrow();
                if (!to.equals2D(from.getCoordinate())) {
                    links.add(new Intervention("link-" + (links.size() + 1), InterventionKind.NEW_ROAD, null,
                            GF.createLineString(new Coordinate[] {from.getCoordinate(), to}), null, "tertiary",
                            "asphalt", null, null, null, null, 120_000.0));
                }
            });
        }
        List<Intervention> out = new ArrayList<>();
        int upgrades = 0;
        for (Intervention x : scenario.interventions()) {
            if (x.kind() == InterventionKind.UPGRADE_ROAD && ++upgrades > 2) {
                continue;
            }
            out.add(x);
        }
        out.addAll(2, links);
        return new Scenario("scenario bench with two road links", null, out);
    }

    /** A seeded cluster's point, or its footprint's first vertex: a coordinate the data hold. */
    private static Geometry clusterPoint(ScoringData data, Random random) {
        Geometry g = data.clusters().get(random.nextInt(data.clusters().size())).feature().geometry();
        return GF.createPoint(g.getCoordinate().copy());
    }

    private static Intervention point(String id, InterventionKind kind, Geometry at, Integer kv, FinanceType finance,
            MarketKind market, double cost) {
        return new Intervention(id, kind, null, at, null, null, null, kv, finance, market, null, cost);
    }

    private static double median(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        return x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
    }

    private static String stats(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        double median = x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
        return String.format(Locale.ROOT, "min %.3f, median %.3f, max %.3f", x[0], median, x[x.length - 1]);
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
