package org.clustergrid.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Layer;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/**
 * The engine for a store whose data moved from an engine's by register edits alone: the clusters read again, the
 * other layers taken as the engine holds them, and {@link ScoringEngine#withEditedClusters} measuring only what the
 * edits can move. A register edit touches one cluster, so this costs the clusters' read and that cluster's
 * measuring where a rebuild reads and indexes every layer again.
 */
public final class EditedClusters {
    private EditedClusters() {}

    /**
     * The engine for the store at {@code version}, when it differs from {@code was}'s data by the edits of the
     * clusters in {@code edited} only; null when it cannot be had so (the store moved on while read, a cluster not
     * named differs, or the edits move what every cluster is measured by): build anew then.
     */
    public static ScoringEngine engineAfter(ScoringEngine was, SpatialStore store, long version, Set<String> edited) {
        if (store.dataVersion() != version) {
            return null;
        }
        List<StoredFeature> read = store.query(Layer.CLUSTERS, FeatureQuery.all()).features();
        Set<String> recorded = new HashSet<>();
        store.datasets().stream().filter(d -> d.coverage() != null).forEach(d -> recorded.add(d.id()));
        if (store.dataVersion() != version) {
            return null; // what was read may be of a later version
        }
        ScoringData before = was.data();
        Map<String, StoredFeature> had = new HashMap<>();
        before.clusters().forEach(f -> had.put(f.layerId(), f));
        List<StoredFeature> clusters = new ArrayList<>(read.size());
        Set<String> touched = new HashSet<>();
        for (StoredFeature f : read) {
            StoredFeature old = had.remove(f.layerId());
            if (edited.contains(f.layerId())) {
                clusters.add(f);
                touched.add(f.datasetId());
                if (old != null) {
                    touched.add(old.datasetId());
                }
            } else if (f.equals(old)) {
                clusters.add(old); // the engine's own object: what it measured of it is found by it
            } else {
                return null; // changed by something other than the edits named
            }
        }
        for (StoredFeature gone : had.values()) {
            if (!edited.contains(gone.layerId())) {
                return null;
            }
            touched.add(gone.datasetId());
        }
        ScoringData after = before.withClusters(version, clusters, touched, recorded);
        return after == null ? null : was.withEditedClusters(after, edited);
    }
}
