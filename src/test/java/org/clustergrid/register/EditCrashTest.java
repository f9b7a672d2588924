package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.KilledChild;
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
        return KilledChild.killAfter(EditingChild.class, List.of(store), "EDITED", millis);
    }
}
