package org.clustergrid.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The scoring engine's build (see src/bench/network-bench.sh), where snapping points far from any road used to
 * dominate, on two layouts:
 * <ul>
 *   <li><b>scaled</b>: the scoring benchmark's region ({@link ScaledRegion}, tiles × tiles of the Pokhara extract,
 *       10,000 clusters, the PMGSY finance points spread over the tiles' degree cells — most of them far from the
 *       tiles' roads — and GeoNames cities500 plus the tiled places);</li>
 *   <li><b>four regions</b>: the Pokhara extract's roads at four places 2° apart (moved by (0, 0), (−2°, 0),
 *       (0, −2°), (−2°, −2°)), 10,000 clusters near those roads, the PMGSY finance points where they really are
 *       (India) plus 20,000 seeded points spread evenly over the roads' extent (2.4° × 2.4°, of which the roads cover
 *       a tenth), and GeoNames cities500: points inside the roads' extent but far from any road, as a store of several
 *       regions has.</li>
 * </ul>
 * Prints the engine build time, and the road graph's build and the snapping of every finance point and town alone.
 * Arguments: shared gis folder, tiles per side of the scaled layout, clusters.
 */
public final class NetworkBuildBench {
    private NetworkBuildBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int tiles = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path pbf = gis.resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");
        Path facilities = gis.resolve("india-pmgsy/Facilities");
        Path mapping = Path.of("gis-data/mappings/pmgsy-facilities.yaml");
        Path cities = gis.resolve("geonames/cities500.txt.gz");
        ScoringProfile profile = DefaultProfile.read();

        List<Road> roads = ScaledRegion.roads(pbf, tiles, tiles);
        measure("scaled " + tiles + "x" + tiles, profile, roads,
                ScaledRegion.clusters(pbf, roads, tiles, tiles, count, 42),
                ScaledRegion.financePoints(pbf, facilities, mapping, tiles, tiles, 100_000),
                ScaledRegion.towns(pbf, cities, tiles, tiles));

        List<Road> base = ScaledRegion.roads(pbf, 1, 1);
        List<Road> regions = new ArrayList<>();
        int[][] moves = {{0, 0}, {-2, 0}, {0, -2}, {-2, -2}};
        for (int[] m : moves) {
            AffineTransformation t = AffineTransformation.translationInstance(m[0], m[1]);
            for (Road r : base) {
                regions.add(new Road(r.id() + "@" + m[0] + "," + m[1], r.roadClass(), r.surface(), r.paving(),
                        r.allSeason(), r.motorable(), r.name(), r.ref(), t.transform(r.geometry()), r.attributes()));
            }
        }
        List<FinancePoint> finance = new ArrayList<>(ScaledRegion.pmgsyFinance(facilities, mapping));
        var extent = envelope(regions);
        java.util.Random random = new java.util.Random(11);
        var gf = new org.locationtech.jts.geom.GeometryFactory();
        for (int i = 0; i < 20_000; i++) {
            double lon = extent.getMinX() + random.nextDouble() * extent.getWidth();
            double lat = extent.getMinY() + random.nextDouble() * extent.getHeight();
            finance.add(new FinancePoint("scattered-" + i, FinancePoint.FinanceType.BANK, null, null,
                    gf.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)), null));
        }
        measure("four regions", profile, regions, ScaledRegion.clusters(pbf, regions, 1, 1, count, 42), finance,
                ScaledRegion.towns(pbf, cities, 1, 1));
    }

    private static void measure(String layout, ScoringProfile profile, List<Road> roads, List<Cluster> clusters,
            List<FinancePoint> finance, List<Market> towns) throws java.io.IOException {
        Geometry extent = new org.locationtech.jts.geom.GeometryFactory().toGeometry(envelope(roads));
        long inside = finance.stream().filter(f -> extent.getEnvelopeInternal().contains(
                f.geometry().getCoordinate())).count();
        System.out.printf(Locale.ROOT, "%s: %d clusters, %d roads (%d segments), %d finance points (%d inside the"
                + " roads' extent), %d towns%n", layout, clusters.size(), roads.size(),
                ScaledRegion.segmentCount(roads), finance.size(), inside, towns.size());

        long t0 = System.nanoTime();
        long c0 = cpu();
        RoadGraph graph = RoadGraph.build(roads, SpeedProfile.defaults());
        double build = (System.nanoTime() - t0) / 1e9;
        double buildCpu = (cpu() - c0) / 1e9;
        t0 = System.nanoTime();
        c0 = cpu();
        long snapped = 0;
        for (FinancePoint f : finance) {
            snapped += graph.snap(f.geometry()) != null ? 1 : 0;
        }
        for (Market m : towns) {
            snapped += graph.snap(m.geometry()) != null ? 1 : 0;
        }
        double snap = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  road graph built in %.2f s (%.2f s CPU); %d finance points and towns snapped"
                + " in %.2f s (%.2f s CPU) on one thread, %d within reach%n", build, buildCpu,
                finance.size() + towns.size(), snap, (cpu() - c0) / 1e9, snapped);

        ScoringData data = new ScoringData(1, stored(clusters), stored(roads), List.of(), stored(finance),
                stored(towns));
        ScoringEngine engine = null;
        for (int run = 1; run <= 2; run++) {
            long c = cpu();
            engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
            System.out.printf(Locale.ROOT, "  engine build %d: %.2f s (%.2f s CPU over all threads)%n", run,
                    engine.buildSeconds(), (cpu() - c) / 1e9);
        }
        String dump = System.getProperty("clustergrid.bench.dump");
        if (dump != null) {
            // every cluster's scores and indicators, to check that a faster build gives the same results
            Path file = Path.of(dump, layout.replace(' ', '-') + ".tsv");
            long t = System.nanoTime();
            String sha = ScoreDump.write(engine.scoreClusters(profile.dimensionWeights()), file);
            System.out.printf(Locale.ROOT, "  scores of every cluster in %s (%.1f s): sha256 %s%n", file,
                    (System.nanoTime() - t) / 1e9, sha);
        }
    }

    /** CPU time of the whole process in ns: a fair measure on a machine shared with other work. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static org.locationtech.jts.geom.Envelope envelope(List<Road> roads) {
        var e = new org.locationtech.jts.geom.Envelope();
        roads.forEach(r -> e.expandToInclude(r.geometry().getEnvelopeInternal()));
        return e;
    }

    private static List<StoredFeature> stored(List<? extends LayerFeature> features) {
        List<StoredFeature> out = new ArrayList<>(features.size());
        for (LayerFeature f : features) {
            out.add(new StoredFeature("bench", f));
        }
        return out;
    }
}
