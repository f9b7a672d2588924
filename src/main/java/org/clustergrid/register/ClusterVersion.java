package org.clustergrid.register;

import java.time.Instant;
import java.util.List;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.StoredFeature;

/**
 * One version of a cluster: the whole state it had then, and what made it.
 *
 * @param retired whether the cluster was retired by this version (the state is then its last one)
 * @param changes what changed from the version before
 */
public record ClusterVersion(String clusterGridId, int version, Action action, Instant changedAt, String actor,
        String via, String comment, String datasetId, boolean retired, Cluster state, List<FieldChange> changes) {

    public StoredFeature feature() {
        return new StoredFeature(datasetId, state);
    }
}
