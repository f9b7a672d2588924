package org.clustergrid.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.clustergrid.model.Cluster;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A register edit re-scored on the engine it follows ({@link ScoringEngine#withEditedClusters}: only the edited
 * cluster measured, and the E2SFCA part of the clusters sharing its finance points) against the rebuild every edit
 * cost before (a new engine, every cluster scored), side by side on the scaled region of {@link ScoringBench} (see
 * src/bench/edit-bench.sh). Each run edits one seeded cluster — its employment doubled and its footprint moved 300 m
 * north-east — and times both ways to the profile's run, counting the clusters whose scores differ (must be 0). The
 * dataset is taken to record its coverage, as an OSM extract's bounds are recorded.
 * Arguments: shared gis folder, tilesX, tilesY, clusters, runs.
 */
public final class EditBench {
    private EditBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int runs = Integer.parseInt(args[4]);
        ScoringData data = ScaledRegion.scoringData(gis, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        long s = System.nanoTime();
        ScoringRun.run(engine, profile.dimensionWeights());
        System.out.printf(Locale.ROOT, "engine build %.2f s, run %.2f s%n", engine.buildSeconds(),
                (System.nanoTime() - s) / 1e9);
        Random random = new Random(5);
        double[] edited = new double[runs];
        double[] rebuilt = new double[runs];
        for (int r = 0; r < runs; r++) {
            int at = random.nextInt(data.clusters().size());
            List<StoredFeature> clusters = new ArrayList<>(engine.data().clusters());
            StoredFeature was = clusters.get(at);
            clusters.set(at, new StoredFeature(was.datasetId(), moved((Cluster) was.feature())));
            ScoringData before = engine.data();
            ScoringData full = new ScoringData(before.dataVersion() + 1, clusters, before.roads(), before.power(),
                    before.finance(), before.markets(), before.coverages());

            s = System.nanoTime();
            ScoringData after = before.withClusters(before.dataVersion() + 1, clusters, Set.of(was.datasetId()),
                    before.coverages().keySet());
            long t1 = System.nanoTime();
            ScoringEngine next = engine.withEditedClusters(after, Set.of(was.layerId()));
            long t2 = System.nanoTime();
            next.scoreClusters(profile.dimensionWeights()); // the indicators measured again, timed apart
            long t3 = System.nanoTime();
            ScoringRun incremental = ScoringRun.run(next, profile.dimensionWeights());
            edited[r] = (System.nanoTime() - s) / 1e9;
            String parts = String.format(Locale.ROOT, "data %.3f s, engine %.3f s, indicators %.3f s, run %.3f s",
                    (t1 - s) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);

            s = System.nanoTime();
            ScoringRun whole = ScoringRun.run(ScoringEngine.build(full, profile, SpeedProfile.defaults()),
                    profile.dimensionWeights());
            rebuilt[r] = (System.nanoTime() - s) / 1e9;
            int differ = 0;
            for (int i = 0; i < whole.ranked().size(); i++) {
                if (!whole.ranked().get(i).equals(incremental.ranked().get(i))) {
                    differ++;
                }
            }
            System.out.printf(Locale.ROOT, "  run %d: %s edited: %.3f s (%s; %d of %d clusters measured again);"
                    + " rebuilt %.2f s; %d differ; ratio %.4f%n", r + 1, was.layerId(), edited[r], parts,
                    clusters.size() - next.carriedOver(), clusters.size(), rebuilt[r], differ, edited[r] / rebuilt[r]);
            engine = next;
        }
        java.util.Arrays.sort(edited);
        java.util.Arrays.sort(rebuilt);
        System.out.printf(Locale.ROOT, "edited (s): min %.3f median %.3f max %.3f; rebuilt (s): min %.2f median %.2f"
                + " max %.2f; median ratio %.4f%n", edited[0], edited[runs / 2], edited[runs - 1], rebuilt[0],
                rebuilt[runs / 2], rebuilt[runs - 1], edited[runs / 2] / rebuilt[runs / 2]);
    }

    private static Cluster moved(Cluster c) {
        double metres = 300 / Math.sqrt(2);
        double dLat = metres / 111_320.0;
        double dLon = metres / (111_320.0 * Math.cos(Math.toRadians(c.footprint().getCentroid().getY())));
        return new Cluster(c.clusterGridId(), c.sourceId(), c.name(), c.sector(), c.products(), c.typology(),
                c.firms(), c.employment() == null ? 100 : 2 * c.employment(), c.marketsServed(),
                AffineTransformation.translationInstance(dLon, dLat).transform(c.footprint()), c.source(),
                c.attributes(), c.identification());
    }
}
