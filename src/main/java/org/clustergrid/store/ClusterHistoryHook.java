package org.clustergrid.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Told, inside the transaction of an import or a dataset delete, which clusters it replaces and writes, so that the
 * register's history records what the import did (org.clustergrid.register installs it). A hook's failure fails the
 * import: the history and the data never disagree.
 */
public interface ClusterHistoryHook {
    /**
     * Before the dataset's clusters are removed, while their rows are still there; may refuse the import (or delete)
     * by throwing, which rolls it back.
     *
     * @param importing true for an import, false for a dataset delete
     */
    Recording beginReplacing(Connection c, String datasetId, boolean importing) throws SQLException;

    /**
     * As {@link #beginReplacing} for an import, for a restore of the register from its own export: the one import
     * that may also replace the clusters made by editing (dataset {@code register}), as the export holds them.
     */
    default Recording beginRestoring(Connection c, String datasetId) throws SQLException {
        return beginReplacing(c, datasetId, true);
    }

    /** What happened to the clusters {@link #beginReplacing} saw, and to new ones. */
    interface Recording {
        /**
         * @param fileByClusterGridId the clusters now written, each with the file it came from (empty for a delete)
         * @param why the import or delete, in words, e.g. {@code import of clusters.csv into dataset pokhara}
         */
        void finish(Map<String, String> fileByClusterGridId, String why) throws SQLException;
    }
}
