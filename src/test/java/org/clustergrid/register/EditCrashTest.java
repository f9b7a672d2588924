package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edits are crash-safe: a process editing one cluster as fast as it can is killed (SIGKILL) at several moments; each
 * time, the store reopened holds the cluster in exactly the state of its latest version, with every version the
 * process reported committed and no gap in the numbering — a row never changed without its version, nor a version
 * written without its row. On both stores.
 */
class EditCrashTest {
    static final int ROUNDS = 4;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void killedEditsLeaveRowAndHistoryTogether(String kind, @TempDir Path dir) throws Exception {
        StoreSettings settings = kind.equals("h2gis") ? StoreSettings.h2gis(dir.resolve("store"))
                : PostgisTestDatabase.freshSchema();
        String arg = kind.equals("h2gis") ? dir.resolve("store").toString() : "postgis:" + settings.postgisSchema();
        try {
            int committed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int reported = killDuringEdits(arg, 300 + round * 250L);
                committed = Math.max(committed, reported);
                try (SpatialStore s = StoreFactory.open(settings)) {
                    ClusterRegister register = new ClusterRegister(s);
                    List<ClusterVersion> history = register.history(EditingChild.ID);
                    for (int i = 0; i < history.size(); i++) {
                        assertThat(history.get(i).version()).as("round " + round).isEqualTo(i + 1);
                    }
                    assertThat(history.get(history.size() - 1).action()).as("no unrecorded state")
                            .isNotEqualTo(Action.IMPORT);
                    assertThat(history.size()).as("round %d: every edit reported committed is there", round)
                            .isGreaterThanOrEqualTo(committed);
                    StoredFeature row = s.clusterByGridId(EditingChild.ID).orElseThrow();
                    ClusterVersion latest = history.get(history.size() - 1);
                    assertThat(ClusterTag.of(row)).as("round " + round).isEqualTo(ClusterTag.of(latest.feature()));
                    assertThat(((Cluster) row.feature()).firms()).isEqualTo(((Cluster) latest.state()).firms());
                    System.out.printf("edit crash %s round %d: killed after version %d was reported; reopened with"
                            + " %d versions, the row at the latest%n", kind, round, reported, history.size());
                }
            }
            assertThat(committed).as("edits were made between the kills").isGreaterThan(ROUNDS);
        } finally {
            if (!kind.equals("h2gis")) {
                PostgisTestDatabase.dropSchema(settings);
            }
        }
    }

    /** Runs the child until it has edited for {@code millis}, kills it, and returns the last version it reported. */
    private static int killDuringEdits(String store, long millis) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                EditingChild.class.getName(), store));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicInteger last = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        List<String> tail = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.add(line);
                    }
                    if (line.equals("OPEN")) {
                        open.countDown();
                    } else if (line.startsWith("EDITED ")) {
                        last.set(Integer.parseInt(line.substring(7)));
                    }
                }
            } catch (Exception e) {
                // the stream ends with the kill
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(open.await(120, TimeUnit.SECONDS)).as("child did not open the store: %s", tail).isTrue();
        Thread.sleep(millis);
        p.destroyForcibly();
        p.waitFor();
        reader.join(5_000);
        return last.get();
    }
}
