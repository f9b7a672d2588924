package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterInput;
import org.clustergrid.register.ClusterPatch;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.ClusterTag;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/**
 * After register edits, the engine derived from the one before ({@link EditedClusters}) gives every cluster exactly
 * what an engine built anew on the store gives — every indicator, flag, dimension, gap, priority and rank — while
 * measuring again only the edited clusters and those whose shared finance access moved. Edits of every kind, one
 * after another, on the multi-region store (Pokhara, the literature clusters, GeoNames, PMGSY).
 */
class EditedClustersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Author ED = new Author("ed", "test", null);

    @TempDir
    Path dir;
    private SpatialStore store;

    @Test
    void equalsTheFullRescoreAfterEveryKindOfEdit() throws Exception {
        try (TestStore t = TestStore.h2gis(dir)) {
            store = t.store();
            MultiRegionStore.fill(store);
            ClusterRegister register = new ClusterRegister(store);
            Map<Long, String> told = new ConcurrentHashMap<>();
            register.setEditListener(told::put);
            ScoringProfile profile = DefaultProfile.read();
            ScoringEngine engine = ScoringEngine.build(ScoringData.load(store), profile, SpeedProfile.defaults());
            ScoringRun.run(engine, profile.dimensionWeights());
            List<StoredFeature> clusters = engine.data().clusters();
            StoredFeature pokhara = first(clusters, "pokhara", false);
            StoredFeature literature = first(clusters, "literature", false);
            StoredFeature retired = clusters.stream().filter(f -> f.datasetId().equals("literature")
                    && f != literature).findFirst().orElseThrow();
            Point at = pokhara.feature().geometry().getCentroid();

            // more workers in Pokhara: they weigh on the banks its neighbours share
            engine = check(store, engine, told, Set.of(pokhara.layerId()), () -> patch(register, pokhara.layerId(),
                    "{\"properties\":{\"employment\":4000}}"));
            // a literature cluster moved onto Pokhara, its dataset's coverage derived again
            engine = check(store, engine, told, Set.of(literature.layerId()), () -> patch(register,
                    literature.layerId(), "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (at.getX() + 0.01)
                            + "," + (at.getY() - 0.005) + "]},\"properties\":{\"employment\":2500}}"));
            // a cluster made by editing, in a dataset of its own
            String[] made = new String[1];
            engine = check(store, engine, told, null, () -> made[0] = register.create(ClusterInput.parse(JSON
                    .readTree("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                            + (at.getX() - 0.008) + "," + (at.getY() + 0.004) + "]},\"properties\":{\"name\":"
                            + "\"Edited cluster\",\"employment\":800,\"firms\":40,\"typology\":\"artisanal_craft\"}}")),
                    ED).feature().layerId());
            // retired, then brought back
            engine = check(store, engine, told, Set.of(retired.layerId()), () -> register.retire(retired.layerId(),
                    ClusterTag.of(register(retired.layerId())), ED));
            engine = check(store, engine, told, Set.of(retired.layerId()), () -> register.restore(retired.layerId(),
                    1, null, ED));
            // two edits together, taken in one step
            check(store, engine, told, Set.of(pokhara.layerId(), made[0]), () -> {
                patch(register, pokhara.layerId(), "{\"properties\":{\"employment\":null}}");
                patch(register, made[0], "{\"properties\":{\"employment\":5000}}");
            });
        }
    }

    /** Runs the edit, then compares the engine derived from {@code was} with one built anew; answers the derived. */
    private static ScoringEngine check(SpatialStore store, ScoringEngine was, Map<Long, String> told,
            Set<String> expected, Edit edit) throws Exception {
        long from = store.dataVersion();
        edit.run();
        long version = store.dataVersion();
        Set<String> edited = new java.util.HashSet<>();
        for (long v = from + 1; v <= version; v++) {
            assertThat(told).as("the edit making version " + v + " is told").containsKey(v);
            edited.add(told.get(v));
        }
        if (expected != null) {
            assertThat(edited).isEqualTo(expected);
        }
        ScoringEngine derived = EditedClusters.engineAfter(was, store, version, edited);
        assertThat(derived).as("derived for " + edited).isNotNull();
        ScoringProfile profile = was.profile();
        ScoringRun incremental = ScoringRun.run(derived, profile.dimensionWeights());
        ScoringRun full = ScoringRun.run(ScoringEngine.build(ScoringData.load(store), profile,
                SpeedProfile.defaults()), profile.dimensionWeights());
        int n = full.ranked().size();
        assertThat(incremental.ranked()).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(incremental.ranked().get(i).score()).as(edited.toString())
                    .isEqualTo(full.ranked().get(i).score());
        }
        assertThat(incremental.ranked()).isEqualTo(full.ranked());
        org.locationtech.jts.geom.Geometry a = derived.coverage().area(Layer.CLUSTERS);
        org.locationtech.jts.geom.Geometry b = ScoringData.load(store).layerCoverage().area(Layer.CLUSTERS);
        assertThat(a.equalsTopo(b)).as("the clusters' coverage").isTrue();
        // everyone else's indicators were carried over, not measured again
        int measured = n - derived.carriedOver();
        System.out.printf("%s: %d of %d clusters measured again%n", edited, measured, n);
        // (in Pokhara the edited cluster's banks serve its neighbours, whose E2SFCA part is measured again; the
        // clusters of other regions keep theirs)
        assertThat(measured).isGreaterThanOrEqualTo(edited.size() - 1).isLessThan(n);
        return derived;
    }

    /** The cluster as stored now, whose tag an edit gives as If-Match. */
    private StoredFeature register(String id) {
        return store.clusterByGridId(id).orElseThrow();
    }

    private interface Edit {
        void run() throws Exception;
    }

    private void patch(ClusterRegister register, String id, String patch) throws Exception {
        JsonNode p = JSON.readTree(patch);
        register.update(id, ClusterTag.of(register(id)), f -> ClusterPatch.apply(f, p), ED);
    }

    private static StoredFeature first(List<StoredFeature> clusters, String dataset, boolean withSize) {
        return clusters.stream().filter(f -> f.datasetId().equals(dataset)
                && (!withSize || ((Cluster) f.feature()).employment() != null)).findFirst().orElseThrow();
    }
}
