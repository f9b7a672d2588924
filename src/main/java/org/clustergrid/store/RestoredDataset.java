package org.clustergrid.store;

import java.util.List;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Coverage;

/**
 * The clusters one dataset gets back in a restore of the register ({@link SpatialStore#restoreClusters}), with its
 * metadata when the file describes it.
 *
 * @param info the dataset: title, source, licence, attribution, synthetic
 * @param described whether the file describes the dataset: then {@code info} and {@code coverage} replace what the
 *     store holds; if not (a file exported before the datasets were), {@code info} is used only to make a dataset the
 *     store lacks
 * @param coverage the coverage the file records; null for none
 */
public record RestoredDataset(DatasetInfo info, boolean described, Coverage coverage, List<Placed> clusters) {
    /** A cluster with the file and the place in it it was read from, for the history and for problem reports. */
    public record Placed(Cluster cluster, String file, String location) {}

    public RestoredDataset {
        clusters = List.copyOf(clusters);
    }
}
