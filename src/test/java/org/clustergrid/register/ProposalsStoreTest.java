package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clustergrid.model.Cluster;
import org.clustergrid.register.RegisterException.Reason;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proposals' transactions on both stores: an acceptance whose status change cannot be written leaves the cluster as
 * it was, two editors deciding one proposal at once get one decision in, and a proposer's pending proposals are
 * capped.
 */
class ProposalsStoreTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Author ED = new Author("ed", "key", null);
    static final Author VIEWER = new Author("vi", "key", "a correction");

    static Proposals.Submission firms(String id, int firms) throws Exception {
        return new Proposals.Submission("update", id, JSON.readTree("{\"properties\":{\"firms\":" + firms + "}}"),
                null);
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void acceptanceAndItsChangeAreOneTransaction(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            Proposals proposals = new Proposals(store, register);
            String id = register.create(ClusterRegisterStoreTest.draft("Before", 1), ED).feature().layerId();
            Proposal p = proposals.submit(firms(id, 2), VIEWER);
            long dataVersion = store.dataVersion();
            // the proposal's row refuses to become accepted, so its write fails after the cluster was changed
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("ALTER TABLE cluster_proposal ADD CONSTRAINT"
                            + " never_accepted CHECK (status <> 'accepted')")) {
                ps.executeUpdate();
            }
            assertThatThrownBy(() -> proposals.accept(p.id(), ED)).isInstanceOf(RuntimeException.class);
            assertThat(((Cluster) store.clusterByGridId(id).orElseThrow().feature()).firms()).isEqualTo(1);
            assertThat(register.history(id)).hasSize(1);
            assertThat(store.dataVersion()).isEqualTo(dataVersion);
            assertThat(proposals.get(p.id()).status()).isEqualTo(ProposalStatus.PENDING);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aProposalThatChangesNothingIsAcceptedAsTheVersionTheClusterIsAt(String kind, @TempDir Path dir)
            throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            Proposals proposals = new Proposals(store, register);
            String id = register.create(ClusterRegisterStoreTest.draft("Same", 3), ED).feature().layerId();
            long dataVersion = store.dataVersion();
            Proposal p = proposals.accept(proposals.submit(firms(id, 3), VIEWER).id(), ED);
            assertThat(p.status()).isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(p.resultVersion()).isEqualTo(1);
            assertThat(register.history(id)).hasSize(1);
            assertThat(proposals.get(p.id()).status()).as("the decision is kept").isEqualTo(ProposalStatus.ACCEPTED);
            assertThat(store.dataVersion()).as("no data changed").isEqualTo(dataVersion);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void racingDecisionsGetOneIn(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            Proposals proposals = new Proposals(store, register);
            String id = register.create(ClusterRegisterStoreTest.draft("Raced", 0), ED).feature().layerId();
            long p = proposals.submit(firms(id, 7), VIEWER).id();
            int editors = 6;
            ExecutorService pool = Executors.newFixedThreadPool(editors);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                boolean accept = i % 2 == 0;
                Author by = new Author("ed" + i, "key", "decided by ed" + i);
                Callable<String> decide = () -> {
                    start.await();
                    try {
                        return (accept ? proposals.accept(p, by) : proposals.reject(p, by)).status().id();
                    } catch (RegisterException e) {
                        return e.reason().name();
                    }
                };
                outcomes.add(pool.submit(decide));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            pool.shutdown();
            assertThat(results).filteredOn(Reason.CONFLICT.name()::equals).hasSize(editors - 1);
            Proposal decided = proposals.get(p);
            assertThat(results).contains(decided.status().id());
            int firms = ((Cluster) store.clusterByGridId(id).orElseThrow().feature()).firms();
            assertThat(firms).isEqualTo(decided.status() == ProposalStatus.ACCEPTED ? 7 : 0);
            assertThat(register.history(id)).hasSize(decided.status() == ProposalStatus.ACCEPTED ? 2 : 1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void pendingProposalsAreCappedPerProposer(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            Proposals proposals = new Proposals(store, register);
            String id = register.create(ClusterRegisterStoreTest.draft("Busy", 0), ED).feature().layerId();
            long first = 0;
            for (int i = 0; i < Proposals.MAX_PENDING; i++) {
                long made = proposals.submit(firms(id, i + 1), VIEWER).id();
                first = first == 0 ? made : first;
            }
            assertThatThrownBy(() -> proposals.submit(firms(id, 1), VIEWER)).isInstanceOf(RegisterException.class)
                    .satisfies(e -> assertThat(((RegisterException) e).reason()).isEqualTo(Reason.TOO_MANY));
            assertThat(proposals.submit(firms(id, 1), new Author("other", "key", null)).status())
                    .as("another proposer is not held up").isEqualTo(ProposalStatus.PENDING);
            proposals.reject(first, new Author("ed", "key", "duplicate"));
            assertThat(proposals.submit(firms(id, 1), VIEWER).status()).as("a decision frees a place")
                    .isEqualTo(ProposalStatus.PENDING);
            assertThat(proposals.list(ProposalStatus.PENDING, "vi")).hasSize(Proposals.MAX_PENDING);
        }
    }
}
