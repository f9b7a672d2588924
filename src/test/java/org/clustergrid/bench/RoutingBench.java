package org.clustergrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Road;
import org.clustergrid.network.BoundedSearch;
import org.clustergrid.network.PgRoutingTables;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.network.TravelTimes;
import org.clustergrid.testing.PostgisTestDatabase;
import org.clustergrid.testing.SharedData;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Road-network travel times at scale, ours against pgRouting on the same graph (run by
 * {@code src/bench/routing-bench.sh [tilesX tilesY [clusters]]}). The region is the real Pokhara extract tiled by
 * whole-degree shifts, so a million segments keep real road geometry and topology. Measured: graph build (time,
 * heap), times from all settlements (city/town/village) of the tiled region to every node — ours by one multi-source
 * Dijkstra, pgRouting by single-source Dijkstra from a virtual vertex joined to every settlement (pgRouting 3.4's
 * multi-start {@code equicost} is not exact, see {@link PgRoutingTables}) — and bounded one-to-many searches from
 * cluster points with a gravity sum, ours only. Both sides print a checksum (count and sum of finite node times).
 */
public final class RoutingBench {
    private static final GeometryFactory GF = new GeometryFactory();

    private RoutingBench() {}

    public static void main(String[] args) throws Exception {
        int tilesX = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int tilesY = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int clusters = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        double cutoff = 2 * 3600;
        Path pbf = SharedData.gisRoot().resolve("pokhara-osm/pokhara-2016-06-04.osm.pbf");

        List<Road> fileRoads = new ArrayList<>();
        List<Market> fileMarkets = new ArrayList<>();
        OsmPbfReader.read(pbf, OsmImportOptions.defaults(), new ImportReport(), f -> {
            if (f instanceof Road r) {
                fileRoads.add(r);
            } else if (f instanceof Market m && (m.kind() == MarketKind.CITY || m.kind() == MarketKind.TOWN
                    || m.kind() == MarketKind.VILLAGE)) {
                fileMarkets.add(m);
            }
        });
        List<Road> roads = tiledRoads(fileRoads, tilesX, tilesY);
        List<Point> settlements = tiledPoints(fileMarkets.stream().map(Market::geometry).toList(), tilesX, tilesY);
        long[] population = new long[settlements.size()];
        for (int i = 0; i < population.length; i++) {
            Long p = fileMarkets.get(i % fileMarkets.size()).population();
            population[i] = p == null ? 1000 : p;
        }

        Runtime rt = Runtime.getRuntime();
        long before = usedHeap(rt);
        Clock build = new Clock();
        RoadGraph graph = RoadGraph.build(roads, SpeedProfile.defaults());
        build.stop();
        long graphBytes = usedHeap(rt) - before;
        System.out.printf(Locale.ROOT, "region: %d x %d tiles of Pokhara, %,d roads, %,d settlements%n", tilesX, tilesY,
                roads.size(), settlements.size());
        System.out.printf(Locale.ROOT, "graph: %,d road segments -> %,d nodes, %,d edges; built in %s; heap %.0f MB%n",
                graph.segmentCount(), graph.nodeCount(), graph.edgeCount(), build, graphBytes / 1e6);

        // ours: median of 7 after 10 warm-up runs (so that the JIT has compiled the hot loops). The sources are
        // snapped once beforehand, as pgRouting's source legs are written beforehand (untimed) on its side; the time
        // with snapping is printed too.
        Snap[] snaps = new Snap[settlements.size()];
        long snapStart = System.nanoTime();
        for (int i = 0; i < snaps.length; i++) {
            snaps[i] = graph.snap(settlements.get(i));
        }
        double snapMs = ms(snapStart);
        double[] wall = new double[7];
        double[] cpu = new double[7];
        TravelTimes ours = null;
        for (int run = -10; run < wall.length; run++) {
            Clock c = new Clock();
            ours = TravelTimes.fromSnaps(graph, snaps);
            c.stop();
            if (run >= 0) {
                wall[run] = c.wallMs;
                cpu[run] = c.cpuMs;
            }
        }
        Clock oursClock = new Clock(median(wall), median(cpu));
        double[] oursSum = checksum(graph.nodeCount(), ours::seconds);
        System.out.printf(Locale.ROOT, "ours      multi-source Dijkstra:  %s (median of 7); reachable %,d, sum %.6f s%n",
                oursClock, (long) oursSum[0], oursSum[1]);
        System.out.printf(Locale.ROOT, "ours      snapping the %d sources (once, untimed above): %.1f ms%n",
                snaps.length, snapMs);

        pgRouting(graph, settlements, oursClock, ours, oursSum);
        bounded(graph, settlements, population, clusters, cutoff);
    }

