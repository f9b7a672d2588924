package org.clustergrid.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.ProfileReader;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PokharaLayers;
import org.clustergrid.testing.TestStore;

/**
 * Population within a travel time from a raster (see src/bench/raster-reachable-bench.sh): {@code
 * raster_sum_reachable} over a GeoTIFF against {@code sum_reachable} over the same cells imported as points, on the
 * Pokhara roads and clusters. Prints, for each, the engine build (the cells or points snapped to the roads once) and
 * the scoring of every cluster, as medians of the runs, with their ratio, and the largest difference between the two
 * sums. Arguments: the GeoTIFF, the CSV of its cells (lon, lat, value), minutes, runs.
 */
public final class RasterReachableBench {
    private RasterReachableBench() {}

    public static void main(String[] args) throws Exception {
        Path tif = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        int minutes = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        ScoringData data = new ScoringData(1, pokhara.get(Layer.CLUSTERS), pokhara.get(Layer.ROADS),
                pokhara.get(Layer.POWER), pokhara.get(Layer.FINANCE), pokhara.get(Layer.MARKETS));
        Path dir = Files.createTempDirectory("raster-reachable-bench");
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            new RasterImporter(t.store()).run(new RasterImporter.Request(tif, "population", "Population", null, null,
                    null, false, null, "CC0", "bench"));
            new ContextLayerImporter(t.store(), ImportLimits.DEFAULT).run(new ContextLayerImporter.Request(
                    List.of(csv), null, "population_points", "Population cells as points", "bench", "CC0", "bench",
                    new Mapping.GeometryColumns("lat", "lon", null), null));
            ContextLayerFeed layers = new ContextLayerFeed(t.store().contextLayers(), t.store().rasterLayers(),
                    new RasterFileCache(t.store().rasterLayers(), dir.resolve("raster-cache")));
            ScoringProfile raster = profile("kind: raster_sum_reachable\n    layer: population", minutes);
            ScoringProfile points = profile("kind: sum_reachable\n    layer: population_points\n    attribute: value",
                    minutes);
            double[][] sums = new double[2][];
            double[][] times = new double[2][];
            for (int k = 0; k < 2; k++) {
                ScoringProfile p = k == 0 ? raster : points;
                double[] build = new double[runs];
                double[] score = new double[runs];
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    ScoringEngine engine = ScoringEngine.build(data, p, SpeedProfile.defaults(), layers);
                    long t1 = System.nanoTime();
                    double[] s = new double[data.clusters().size()];
                    for (int c = 0; c < s.length; c++) {
                        ClusterScore cs = engine.scoreCluster(data.clusters().get(c), p.dimensionWeights());
                        Double v = cs.layerIndicators().get(0).value();
                        s[c] = v == null ? Double.NaN : v;
                    }
                    long t2 = System.nanoTime();
                    build[run] = (t1 - t0) / 1e9;
                    score[run] = (t2 - t1) / 1e9;
                    sums[k] = s;
                }
                times[k] = new double[] {median(build), median(score)};
                System.out.printf(Locale.ROOT, "%-22s engine build %.2f s (runs %s), %d clusters scored %.2f s%n",
                        k == 0 ? "raster_sum_reachable" : "sum_reachable (points)", times[k][0], Arrays.toString(build),
                        sums[k].length, times[k][1]);
            }
            double worst = 0;
            int known = 0;
            for (int c = 0; c < sums[0].length; c++) {
                if (!Double.isNaN(sums[0][c]) && !Double.isNaN(sums[1][c])) {
                    worst = Math.max(worst, Math.abs(sums[0][c] - sums[1][c]));
                    known++;
                }
            }
            System.out.printf(Locale.ROOT, "ratio raster/points: build %.2f, scoring %.2f; %d clusters known by both,"
                    + " largest difference %.6f, mean sum %.0f%n", times[0][0] / times[1][0], times[0][1] / times[1][1],
                    known, worst, Arrays.stream(sums[0]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN));
        }
    }

    private static ScoringProfile profile(String measure, int minutes) throws Exception {
        String yaml = Files.readString(DefaultProfile.FILE) + "\nlayer_indicators:\n  pop:\n    "
                + measure + "\n    minutes: " + minutes + "\n    dimension: markets\n    weight: 1\n"
                + "    curve: [[0, 0], [1000000, 100]]\n";
        return ProfileReader.read("bench.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
