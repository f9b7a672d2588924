package org.clustergrid.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * the dataset had and the import left out (or the delete removed). Reads and writes the dataset's clusters and
 * versions in a few statements, not a few per cluster.
 */
final class ImportHistory implements ClusterHistoryHook {
    private final ClusterRows rows;

    ImportHistory(ClusterRows rows) {
        this.rows = rows;
    }

    @Override
    public Recording beginReplacing(Connection c, String datasetId, boolean importing) throws SQLException {
        if (importing && datasetId.equals(ClusterRegister.EDITED_DATASET)) {
            // an import would replace the clusters editors made; they are changed one by one, never wholesale
            throw new IllegalArgumentException("dataset '" + datasetId + "' holds the clusters made by editing the"
                    + " register; import under another dataset id");
        }
        return begin(c, datasetId);
    }

    /** A restore of the register's own export brings the edited clusters back, so it may replace them. */
    @Override
    public Recording beginRestoring(Connection c, String datasetId) throws SQLException {
        return begin(c, datasetId);
    }

    private Recording begin(Connection c, String datasetId) throws SQLException {
        Map<String, ClusterVersion> latest = new HashMap<>(ClusterHistory.latestOfDataset(c, datasetId));
        Map<String, StoredFeature> before = new LinkedHashMap<>();
        List<ClusterVersion> caughtUp = new ArrayList<>();
        Instant importedAt = rows.datasetImportedAt(c, datasetId).orElse(Instant.now());
        for (StoredFeature f : rows.inDataset(c, datasetId)) {
            // an earlier import's state that nothing recorded yet goes in first, so the new one is compared to it
            ClusterVersion last = latest.get(f.layerId());
            if (ClusterVersioning.unrecorded(last, f)) {
                ClusterVersion v = ClusterVersioning.importVersion(f, last, null, importedAt);
                caughtUp.add(v);
                latest.put(f.layerId(), v);
            }
            before.put(f.layerId(), f);
        }
        ClusterHistory.appendAll(c, caughtUp);
        return (fileById, why) -> finish(c, datasetId, latest, before, fileById, why);
    }

    private void finish(Connection c, String datasetId, Map<String, ClusterVersion> latest,
            Map<String, StoredFeature> before, Map<String, String> fileById, String why) throws SQLException {
        List<ClusterVersion> out = new ArrayList<>();
        Instant now = Instant.now();
        if (!fileById.isEmpty()) {
            for (StoredFeature f : rows.inDataset(c, datasetId)) {
                String file = fileById.get(f.layerId());
                ClusterVersion last = latest.get(f.layerId());
                if (file != null && ClusterVersioning.unrecorded(last, f)) {
                    out.add(ClusterVersioning.importVersion(f, last, why + " from " + file, now));
                }
            }
        }
        boolean imported = why.startsWith("import");
        String actor = imported ? "import" : "delete";
        for (StoredFeature gone : before.values()) {
            if (fileById.containsKey(gone.layerId())) {
                continue;
            }
            ClusterVersion last = latest.get(gone.layerId());
            out.add(new ClusterVersion(gone.layerId(), last == null ? 1 : last.version() + 1, Action.RETIRE, now,
                    actor, actor, imported ? "left out of the " + why : why, datasetId, true,
                    (Cluster) gone.feature(), new ArrayList<>(List.of(new FieldChange("retired", false, true)))));
        }
        ClusterHistory.appendAll(c, out);
    }
}
