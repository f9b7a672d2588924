package org.clustergrid.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Imports and dataset deletes are versions in the history, written in their own transaction: one per cluster an
 * import changes, naming its file; a retiring one per cluster it leaves out; none for a cluster it leaves as it was;
 * an edit overwritten by a re-import stays in the history. On both stores.
 */
class ImportHistoryTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Cluster cluster(String sourceId, int firms) {
        return new Cluster(null, sourceId, "Cluster " + sourceId, null, null, null, firms, null, null,
                GF.createPoint(new Coordinate(80.1, 20.1)), null, Map.of());
    }

    static void importClusters(SpatialStore store, String file, Cluster... clusters) throws Exception {
        store.importDataset(new DatasetInfo("ds", "Test", null, null, null, false), new ImportReport(), w -> {
            int i = 1;
            for (Cluster c : clusters) {
                w.write(c, file, "feature " + i++);
            }
        });
    }

    static String idOf(SpatialStore store, String sourceId) {
        return store.feature(Layer.CLUSTERS, "ds", sourceId).map(StoredFeature::layerId).orElseThrow();
    }

    static List<String> versions(ClusterRegister register, String id) {
        return register.history(id).stream().map(v -> v.version() + " " + v.action().id() + " " + v.actor() + ": "
                + v.comment()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void importsAndDeletesAreVersions(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            importClusters(store, "first.csv", cluster("a", 10), cluster("b", 20));
            String a = idOf(store, "a");
            String b = idOf(store, "b");
            assertThat(versions(register, a)).containsExactly("1 import import: import into dataset ds from first.csv");

            importClusters(store, "second.csv", cluster("a", 11));
            assertThat(versions(register, a)).containsExactly("1 import import: import into dataset ds from first.csv",
                    "2 import import: import into dataset ds from second.csv");
            assertThat(register.version(a, 2).changes()).containsExactly(new FieldChange("firms", 10, 11));
            assertThat(versions(register, b)).containsExactly("1 import import: import into dataset ds from first.csv",
                    "2 retire import: left out of the import into dataset ds");
            assertThat(register.version(b, 2).retired()).isTrue();

            importClusters(store, "second.csv", cluster("a", 11));
            assertThat(versions(register, a)).as("the same state makes no version").hasSize(2);

            // an edit, then a re-import over it: both are versions, the edit can be restored
            StoredFeature current = store.clusterByGridId(a).orElseThrow();
            register.update(a, ClusterTag.of(current), f -> new Draft(Map.of(), Map.of("name", "Cluster a",
                    "firms", 12), Map.of(), f.feature().geometry(), List.of(), "counted"),
                    new Author("ed", "key", null));
            importClusters(store, "third.csv", cluster("a", 11));
            assertThat(versions(register, a)).containsExactly("1 import import: import into dataset ds from first.csv",
                    "2 import import: import into dataset ds from second.csv", "3 update ed: counted",
                    "4 import import: import into dataset ds from third.csv");
            assertThat(((Cluster) register.version(a, 3).state()).firms()).isEqualTo(12);

            // a failed import records nothing, like it writes nothing
            assertThatThrownBy(() -> store.importDataset(new DatasetInfo("ds", "Test", null, null, null, false),
                    new ImportReport(), w -> {
                        w.write(cluster("a", 99), "broken.csv", "feature 1");
                        w.write(cluster("a", 98), "broken.csv", "feature 2");
                    })).isInstanceOf(ImportFailedException.class);
            assertThat(versions(register, a)).hasSize(4);

            assertThat(store.deleteDataset("ds")).isTrue();
            assertThat(versions(register, a)).last().isEqualTo("5 retire delete: dataset ds deleted");
            assertThat(register.history(a).get(4).retired()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void editedClustersComeBackAfterTheirDatasetWasDeleted(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            Draft draft = new Draft(Map.of(), Map.of("name", "Made here"), Map.of(),
                    GF.createPoint(new Coordinate(80.1, 20.1)), List.of(), null);
            String id = register.create(draft, new Author("ed", "key", null)).feature().layerId();
            assertThatThrownBy(() -> store.importDataset(new DatasetInfo(ClusterRegister.EDITED_DATASET, null, null,
                    null, null, false), new ImportReport(), w -> w.write(cluster("x", 1), "x.csv", "feature 1")))
                    .hasMessageContaining("holds the clusters made by editing");
            assertThat(store.clusterByGridId(id)).as("the import did not replace them").isPresent();
            assertThat(store.deleteDataset(ClusterRegister.EDITED_DATASET)).isTrue();
            assertThat(versions(register, id)).containsExactly("1 create ed: null",
                    "2 retire delete: dataset register deleted");
            ClusterRegister.Result back = register.restore(id, 1, null, new Author("ed", "key", null));
            assertThat(back.version()).isEqualTo(3);
            assertThat(store.clusterByGridId(id)).isPresent();
            assertThat(store.dataset(ClusterRegister.EDITED_DATASET).orElseThrow().featureCounts())
                    .containsEntry(Layer.CLUSTERS, 1);
        }
    }
}
