package org.clustergrid.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.DefaultProfile;

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
        ScoringData data = ScaledRegion.scoringData(gis, tx, ty, count);

        ScoringProfile profile = DefaultProfile.read();
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
