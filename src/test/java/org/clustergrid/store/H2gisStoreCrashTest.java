package org.clustergrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * Kills imports of the Pokhara extract, and the process holding the store (as the server does), with SIGKILL at
 * seeded random moments, and after each kill opens the store as a restarted server would: it must open and hold
 * either the dataset as it was or the new import complete, its spatial index agreeing with its rows, and the other
 * dataset untouched, and every saved scoring run with all its clusters' scores. The kills are of five kinds: an
 * import running through the holder's TCP server (the holder then killed or stopped, as a restart), the holder during
 * such an import, an import holding the store alone, a process still opening the store (and finishing what the last
 * kill left), and a process saving one scoring run after another. {@code -Dclustergrid.crash.kills=N} and
 * {@code -Dclustergrid.crash.seed=S} run a longer or another series.
 */
class H2gisStoreCrashTest {
    private static final int KILLS = Integer.getInteger("clustergrid.crash.kills", 10);
    private static final long SEED = Long.getLong("clustergrid.crash.seed", 20261206L);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    @TempDir
    Path dir;

    private enum Kill { IMPORT_VIA_SERVER, SERVER_DURING_IMPORT, IMPORT_ALONE, WHILE_OPENING, DURING_SCORING }

    @Test
    void everyKillLeavesTheOldOrTheNewDatasetAndTheStoreOpens() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        Path store = dir.resolve("store");
        Map<Layer, Long> base = importBase(store);
        long started = System.nanoTime();
        Map<Layer, Long> plain = cleanImport(store, pbf, false);
        Map<Layer, Long> clusters = cleanImport(store, pbf, true);
        long importMillis = (System.nanoTime() - started) / 2_000_000;
        assertTrue(clusters.get(Layer.CLUSTERS) > 0 && plain.get(Layer.CLUSTERS) == 0, clusters + " / " + plain);

