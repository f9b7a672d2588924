package org.clustergrid.store;

import java.util.List;
import org.clustergrid.model.Cluster;

/**
 * The clusters one dataset gets back in a restore of the register ({@link SpatialStore#restoreClusters}).
 *
 * @param info the dataset; its title and source are used only when the store has no such dataset yet
 */
public record RestoredDataset(DatasetInfo info, List<Placed> clusters) {
    /** A cluster with the file and the place in it it was read from, for the history and for problem reports. */
    public record Placed(Cluster cluster, String file, String location) {}

    public RestoredDataset {
        clusters = List.copyOf(clusters);
    }
}
