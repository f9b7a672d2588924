package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clustergrid.model.Cluster;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The register's transactions on both stores: an edit whose history row cannot be written leaves the cluster row as
 * it was (all or nothing), and editors racing with the same tag get exactly one change in.
 */
class ClusterRegisterStoreTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final Author ED = new Author("ed", "key", null);

    static Draft draft(String name, int firms) {
        return new Draft(Map.of(), Map.of("name", name, "firms", firms), Map.of(),
                GF.createPoint(new Coordinate(80.1, 20.1)), List.of(), null);
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void editAndItsVersionAreOneTransaction(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            ClusterRegister.Result made = register.create(draft("Before", 1), ED);
            String id = made.feature().layerId();
            long dataVersion = store.dataVersion();
            // the history refuses a second version, so its write fails after the cluster row was changed
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "ALTER TABLE cluster_version ADD CONSTRAINT only_one CHECK (version < 2)")) {
                ps.executeUpdate();
            }
            assertThatThrownBy(() -> register.replace(id, made.etag(), draft("After", 2), ED))
                    .isInstanceOf(RuntimeException.class);
            Cluster now = (Cluster) store.clusterByGridId(id).orElseThrow().feature();
            assertThat(now.name()).isEqualTo("Before");
            assertThat(now.firms()).isEqualTo(1);
            assertThat(store.dataVersion()).as("no data version for a change that did not happen")
                    .isEqualTo(dataVersion);
            assertThatThrownBy(() -> register.retire(id, made.etag(), ED)).isInstanceOf(RuntimeException.class);
            assertThat(store.clusterByGridId(id)).as("not retired either").isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void racingEditorsWithOneTagGetOneChangeIn(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            ClusterRegister.Result made = register.create(draft("Raced", 0), ED);
            String id = made.feature().layerId();
            int editors = 6;
            ExecutorService pool = Executors.newFixedThreadPool(editors);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 1; i <= editors; i++) {
                int firms = i;
                Callable<String> edit = () -> {
                    start.await();
                    try {
                        register.update(id, made.etag(), f -> draft("Raced", firms), new Author("ed" + firms, "key",
                                null));
                        return "changed";
                    } catch (RegisterException e) {
                        return e.reason().name();
                    }
                };
                outcomes.add(pool.submit(edit));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            pool.shutdown();
            assertThat(results).filteredOn("changed"::equals).hasSize(1);
            assertThat(results).filteredOn("PRECONDITION_FAILED"::equals).hasSize(editors - 1);
            List<ClusterVersion> history = register.history(id);
            assertThat(history).hasSize(2);
            StoredFeature now = store.clusterByGridId(id).orElseThrow();
            assertThat(((Cluster) now.feature()).firms()).isEqualTo(((Cluster) history.get(1).state()).firms());
            assertThat(history.get(1).actor()).isEqualTo("ed" + ((Cluster) now.feature()).firms());
        }
    }
}
