package org.clustergrid.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ProfileReader;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;

/**
 * A full scoring run of the scaled region (see {@link ScaledRegion} and src/bench/scoring-bench.sh): builds the
 * engine (indexes, road graph, market-tier searches, E2SFCA supply ratios) and times complete runs — every
 * indicator of every cluster, dimension scores, gaps, priorities, ranks and the Monte Carlo ranking stability.
 * Arguments: shared gis folder, tilesX, tilesY, clusters, runs.
 */
public final class ScoringBench {
    private ScoringBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int tx = Integer.parseInt(args[1]);
        int ty = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Path pbf = gis.resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");

        long t0 = System.nanoTime();
        List<Road> roads = ScaledRegion.roads(pbf, tx, ty);
        List<StoredFeature> clusters = new ArrayList<>();
        Random sizes = new Random(7);
        int n = 0;
        for (Cluster c : ScaledRegion.clusters(pbf, roads, tx, ty, count, 42)) {
            // seeded sizes, so every cluster has a priority and a rank: employment 20–5,000 (log-uniform)
            int employment = (int) Math.round(Math.exp(Math.log(20) + sizes.nextDouble() * Math.log(250)));
            Cluster sized = new Cluster(String.format(Locale.ROOT, "CG-XX-%06d", ++n), c.sourceId(), c.name(),
                    c.sector(), c.products(), c.typology(), c.firms(), employment, c.marketsServed(), c.footprint(),
                    c.source(), c.attributes());
            clusters.add(new StoredFeature("bench", sized));
        }
        ScoringData data = new ScoringData(1, clusters, stored(roads), stored(ScaledRegion.powerLines(pbf, tx, ty)),
                stored(ScaledRegion.financePoints(pbf, gis.resolve("india-pmgsy/Facilities"),
                        Path.of("gis-data/mappings/pmgsy-facilities.yaml"), tx, ty, 100_000)),
                stored(ScaledRegion.towns(pbf, gis.resolve("geonames/cities500.txt.gz"), tx, ty)));
        double load = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "data: %d clusters, %d roads (%d segments), %d power lines, %d finance points,"
                + " %d towns; made in %.1f s%n", data.clusters().size(), data.roads().size(),
                ScaledRegion.segmentCount(roads), data.power().size(), data.finance().size(), data.markets().size(), load);

        ScoringProfile profile;
        try (var in = java.nio.file.Files.newInputStream(Path.of("gis-data/profiles/default.yaml"))) {
            profile = ProfileReader.read("default.yaml", in);
        }
        System.gc();
        long heapBefore = usedHeap();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        System.gc();
        System.out.printf(Locale.ROOT, "engine build: %.2f s, heap held by the engine %d MB%n", engine.buildSeconds(),
                (usedHeap() - heapBefore) / (1 << 20));
        for (int r = 1; r <= runs; r++) {
            // every run on a fresh engine (built outside the timing), so each computes every indicator anew
            ScoringEngine fresh = r == 1 ? engine : ScoringEngine.build(data, profile, SpeedProfile.defaults());
            long s = System.nanoTime();
            ScoringRun run = ScoringRun.run(fresh, profile.dimensionWeights());
            System.out.printf(Locale.ROOT, "run %d: full scoring of %d clusters in %.2f s (ranked %d)%n", r,
                    run.ranked().size(), (System.nanoTime() - s) / 1e9,
                    run.ranked().stream().filter(x -> x.rank() != null).count());
        }
        long s = System.nanoTime();
        ScoringRun reweighted = ScoringRun.run(engine, profile.dimensionWeights().override(
                Map.of(org.clustergrid.scoring.Dimension.ROADS, 2.0)));
        System.out.printf(Locale.ROOT, "re-weighting (roads x2) with indicators cached: %.2f s for %d clusters%n",
                (System.nanoTime() - s) / 1e9, reweighted.ranked().size());
        System.out.printf(Locale.ROOT, "peak heap %d MB, %d processors%n", peakHeap() / (1 << 20),
                Runtime.getRuntime().availableProcessors());
    }

    private static List<StoredFeature> stored(List<? extends LayerFeature> features) {
        List<StoredFeature> out = new ArrayList<>(features.size());
        for (LayerFeature f : features) {
            out.add(new StoredFeature("bench", f));
        }
        return out;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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
