package org.clustergrid.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.StoredFeature;

/**
 * Keeps the history level with the clusters table: a state an import left that the history does not hold yet is
 * recorded before anything changes it, so no state is ever lost, whether the importer recorded it or not.
 */
final class ClusterVersioning {
    private final ClusterRows rows;

    ClusterVersioning(ClusterRows rows) {
        this.rows = rows;
    }

    /** Records {@code current} if the history lacks it; returns the latest version number. */
    int catchUp(Connection c, StoredFeature current) throws SQLException {
        ClusterVersion latest = ClusterHistory.latest(c, current.layerId()).orElse(null);
        if (!unrecorded(latest, current)) {
            return latest.version();
        }
        ClusterVersion v = importVersion(current, latest, null, importedAt(c, current));
        ClusterHistory.append(c, v);
        return v.version();
    }

    /** Whether {@code current} differs from the latest version (or there is none, or that one retired it). */
    static boolean unrecorded(ClusterVersion latest, StoredFeature current) {
        return latest == null || latest.retired() || !latest.datasetId().equals(current.datasetId())
                || !ClusterDiff.between(latest.state(), (Cluster) current.feature()).isEmpty();
    }

    /** When the state of {@code current} was imported: its dataset's import time. */
    Instant importedAt(Connection c, StoredFeature current) throws SQLException {
        return rows.datasetImportedAt(c, current.datasetId()).orElse(Instant.now());
    }

    /**
     * The version an import made of {@code current}, after {@code latest}; {@code why} names the import when known
     * (else the dataset is named).
     */
    static ClusterVersion importVersion(StoredFeature current, ClusterVersion latest, String why, Instant at) {
        Cluster state = (Cluster) current.feature();
        var changes = ClusterDiff.between(latest == null ? null : latest.state(), state);
        if (latest != null && latest.retired()) {
            changes.add(0, new FieldChange("retired", true, false));
        }
        return new ClusterVersion(current.layerId(), latest == null ? 1 : latest.version() + 1, Action.IMPORT, at,
                "import", "import", why != null ? why : "as imported in dataset " + current.datasetId(),
                current.datasetId(), false, state, changes);
    }
}
