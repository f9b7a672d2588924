package org.clustergrid.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clustergrid.index.Nearest;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Road;
import org.clustergrid.testing.SharedData;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Nearest-distance indicators for 10,000 clusters over the scaled region ({@link ScaledRegion}): nearest road,
 * all-season road, motorable road, power line, finance point and town, in geodesic metres. Prints the data sizes,
 * index build time and heap, the query time per indicator and checksums, and writes the layers, clusters and our
 * answers as TSV (id, hex EWKB) for {@code src/bench/knn-bench.sh} to load into PostGIS and compare.
 *
 * <p>Usage: {@code KnnBench OUT_DIR [THREADS] [RUNS]}; defaults: all processors, 3 runs (the first warms the JIT).
 */
public final class KnnBench {
    static final long MIN_SEGMENTS = 1_000_000;
    static final int MIN_FINANCE = 100_000;
    static final int CLUSTERS = 10_000;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/knn-bench");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(out);
        Path gis = SharedData.gisRoot();
        Path pbf = gis.resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");

        long t0 = System.nanoTime();
        int[] tiles = ScaledRegion.tilesFor(pbf, MIN_SEGMENTS);
        List<Road> roads = ScaledRegion.roads(pbf, tiles[0], tiles[1]);
        Map<String, List<? extends LayerFeature>> layers = new LinkedHashMap<>();
        layers.put("roads", roads);
        layers.put("roads_all_season", roads.stream().filter(Road::allSeason).toList());
        layers.put("roads_motorable", roads.stream().filter(Road::motorable).toList());
        layers.put("power_lines", ScaledRegion.powerLines(pbf, tiles[0], tiles[1]));
        layers.put("finance", ScaledRegion.financePoints(pbf, gis.resolve("india-pmgsy/Facilities"),
                Path.of("gis-data/mappings/pmgsy-facilities.yaml"), tiles[0], tiles[1], MIN_FINANCE));
        layers.put("towns", ScaledRegion.towns(pbf, gis.resolve("geonames/cities500.txt.gz"), tiles[0], tiles[1]));
        List<Cluster> clusters = ScaledRegion.clusters(pbf, roads, tiles[0], tiles[1], CLUSTERS, 42);
        System.out.printf(Locale.ROOT, "data: %d x %d tiles of Pokhara, read and tiled in %.1f s%n", tiles[0], tiles[1],
                seconds(t0));
        for (var e : layers.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-17s %,9d features %,10d line segments%n", e.getKey(), e.getValue().size(),
                    ScaledRegion.segmentCount(e.getValue()));
        }
        System.out.printf(Locale.ROOT, "  %-17s %,9d (%d footprints)%n", "clusters", clusters.size(),
                clusters.stream().filter(c -> c.geometry().getDimension() == 2).count());

        long heapBefore = usedHeap();
        long tb = System.nanoTime();
        Map<String, NearestIndex<Integer>> indexes = new LinkedHashMap<>();
        long arrays = 0;
        for (var e : layers.entrySet()) {
            List<? extends LayerFeature> features = e.getValue();
            long ts = System.nanoTime();
            NearestIndex<Integer> index = NearestIndex.build(range(features.size()), i -> features.get(i).geometry());
            indexes.put(e.getKey(), index);
            arrays += index.memoryBytes();
            System.out.printf(Locale.ROOT, "build %-17s %6.2f s  %,10d segments  %6.1f MB arrays%n", e.getKey(),
                    seconds(ts), index.segmentCount(), index.memoryBytes() / 1e6);
        }
        double buildSeconds = seconds(tb);
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "build all: %.2f s; index arrays %.1f MB; heap growth after GC %.1f MB%n",
                buildSeconds, arrays / 1e6, (heapAfter - heapBefore) / 1e6);

        List<Geometry> queries = clusters.stream().map(Cluster::geometry).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, Nearest<Integer>[]> answers = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            long tr = System.nanoTime();
            StringBuilder line = new StringBuilder();
            for (var e : indexes.entrySet()) {
                long ti = System.nanoTime();
                answers.put(e.getKey(), nearestAll(pool, threads, e.getValue(), queries));
                line.append(String.format(Locale.ROOT, " %s %.3f s;", e.getKey(), seconds(ti)));
            }
            System.out.printf(Locale.ROOT, "run %d (%d threads): all 6 indicators x %d clusters in %.3f s:%s%n", run,
                    threads, queries.size(), seconds(tr), line);
        }
        pool.shutdown();
        ExecutorService single = Executors.newSingleThreadExecutor();
        List<Geometry> footprints = queries.stream().filter(g -> g.getDimension() == 2).toList();
        List<Geometry> points = queries.stream().filter(g -> g.getDimension() == 0).toList();
        long ts = System.nanoTime();
        for (var e : indexes.entrySet()) {
            nearestAll(single, 1, e.getValue(), points);
        }
        double pointSeconds = seconds(ts);
        long tf = System.nanoTime();
        for (var e : indexes.entrySet()) {
            nearestAll(single, 1, e.getValue(), footprints);
        }
        double footprintSeconds = seconds(tf);
        System.out.printf(Locale.ROOT, "single thread: all 6 indicators x %d clusters in %.3f s (%d points %.3f s,"
                + " %d footprints %.3f s)%n", queries.size(), pointSeconds + footprintSeconds, points.size(),
                pointSeconds, footprints.size(), footprintSeconds);
        single.shutdown();
        for (var e : answers.entrySet()) {
            System.out.println("checksum " + checksum(e.getKey(), e.getValue()));
        }

        long tw = System.nanoTime();
        for (var e : layers.entrySet()) {
            writeGeometries(out.resolve(e.getKey() + ".tsv"), e.getValue().stream().map(LayerFeature::geometry).toList());
        }
        writeGeometries(out.resolve("clusters.tsv"), queries);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("ours.tsv"))) {
            for (var e : answers.entrySet()) {
                Nearest<Integer>[] a = e.getValue();
                for (int c = 0; c < a.length; c++) {
                    w.write(e.getKey() + "\t" + c + "\t" + a[c].item() + "\t" + String.format(Locale.ROOT, "%.4f",
                            a[c].metres()) + "\n");
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, seconds(tw));
    }

    /** count | sum of metres | sum of item numbers — the same line the PostGIS side prints. */
    static String checksum(String indicator, Nearest<Integer>[] a) {
        double sum = 0;
        long ids = 0;
        for (Nearest<Integer> n : a) {
            sum += n.metres();
            ids += n.item();
        }
        return String.format(Locale.ROOT, "%s|%d|%.1f|%d", indicator, a.length, sum, ids);
    }

    @SuppressWarnings("unchecked")
    static Nearest<Integer>[] nearestAll(ExecutorService pool, int threads, NearestIndex<Integer> index,
            List<Geometry> queries) throws Exception {
        Nearest<Integer>[] out = new Nearest[queries.size()];
        int chunk = 64;
        List<Future<?>> futures = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int start; (start = next.getAndAdd(chunk)) < queries.size(); ) {
                    for (int q = start; q < Math.min(start + chunk, queries.size()); q++) {
                        out[q] = index.nearest(queries.get(q)).orElseThrow();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return out;
    }

    private static void writeGeometries(Path file, List<Geometry> geometries) throws IOException {
        WKBWriter wkb = new WKBWriter(2, true);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < geometries.size(); i++) {
                Geometry g = geometries.get(i).copy();
                g.setSRID(4326);
                w.write(i + "\t" + WKBWriter.toHex(wkb.write(g)) + "\n");
            }
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