        Random random = new Random(SEED);
        Map<Layer, Long> now = clusters;
        Map<Kill, Integer> kinds = new EnumMap<>(Kill.class);
        int kept = 0;
        int replaced = 0;
        int h2Refused = 0;
        for (int i = 0; i < KILLS; i++) {
            boolean withClusters = now.equals(plain); // the new dataset always differs from the old
            Kill kill = Kill.values()[random.nextInt(Kill.values().length)];
            kinds.merge(kill, 1, Integer::sum);
            boolean committed = run(kill, store, pbf, withClusters, random, importMillis);
            h2Refused += h2AloneOpens(store) ? 0 : 1;
            Map<Layer, Long> found = reopen(store, base);
            Map<Layer, Long> expectedNew = withClusters ? clusters : plain;
            String round = "kill " + (i + 1) + " (" + kill + ", seed " + SEED + ")";
            if (kill == Kill.DURING_SCORING) {
                assertEquals(now, found, round + ": scoring changed the data");
            } else if (committed) {
                assertEquals(expectedNew, found, round + ": the import had committed");
            } else {
                assertTrue(found.equals(now) || found.equals(expectedNew), round + ": found " + found
                        + ", neither the old " + now + " nor the new " + expectedNew);
            }
            if (found.equals(now)) {
                kept++;
            } else {
                replaced++;
            }
            now = found;
        }
        System.out.printf("H2GIS crash test, seed %d: %d kills %s; old dataset kept %d, new one complete %d;"
                + " H2 alone could not open the store after %d of them%n", SEED, KILLS, kinds, kept, replaced,
                h2Refused);
    }

    /** One kill; true when the import said it committed before it. */
    private static boolean run(Kill kill, Path store, Path pbf, boolean clusters, Random random, long importMillis)
            throws Exception {
        double when = random.nextDouble();
        String[] imports = {"import", store.toString(), pbf.toString(), clusters ? "clusters" : "plain"};
        long delay = (long) (when * importMillis * 1.5);
        switch (kill) {
            case DURING_SCORING -> {
                ChildJvm scorer = opened(ChildJvm.start("score", store.toString()));
                assertTrue(scorer.awaitScored(120_000), "no scoring run was saved:\n" + scorer.tail());
                Thread.sleep((long) (when * 3000)); // amid the runs that follow, each saved in one transaction
                scorer.kill();
                return false;
            }
            case WHILE_OPENING -> {
                ChildJvm child = ChildJvm.start(imports);
                Thread.sleep((long) (when * 2500));
                child.kill();
                return child.done();
            }
            case IMPORT_ALONE -> {
                ChildJvm importer = opened(ChildJvm.start(imports));
                Thread.sleep(delay);
                importer.kill();
                return importer.done();
            }
            default -> {
                ChildJvm server = opened(ChildJvm.start("hold", store.toString()));
                ChildJvm importer = opened(ChildJvm.start(imports));
                Thread.sleep(delay);
                if (kill == Kill.SERVER_DURING_IMPORT) {
                    server.kill();
                    if (!importer.awaitExit(60_000)) {
                        importer.kill();
                    }
                    return importer.done();
                }
                importer.kill();
                if (random.nextBoolean()) {
                    server.kill();
                } else {
                    server.stop();
                }
                return importer.done();
            }
        }
    }

    private static ChildJvm opened(ChildJvm child) throws Exception {
        if (!child.awaitOpen(120_000)) {
            child.kill();
            fail("the store did not open in a child process:\n" + child.tail());
        }
        return child;
    }

    /** Imports the demo region as dataset {@code base}, whose counts every kill must leave alone. */
    private static Map<Layer, Long> importBase(Path store) throws Exception {
        List<ImportRequest.Source> sources = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            sources.add(new ImportRequest.Source(Path.of("gis-data/demo", layer.id() + ".geojson"),
                    Mapping.identity(layer)));
        }
        try (SpatialStore s = StoreFactory.open(StoreSettings.h2gis(store))) {
            new Importer(s).run(new ImportRequest(SourceKind.LAYER, sources,
                    new DatasetInfo("base", "Demo", "test", "CC0 1.0", "synthetic", true), null, false, false));
            return CrashChild.counts(s, "base");
        }
    }

    private Map<Layer, Long> cleanImport(Path store, Path pbf, boolean clusters) throws Exception {
        ChildJvm importer = ChildJvm.start("import", store.toString(), pbf.toString(), clusters ? "clusters" : "plain");
        assertTrue(importer.awaitExit(300_000) && importer.exitValue() == 0 && importer.done(), importer.tail());
        try (SpatialStore s = StoreFactory.open(StoreSettings.h2gis(store))) {
            return CrashChild.counts(s, CrashChild.DATASET);
        }
    }

    /**
     * Opens a copy of the store as H2 would without ClusterGrid's recovery (the state before this fix): false when
     * H2 cannot open it.
     */
    private boolean h2AloneOpens(Path store) throws Exception {
        Path copy = copy(store, "h2-alone");
        String password = Files.readString(copy.resolve(H2Secret.FILE)).trim();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("clustergrid"), "sa", password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Opens a copy of the store as a restarted server would and checks it: the pokhara dataset's counts (empty when
     * absent) agree with its rows, the spatial index finds every row, and the base dataset is intact. The store
     * itself is left as the kill left it, for the next process to open.
     */
    private Map<Layer, Long> reopen(Path store, Map<Layer, Long> base) throws Exception {
        try (SpatialStore s = StoreFactory.open(StoreSettings.h2gis(copy(store, "reopened")))) {
            assertEquals(base, CrashChild.counts(s, "base"));
            Map<Layer, Long> found = CrashChild.counts(s, CrashChild.DATASET);
            Map<Layer, Integer> declared = s.dataset(CrashChild.DATASET).map(d -> d.featureCounts()).orElse(Map.of());
            for (Layer layer : Layer.values()) {
                assertEquals(declared.getOrDefault(layer, 0).longValue(), found.get(layer), layer + " rows");
                long all = s.query(layer, new FeatureQuery(null, 0, 0)).numberMatched();
                assertEquals(all, s.query(layer, new FeatureQuery(WORLD, 0, 0)).numberMatched(), layer + " spatial index");
            }
            for (ScoringRunRecord run : s.scoringRuns().runs()) {
                assertEquals(run.clusterCount(), s.scoringRuns().scores(run.id()).size(), "scores of run " + run.id());
            }
            return s.dataset(CrashChild.DATASET).isPresent() ? found : Map.of();
        }
    }


    private Path copy(Path store, String name) throws Exception {
        Path copy = dir.resolve(name);
        if (Files.exists(copy)) {
            try (var files = Files.list(copy)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(copy);
        try (var files = Files.list(store)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".lock.db")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
