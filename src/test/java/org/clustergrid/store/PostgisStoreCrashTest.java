package org.clustergrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.Layer;
import org.clustergrid.testing.PostgisTestDatabase;
import org.clustergrid.testing.RequiresPostgis;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Kills processes using the PostGIS store with SIGKILL at seeded random moments, and after each kill opens the store
 * as a restarted server would: it must open and hold either the dataset as it was or the new import complete, its
 * spatial index agreeing with its rows, the base dataset untouched and every saved scoring run with all its clusters'
 * scores; the killed process's session must be gone and the import lock free within seconds, so that the next import
 * runs. The kills are of three kinds: an import of the Pokhara extract, a process opening a fresh schema (Flyway
 * migrating it) and a process saving one scoring run after another. {@code -Dclustergrid.crash.kills=N} and
 * {@code -Dclustergrid.crash.seed=S} run a longer or another series.
 */
@RequiresPostgis
class PostgisStoreCrashTest {
    private static final int KILLS = Integer.getInteger("clustergrid.crash.kills", 10);
    private static final long SEED = Long.getLong("clustergrid.crash.seed", 20261206L);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);
    /** How long a killed child's session may linger: PostgreSQL ends it when it next reads from the dead socket. */
    private static final long LINGER_MILLIS = 15_000;

    private final List<StoreSettings> schemas = new ArrayList<>();
    private long worstLingerMillis;

    private enum Kill { IMPORT, WHILE_MIGRATING, DURING_SCORING }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(PostgisTestDatabase::dropSchema);
    }

    @Test
    void everyKillLeavesTheOldOrTheNewDatasetAndFreesTheImportLock() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        StoreSettings store = schema();
        Map<Layer, Long> base = importBase(store);
        long started = System.nanoTime();
        Map<Layer, Long> plain = cleanImport(store, pbf, false);
        Map<Layer, Long> clusters = cleanImport(store, pbf, true);
        long importMillis = (System.nanoTime() - started) / 2_000_000;
        assertTrue(clusters.get(Layer.CLUSTERS) > 0 && plain.get(Layer.CLUSTERS) == 0, clusters + " / " + plain);
        long migrationMillis = migrationMillis();

        Random random = new Random(SEED);
        Map<Layer, Long> now = clusters;
        Map<Kill, Integer> kinds = new EnumMap<>(Kill.class);
        int kept = 0;
        int replaced = 0;
        List<Integer> migratedBeforeKill = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            boolean withClusters = now.equals(plain); // the new dataset always differs from the old
            Map<Layer, Long> expectedNew = withClusters ? clusters : plain;
            Kill kill = Kill.values()[random.nextInt(Kill.values().length)];
            kinds.merge(kill, 1, Integer::sum);
            String round = "kill " + (i + 1) + " (" + kill + ", seed " + SEED + ")";
            double when = random.nextDouble();
            if (kill == Kill.WHILE_MIGRATING) {
                long delay = (long) (when * migrationMillis * 1.2);
                migratedBeforeKill.add(killWhileMigrating(pbf, withClusters, delay, base, round));
                assertEquals(now, reopen(store, base), round + ": another schema's migration changed the data");
                continue;
            }
            boolean committed = kill == Kill.IMPORT
                    ? killImport(store, pbf, withClusters, (long) (when * importMillis * 1.5))
                    : killScoring(store, (long) (when * 3000));
            awaitSessionsGone(round);
            assertImportLockFree(store, round);
            Map<Layer, Long> found = reopen(store, base);
            if (kill == Kill.DURING_SCORING) {
                assertEquals(now, found, round + ": scoring changed the data");
            } else if (committed) {
                assertEquals(expectedNew, found, round + ": the import had committed");
            } else {
                assertTrue(found.equals(now) || found.equals(expectedNew), round + ": found " + found
                        + ", neither the old " + now + " nor the new " + expectedNew);
            }
            if (kill == Kill.DURING_SCORING) {
                continue;
            } else if (found.equals(now)) {
                kept++;
            } else {
                replaced++;
            }
            now = found;
        }
        // the import after the last kill runs to its end
        Map<Layer, Long> last = cleanImport(store, pbf, now.equals(plain));
        assertEquals(now.equals(plain) ? clusters : plain, last, "the import after the last kill");
        assertEquals(last, reopen(store, base));
        System.out.printf("PostGIS crash test, seed %d: %d kills %s; after the imports the old dataset kept %d, the new"
                + " one complete %d; migrations applied of 7 when killed %s; a killed child's session gone after at most"
                + " %d ms (creating a schema took %d ms)%n", SEED, KILLS, kinds, kept, replaced, migratedBeforeKill,
                worstLingerMillis, migrationMillis);
    }

    /** An import killed mid-way; true when it said it committed before. */
    private static boolean killImport(StoreSettings store, Path pbf, boolean clusters, long delay) throws Exception {
        ChildJvm importer = opened(ChildJvm.start("import", spec(store), pbf.toString(), clusters ? "clusters" : "plain"));
        Thread.sleep(delay);
        importer.kill();
        return importer.done();
    }

    /** A process saving scoring runs, killed amid the runs that follow its first, each saved in one transaction. */
    private static boolean killScoring(StoreSettings store, long delay) throws Exception {
        ChildJvm scorer = opened(ChildJvm.start("score", spec(store)));
        if (!scorer.awaitScored(120_000)) {
            scorer.kill();
            fail("no scoring run was saved:\n" + scorer.tail());
        }
        Thread.sleep(delay);
        scorer.kill();
        return false;
    }

    /**
     * An import into a schema of its own, killed while Flyway creates it (or, late, as the import starts); the schema
     * must then open with every migration, hold no dataset or the whole one, and take the next import. Returns how
     * many migrations had been applied when the kill came.
     */
    private int killWhileMigrating(Path pbf, boolean clusters, long delay, Map<Layer, Long> base, String round)
            throws Exception {
        StoreSettings fresh = schema();
        ChildJvm child = ChildJvm.start("import", spec(fresh), pbf.toString(), clusters ? "clusters" : "plain");
        if (!child.awaitMigrating(120_000)) {
            child.kill();
            fail(round + ": Flyway did not start in the child:\n" + child.tail());
        }
        Thread.sleep(delay);
        child.kill();
        awaitSessionsGone(round);
        int migrated = migrationsApplied(fresh);
        try (SpatialStore s = StoreFactory.open(fresh)) {
            Map<Layer, Long> found = check(s);
            assertTrue(!child.done() || !found.isEmpty(), round + ": the import had committed, yet the schema is empty");
            importDemo(s, "base"); // the next import into the schema runs
            assertEquals(base, CrashChild.counts(s, "base"), round);
        }
        return migrated;
    }

    /** Successful migrations in the schema's Flyway history; 0 when Flyway had not created it yet. */
    private static int migrationsApplied(StoreSettings store) throws SQLException {
        try (Connection c = PostgisTestDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = '"
                        + store.postgisSchema() + "' AND tablename = 'flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Connection c = PostgisTestDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + store.postgisSchema()
                        + ".flyway_schema_history WHERE success AND type = 'SQL'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How long Flyway takes to create a fresh schema here, from a child that opens one and is then stopped. */
    private long migrationMillis() throws Exception {
        ChildJvm holder = opened(ChildJvm.start("hold", spec(schema())));
        holder.stop();
        return holder.openingMillis();
    }

    private static ChildJvm opened(ChildJvm child) throws Exception {
        if (!child.awaitOpen(120_000)) {
            child.kill();
            fail("the store did not open in a child process:\n" + child.tail());
        }
        return child;
    }

    /** Waits until no session of a (killed) child is left in the database; how long is reported. */
    private void awaitSessionsGone(String round) throws Exception {
        long start = System.nanoTime();
        try (Connection c = PostgisTestDatabase.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*), string_agg(state || ': ' || left(query, 80), '; ') FROM pg_stat_activity"
                                + " WHERE application_name = ?")) {
            ps.setString(1, ChildJvm.APPLICATION);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    if (rs.getInt(1) == 0) {
                        worstLingerMillis = Math.max(worstLingerMillis, waited);
                        return;
                    }
                    if (waited > LINGER_MILLIS) {
                        fail(round + ": a killed child's sessions are still in the database after " + waited + " ms: "
                                + rs.getString(2));
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /** The row every import locks first is free: no transaction of the killed process holds it. */
    private static void assertImportLockFree(StoreSettings store, String round) throws SQLException {
        try (Connection c = PostgisTestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SELECT version FROM " + store.postgisSchema() + ".store_state WHERE id = 1 FOR UPDATE NOWAIT");
            } catch (SQLException e) {
                fail(round + ": the import lock is still held: " + e.getMessage());
            } finally {
                c.rollback();
            }
        }
    }

    /** Imports the demo region as dataset {@code base}, whose counts every kill must leave alone. */
    private static Map<Layer, Long> importBase(StoreSettings store) throws Exception {
        try (SpatialStore s = StoreFactory.open(store)) {
            importDemo(s, "base");
            return CrashChild.counts(s, "base");
        }
    }

    private static void importDemo(SpatialStore s, String id) throws Exception {
        List<ImportRequest.Source> sources = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            sources.add(new ImportRequest.Source(Path.of("gis-data/demo", layer.id() + ".geojson"),
                    Mapping.identity(layer)));
        }
        new Importer(s).run(new ImportRequest(SourceKind.LAYER, sources,
                new DatasetInfo(id, "Demo", "test", "CC0 1.0", "synthetic", true), null, false, false));
    }

    private Map<Layer, Long> cleanImport(StoreSettings store, Path pbf, boolean clusters) throws Exception {
        ChildJvm importer = ChildJvm.start("import", spec(store), pbf.toString(), clusters ? "clusters" : "plain");
        assertTrue(importer.awaitExit(300_000) && importer.exitValue() == 0 && importer.done(), importer.tail());
        try (SpatialStore s = StoreFactory.open(store)) {
            return CrashChild.counts(s, CrashChild.DATASET);
        }
    }

    /** Opens the store as a restarted server would and checks it; returns the pokhara counts, empty when absent. */
    private static Map<Layer, Long> reopen(StoreSettings store, Map<Layer, Long> base) throws Exception {
        try (SpatialStore s = StoreFactory.open(store)) {
            assertEquals(base, CrashChild.counts(s, "base"));
            return check(s);
        }
    }

    /**
     * The pokhara dataset's counts agree with its declared ones, a box over the world finds every row (through the
     * store, and through the GiST index alone) and every scoring run has all its scores.
     */
    private static Map<Layer, Long> check(SpatialStore s) throws SQLException {
        Map<Layer, Long> found = CrashChild.counts(s, CrashChild.DATASET);
        Map<Layer, Integer> declared = s.dataset(CrashChild.DATASET).map(d -> d.featureCounts()).orElse(Map.of());
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL enable_seqscan = off");
            for (Layer layer : Layer.values()) {
                assertEquals(declared.getOrDefault(layer, 0).longValue(), found.get(layer), layer + " rows");
                long all = s.query(layer, new FeatureQuery(null, 0, 0)).numberMatched();
                assertEquals(all, s.query(layer, new FeatureQuery(WORLD, 0, 0)).numberMatched(), layer + " bbox query");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + layer.id()
                        + " WHERE geom && ST_MakeEnvelope(-180, -90, 180, 90, 4326)")) {
                    rs.next();
                    assertEquals(all, rs.getLong(1), layer + " spatial index");
                }
            }
            c.rollback();
        }
        for (ScoringRunRecord run : s.scoringRuns().runs()) {
            assertEquals(run.clusterCount(), s.scoringRuns().scores(run.id()).size(), "scores of run " + run.id());
        }
        return s.dataset(CrashChild.DATASET).isPresent() ? found : Map.of();
    }


    /** A fresh schema, dropped after the test. */
    private StoreSettings schema() {
        StoreSettings s = PostgisTestDatabase.freshSchema();
        schemas.add(s);
        return s;
    }

    private static String spec(StoreSettings store) {
        return CrashChild.POSTGIS + store.postgisSchema();
    }
}