    private static void pgRouting(RoadGraph graph, List<Point> settlements, Clock oursClock, TravelTimes ours,
            double[] oursSum) throws Exception {
        String schema = "routing_bench_" + ProcessHandle.current().pid();
        try (Connection db = DriverManager.getConnection(PostgisTestDatabase.URL, PostgisTestDatabase.USER,
                PostgisTestDatabase.PASSWORD)) {
            PgRoutingTables.ensureExtension(db);
            try (Statement s = db.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            try {
                long t0 = System.nanoTime();
                PgRoutingTables.writeEdges(db, schema + ".edges", graph);
                // our times run to the settlements: pgRouting's from them on the reversed edges, the legs being the
                // last stretch from each end node of a settlement's edges (where it may be driven) to the settlement
                java.util.List<Long> toList = new java.util.ArrayList<>();
                java.util.List<Double> costList = new java.util.ArrayList<>();
                for (int i = 0; i < settlements.size(); i++) {
                    Snap snap = graph.snap(settlements.get(i));
                    for (Snap e : snap == null ? new Snap[0] : snap.entries()) {
                        double[] legs = {graph.secondsFromSource(e), graph.secondsFromTarget(e)};
                        int[] ends = {graph.edgeSource(e.edge()), graph.edgeTarget(e.edge())};
                        for (int k = 0; k < 2; k++) {
                            if (Double.isFinite(legs[k])) {
                                toList.add(PgRoutingTables.vid(ends[k]));
                                costList.add(legs[k]);
                            }
                        }
                    }
                }
                long[] to = toList.stream().mapToLong(Long::longValue).toArray();
                double[] cost = costList.stream().mapToDouble(Double::doubleValue).toArray();
                PgRoutingTables.writeSourceLegs(db, schema + ".legs", graph, to, cost);
                System.out.printf(Locale.ROOT, "pgRouting tables written (COPY, not timed below) in %.0f ms%n", ms(t0));
                String edges = "SELECT id, source, target, reverse_cost AS cost, cost AS reverse_cost FROM " + schema
                        + ".edges UNION ALL SELECT * FROM " + schema + ".legs";
                long superSource = PgRoutingTables.superSource(graph);
                long backend = backendPid(db);
                // per-node agreement, untimed: every reached vertex's time fetched and compared with ours
                Map<Integer, Double> theirs;
                try (PreparedStatement ps = db.prepareStatement(
                        "SELECT node, agg_cost FROM pgr_drivingDistance(?, ?::bigint, 1e15::float8, true)")) {
                    ps.setString(1, edges);
                    ps.setLong(2, superSource);
                    theirs = PgRoutingTables.minPerNode(ps.executeQuery(), "node", "agg_cost");
                }
                theirs.remove(graph.nodeCount());
                double[] theirSum = checksum(graph.nodeCount(), n -> theirs.getOrDefault(n, Double.POSITIVE_INFINITY));
                double maxRel = 0;
                for (var e : theirs.entrySet()) {
                    double a = ours.seconds(e.getKey());
                    maxRel = Math.max(maxRel, Math.abs(a - e.getValue()) / Math.max(e.getValue(), 1e-9));
                }
                System.out.printf(Locale.ROOT, "per node: pgRouting reaches %,d, sum %.6f s; checksums %s;"
                        + " max relative difference %.2e%n", (long) theirSum[0], theirSum[1],
                        theirSum[0] == oursSum[0] && Math.abs(theirSum[1] - oursSum[1]) <= 1e-9 * oursSum[1]
                                ? "agree" : "DIFFER", maxRel);
                // timed: pgRouting's whole computation inside the server, aggregated there so that no client-side
                // transfer is counted (its best case); pgr_drivingDistance needs no target list
                Clock best = null;
                for (int run = 0; run < 3; run++) {
                    Clock c = new Clock(backend);
                    try (PreparedStatement ps = db.prepareStatement("SELECT count(*), sum(agg_cost) FROM"
                            + " pgr_drivingDistance(?, ?::bigint, 1e15::float8, true) WHERE node <> ?")) {
                        ps.setString(1, edges);
                        ps.setLong(2, superSource);
                        ps.setLong(3, superSource);
                        var rs = ps.executeQuery();
                        rs.next();
                        c.stop();
                        best = best == null || c.wallMs < best.wallMs ? c : best;
                        System.out.printf(Locale.ROOT,
                                "pgRouting pgr_drivingDistance:  %s (run %d); reachable %,d, sum %.6f s%n",
                                c, run + 1, rs.getLong(1), rs.getDouble(2));
                    }
                }
                Clock c = new Clock(backend);
                try (PreparedStatement ps = db.prepareStatement(
                        "SELECT count(*), sum(agg_cost) FROM pgr_dijkstraCost(?, ?::bigint,"
                                + " (SELECT array_agg(v) FROM generate_series(1::bigint, ?::bigint) v), true)")) {
                    ps.setString(1, edges);
                    ps.setLong(2, superSource);
                    ps.setLong(3, graph.nodeCount());
                    var rs = ps.executeQuery();
                    rs.next();
                    c.stop();
                    best = c.wallMs < best.wallMs ? c : best;
                    System.out.printf(Locale.ROOT, "pgRouting pgr_dijkstraCost:     %s; reachable %,d, sum %.6f s%n",
                            c, rs.getLong(1), rs.getDouble(2));
                }
                System.out.printf(Locale.ROOT, "ratio pgRouting (fastest run) / ours: wall %.1fx, cpu %s%n",
                        best.wallMs / oursClock.wallMs,
                        best.cpuMs >= 0 ? String.format(Locale.ROOT, "%.1fx", best.cpuMs / oursClock.cpuMs) : "n/a");
            } finally {
                try (Statement st = db.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private static void bounded(RoadGraph graph, List<Point> markets, long[] population, int clusters, double cutoff) {
        Random rnd = new Random(42);
        List<Point> points = new ArrayList<>(clusters);
        for (int i = 0; i < clusters; i++) {
            int n = rnd.nextInt(graph.nodeCount());
            // a cluster up to ~1 km off a random road vertex
            points.add(GF.createPoint(new Coordinate(graph.nodeLon(n) + (rnd.nextDouble() - 0.5) * 0.02,
                    graph.nodeLat(n) + (rnd.nextDouble() - 0.5) * 0.02)));
        }
        Snap[] marketSnaps = markets.stream().map(graph::snap).toArray(Snap[]::new);
        double lambda = Math.log(2) / 3600; // one-hour half-life
        BoundedSearch search = new BoundedSearch(graph);
        long reached = 0;
        double potentialSum = 0;
        Clock clock = new Clock();
        for (Point p : points) {
            search.run(p, cutoff);
            reached += search.reachedCount();
            double potential = 0;
            for (int m = 0; m < marketSnaps.length; m++) {
                double t = search.secondsTo(marketSnaps[m]);
                if (t < Double.POSITIVE_INFINITY) {
                    potential += population[m] * Math.exp(-lambda * t);
                }
            }
            potentialSum += potential;
        }
        clock.stop();
        System.out.printf(Locale.ROOT, "ours      bounded one-to-many: %,d clusters, cutoff %.0f h: %s (%.2f ms wall each,"
                        + " snapping and gravity over %,d markets included); mean %.0f nodes reached, mean potential %.1f%n",
                clusters, cutoff / 3600, clock, clock.wallMs / clusters, markets.size(), (double) reached / clusters,
                potentialSum / clusters);
    }

    /** The file's roads shifted by (+i°, +j°) for every tile; identical coordinates stay identical, so do junctions. */
    static List<Road> tiledRoads(List<Road> roads, int tilesX, int tilesY) {
        List<Road> out = new ArrayList<>(roads.size() * tilesX * tilesY);
        for (int i = 0; i < tilesX; i++) {
            for (int j = 0; j < tilesY; j++) {
                AffineTransformation shift = AffineTransformation.translationInstance(i, j);
                String suffix = "@" + i + "," + j;
                for (Road r : roads) {
                    out.add(new Road(r.id() + suffix, r.roadClass(), r.surface(), r.paving(), r.allSeason(),
                            r.motorable(), r.name(), r.ref(), shift.transform(r.geometry()), Map.of()));
                }
            }
        }
        return out;
    }

    /** Points shifted like {@link #tiledRoads}, in the same tile order (point k of tile t at t·size + k). */
    static List<Point> tiledPoints(List<Point> points, int tilesX, int tilesY) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < tilesX; i++) {
            for (int j = 0; j < tilesY; j++) {
                for (Point p : points) {
                    out.add(GF.createPoint(new Coordinate(p.getX() + i, p.getY() + j)));
                }
            }
        }
        return out;
    }

    interface NodeTimes {
        double seconds(int node);
    }

    /** Count and sum of the finite node times. */
    static double[] checksum(int nodes, NodeTimes times) {
        long count = 0;
        double sum = 0;
        for (int n = 0; n < nodes; n++) {
            double t = times.seconds(n);
            if (Double.isFinite(t)) {
                count++;
                sum += t;
            }
        }
        return new double[] {count, sum};
    }

    private static long usedHeap(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long backendPid(Connection db) throws Exception {
        try (Statement s = db.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Wall and CPU time of a step. The machine may be shared, so CPU time is the fairer comparison: ours is this
     * JVM's process CPU (all threads, GC and JIT included); pgRouting's is its PostgreSQL backend's user + system
     * time from {@code /proc} (only when the server runs on this machine; in 10 ms ticks), and excludes the client.
     */
    static final class Clock {
        private final long backend;
        private final long wall0;
        private final long cpu0;
        double wallMs;
        double cpuMs;

        Clock() {
            this(-1);
        }

        Clock(long backendPid) {
            backend = backendPid;
            wall0 = System.nanoTime();
            cpu0 = cpuNanos();
        }

        Clock(double wallMs, double cpuMs) {
            this(-1);
            this.wallMs = wallMs;
            this.cpuMs = cpuMs;
        }

        void stop() {
            wallMs = (System.nanoTime() - wall0) / 1e6;
            long cpu = cpuNanos();
            cpuMs = cpu < 0 || cpu0 < 0 ? -1 : (cpu - cpu0) / 1e6;
        }

        private long cpuNanos() {
            if (backend < 0) {
                return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime();
            }
            try {
                String[] f = Files.readString(Path.of("/proc/" + backend + "/stat")).replaceAll("^.*\\) ", "")
                        .split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime, USER_HZ 100
            } catch (Exception e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%7.0f ms wall, %7.0f ms cpu", wallMs, cpuMs);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
