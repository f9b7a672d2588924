package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.testing.PostgisTestDatabase;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports of a layer of one's own (PMGSY facilities of three states) killed with SIGKILL at
 * seeded moments of their two readings, on both stores: after each kill the store opens with the layer as it was
 * (or complete, when the import said it was done), its rows agreeing with its count, and a last import completes.
 * {@code -Dclustergrid.crash.kills=N} and {@code -Dclustergrid.crash.seed=S} as in the other crash tests.
 */
class ContextLayerCrashTest {
    private static final int KILLS = Integer.getInteger("clustergrid.crash.kills", 4);
    private static final long SEED = Long.getLong("clustergrid.crash.seed", 20261206L);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aKilledLayerImportLeavesTheLayerAsItWasOrComplete(String kind) throws Exception {
        List<String> files = new ArrayList<>(List.of("layer", "", "facilities"));
        for (String state : List.of("Sikkim.zip", "Karnataka.zip", "Maharashtra.zip")) {
            files.add(SharedData.require("india-pmgsy/Facilities/" + state).toString());
        }
        StoreSettings settings = kind.equals("h2gis") ? StoreSettings.h2gis(dir.resolve("store"))
                : PostgisTestDatabase.freshSchema();
        String spec = kind.equals("h2gis") ? dir.resolve("store").toString()
                : CrashChild.POSTGIS + settings.postgisSchema();
        files.set(1, spec);
        try {
            long started = System.nanoTime();
            ChildJvm first = ChildJvm.start(files.toArray(String[]::new));
            assertThat(first.awaitExit(300_000) && first.done()).as(first.tail()).isTrue();
            long importMillis = (System.nanoTime() - started) / 1_000_000;
            long complete = check(settings, -1);
            Random random = new Random(SEED);
            int kept = 0;
            for (int i = 0; i < KILLS; i++) {
                ChildJvm child = ChildJvm.start(files.toArray(String[]::new));
                Thread.sleep((long) (random.nextDouble() * importMillis));
                child.kill();
                check(settings, complete);
                kept += child.done() ? 0 : 1;
            }
            ChildJvm last = ChildJvm.start(files.toArray(String[]::new));
            assertThat(last.awaitExit(300_000) && last.done()).as(last.tail()).isTrue();
            assertThat(check(settings, complete)).isEqualTo(complete);
            System.out.printf("context layer crash test (%s, seed %d): %d kills in a %d ms import, the layer kept as"
                    + " it was after %d%n", kind, SEED, KILLS, importMillis, kept);
        } finally {
            if (kind.equals("postgis")) {
                PostgisTestDatabase.dropSchema(settings);
            }
        }
    }

    /** Opens the store as a restarted server would; the layer has its whole count. Returns it. */
    private static long check(StoreSettings settings, long expected) {
        try (SpatialStore s = StoreFactory.open(settings)) {
            List<ContextLayer> layers = s.contextLayers().layers();
            assertThat(layers).extracting(ContextLayer::name).containsExactly("facilities");
            ContextLayer l = layers.get(0);
            long rows = s.contextLayers().query(l, new FeatureQuery(null, 0, 0)).numberMatched();
            long inWorld = s.contextLayers().query(l, new FeatureQuery(
                    new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90), 0, 0)).numberMatched();
            assertThat(rows).isEqualTo(l.featureCount()).isEqualTo(inWorld).isPositive();
            if (expected >= 0) {
                assertThat(rows).isEqualTo(expected);
            }
            return rows;
        }
    }
}
