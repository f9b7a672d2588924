package org.clustergrid.store;

import java.util.Map;

/**
 * What a restore of the register wrote ({@link SpatialStore#restoreClusters}).
 *
 * @param clustersByDataset the clusters written per dataset, in the order written
 * @param datasetsMade the datasets the store lacked, made
 * @param datasetsChanged the datasets it had whose metadata the file changed
 */
public record RestoreOutcome(Map<String, Integer> clustersByDataset, int datasetsMade, int datasetsChanged) {
    public RestoreOutcome {
        clustersByDataset = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clustersByDataset));
    }
}
