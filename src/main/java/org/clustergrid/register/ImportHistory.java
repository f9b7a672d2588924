package org.clustergrid.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Cluster;
import org.clustergrid.store.ClusterHistoryHook;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.StoredFeature;

/**
 * Records in the history, inside the import's own transaction, what an import did to the clusters: a version per
 * cluster it wrote that differs from the last recorded state (naming its file), and a retiring version per cluster
 * the dataset had and the import left out (or the delete removed).
 */
final class ImportHistory implements ClusterHistoryHook {
    private final ClusterRows rows;
    private final ClusterVersioning versioning;

    ImportHistory(ClusterRows rows) {
        this.rows = rows;
        this.versioning = new ClusterVersioning(rows);
    }

    @Override
    public Recording beginReplacing(Connection c, String datasetId) throws SQLException {
        Map<String, StoredFeature> before = new LinkedHashMap<>();
        for (StoredFeature f : rows.inDataset(c, datasetId)) {
            // an earlier import's state that no edit recorded yet goes in first, so the new one is compared to it
            versioning.catchUp(c, f);
            before.put(f.layerId(), f);
        }
        return (fileById, why) -> finish(c, datasetId, before, fileById, why);
    }

    private void finish(Connection c, String datasetId, Map<String, StoredFeature> before,
            Map<String, String> fileById, String why) throws SQLException {
        for (Map.Entry<String, String> e : fileById.entrySet()) {
            StoredFeature now = rows.find(c, e.getKey()).orElse(null);
            if (now == null) {
                continue;
            }
            ClusterVersion latest = ClusterHistory.latest(c, e.getKey()).orElse(null);
            if (ClusterVersioning.unrecorded(latest, now)) {
                ClusterHistory.append(c, versioning.importVersion(c, now, latest, why + " from " + e.getValue()));
            }
        }
        for (StoredFeature gone : before.values()) {
            if (fileById.containsKey(gone.layerId())) {
                continue;
            }
            int latest = ClusterHistory.latest(c, gone.layerId()).map(ClusterVersion::version).orElse(0);
            ClusterHistory.append(c, new ClusterVersion(gone.layerId(), latest + 1, Action.RETIRE, Instant.now(),
                    "import", "import", why.startsWith("import") ? "left out of the " + why : why, datasetId, true,
                    (Cluster) gone.feature(), new java.util.ArrayList<>(List.of(new FieldChange("retired", false,
                            true)))));
        }
    }
}
