package org.clustergrid.register.interventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterInput;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.RegisterException;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The grid's transactions on both stores: a change whose version cannot be written leaves the row as it was, editors
 * racing with one tag (on an entered row, and on a computed row being stored) get exactly one change in, and the rows
 * of a retired cluster stay.
 */
class InterventionGridStoreTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Author ED = new Author("ed", "key", null);

    /** A register of one cluster whose run has one gap, in bank distance. */
    record Fixture(InterventionGrid grid, ClusterRegister register, String cluster) {}

    static Fixture fixture(SpatialStore store) {
        ClusterRegister register = new ClusterRegister(store);
        Point p = GF.createPoint(new Coordinate(83.98, 28.21));
        String id = register.create(new ClusterInput.Draft(Map.of(), Map.of("name", "Looms", "firms", 3), Map.of(),
                p, List.of(), null), ED).feature().layerId();
        GapSource gaps = () -> new GapSource.Run("run-1", Instant.parse("2026-12-01T00:00:00Z"), List.of(
                new GapSource.ClusterGaps(id, p, List.of(new GapSource.Gap("bank_distance",
                        "22.5 km to the nearest bank branch; target ≤ 7.0 km", "Bank branch nearer the cluster")))));
        return new Fixture(new InterventionGrid(store, register, gaps), register, id);
    }

    static JsonNode feature(String cluster, String status) throws Exception {
        return JSON.readTree("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"cluster_grid_id\":\""
                + cluster + "\",\"category\":\"skills_labour\",\"title\":\"Weaving apprenticeships\",\"status\":\""
                + status + "\",\"budget\":1200.5,\"currency\":\"NPR\"}}");
    }

    static JsonNode patch(String status) throws Exception {
        return JSON.readTree("{\"properties\":{\"status\":\"" + status + "\"}}");
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aChangeAndItsVersionAreOneTransaction(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            Fixture f = fixture(t.store());
            InterventionGrid.Result made = f.grid().create(feature(f.cluster(), "identified"), ED);
            String id = made.row().row().id();
            assertThat(made.row().row().fields().budget()).isEqualByComparingTo("1200.50");
            try (Connection c = t.store().dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("ALTER TABLE cluster_intervention_version"
                            + " ADD CONSTRAINT only_one CHECK (version < 2)")) {
                ps.executeUpdate();
            }
            JsonNode planned = patch("planned");
            assertThatThrownBy(() -> f.grid().change(id, made.row().etag(), planned,
                    x -> InterventionInput.patch(x, planned), "update", ED)).isInstanceOf(RuntimeException.class);
            GridRow now = f.grid().get(id).orElseThrow();
            assertThat(now.row().fields().status()).isEqualTo(Vocabulary.Status.IDENTIFIED);
            assertThat(now.etag()).isEqualTo(made.row().etag());
            assertThat(f.grid().history(id)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void editorsRacingWithOneTagGetOneChangeIn(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            Fixture f = fixture(t.store());
            InterventionGrid.Result made = f.grid().create(feature(f.cluster(), "identified"), ED);
            assertThat(race(f.grid(), made.row().row().id(), made.row().etag())).isEqualTo(1);
            // the computed row: six editors storing it at once from its computed tag
            String gap = f.cluster() + ".bank_distance";
            GridRow computed = f.grid().get(gap).orElseThrow();
            assertThat(computed.row().stored()).isFalse();
            assertThat(race(f.grid(), gap, computed.etag())).isEqualTo(1);
            GridRow stored = f.grid().get(gap).orElseThrow();
            assertThat(stored.row().version()).isEqualTo(1);
            assertThat(stored.row().origin()).isEqualTo(Vocabulary.Origin.COMPUTED_GAP);
            assertThat(stored.gapState()).isEqualTo("open");
            assertThat(f.grid().ofCluster(f.cluster())).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aDeletedGapRowStaysAndTheRowsOfARetiredClusterAreKept(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            Fixture f = fixture(t.store());
            String entered = f.grid().create(feature(f.cluster(), "under_way"), ED).row().row().id();
            String gap = f.cluster() + ".bank_distance";
            f.grid().delete(gap, "*", new Author("ed", "key", "a branch opened last month"));
            assertThat(f.grid().get(gap)).as("a dismissed gap does not come back").isEmpty();
            assertThat(f.grid().ofCluster(f.cluster())).extracting(r -> r.row().id()).containsExactly(entered);
            assertThat(f.grid().history(gap)).extracting(InterventionHistory.Version::action).containsExactly("delete");
            assertThatThrownBy(() -> f.grid().delete(gap, "*", ED)).isInstanceOf(RegisterException.class)
                    .extracting(e -> ((RegisterException) e).reason()).isEqualTo(RegisterException.Reason.NOT_FOUND);

            String tag = ClusterTagOf.current(t.store(), f.cluster());
            f.register().retire(f.cluster(), tag, ED);
            // the run no longer has the cluster; its rows stay, without a point
            InterventionGrid afterRetire = new InterventionGrid(t.store(), f.register(),
                    () -> new GapSource.Run("run-2", Instant.now(), List.of()));
            List<GridRow> kept = afterRetire.ofCluster(f.cluster());
            assertThat(kept).extracting(r -> r.row().id()).containsExactly(entered);
            assertThat(kept.get(0).clusterStatus()).isEqualTo("retired");
            assertThat(kept.get(0).anchor()).isNull();
            assertThat(afterRetire.all()).extracting(r -> r.row().id()).contains(entered);
            assertThatThrownBy(() -> afterRetire.create(feature(f.cluster(), "planned"), ED))
                    .hasMessageContaining("retired");
        }
    }

    /** Six editors PATCH the row at once with the same tag: how many got their change in. */
    static int race(InterventionGrid grid, String id, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                String status = i % 2 == 0 ? "planned" : "under_way";
                Author who = new Author("ed" + i, "key", null);
                JsonNode p = patch(status);
                Callable<Boolean> edit = () -> {
                    start.await();
                    try {
                        grid.change(id, tag, p, x -> InterventionInput.patch(x, p), "update", who);
                        return true;
                    } catch (RegisterException e) {
                        assertThat(e.reason()).isEqualTo(RegisterException.Reason.PRECONDITION_FAILED);
                        return false;
                    }
                };
                results.add(pool.submit(edit));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The cluster's current ETag, as an editor reads it. */
    static final class ClusterTagOf {
        static String current(SpatialStore store, String id) {
            return org.clustergrid.register.ClusterTag.of(store.clusterByGridId(id).orElseThrow());
        }
    }
}
