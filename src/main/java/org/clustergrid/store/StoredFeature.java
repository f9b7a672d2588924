package org.clustergrid.store;

import org.clustergrid.model.LayerFeature;

/** A feature with the dataset it belongs to. */
public record StoredFeature(String datasetId, LayerFeature feature) {
    /** Identifier unique within a layer: {@code dataset.id}, or the Cluster Grid ID for clusters. */
    public String layerId() {
        if (feature instanceof org.clustergrid.model.Cluster c && c.clusterGridId() != null) {
            return c.clusterGridId();
        }
        return datasetId + "." + feature.id();
    }
}
