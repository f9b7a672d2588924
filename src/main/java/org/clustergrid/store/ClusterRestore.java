package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;

/**
 * Puts the clusters of several datasets back in one transaction: each named dataset is made or given the metadata
 * the file holds ({@link DatasetRows#restore}), its clusters are replaced (its other layers stay), as an import
 * replaces them, with the Cluster Grid IDs the records bring and a version in the history for each cluster that
 * changed, then the register's other tables ({@link RestoreStep}). Any error leaves the store as it was.
 */
final class ClusterRestore {
    private static final Pattern NUMBERED = Pattern.compile("CG-[A-Z]{2}-(\\d{1,15})");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ClusterHistoryHook historyHook;

    ClusterRestore(DataSource dataSource, Dialect dialect, ClusterHistoryHook historyHook) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.historyHook = historyHook;
    }

    RestoreOutcome run(List<RestoredDataset> datasets, ImportReport report, RestoreStep alsoWrite)
            throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c); // orders the restore with imports and edits, also across processes
                ClusterRows rows = new ClusterRows(dialect);
                Map<String, Integer> written = new LinkedHashMap<>();
                Map<DatasetRows.Restored, Integer> metadata = new EnumMap<>(DatasetRows.Restored.class);
                long highest = 0;
                for (RestoredDataset d : datasets) {
                    String id = d.info().id();
                    ClusterHistoryHook.Recording history = historyHook == null ? null
                            : historyHook.beginRestoring(c, id);
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM clusters WHERE dataset_id = ?")) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                    metadata.merge(DatasetRows.restore(c, d), 1, Integer::sum);
                    JdbcFeatureWriter writer = new JdbcFeatureWriter(c, dialect, id, report);
                    for (RestoredDataset.Placed p : d.clusters()) {
                        writer.write(p.cluster(), p.file(), p.location());
                        highest = Math.max(highest, number(p.cluster()));
                    }
                    writer.flush();
                    if (report.hasErrors()) {
                        throw new ImportFailedException(report);
                    }
                    if (history != null) {
                        history.finish(writer.clusterFiles(), "import of the register into dataset " + id);
                    }
                    rows.refreshClusterCount(c, id);
                    written.put(id, d.clusters().size());
                }
                keepNewIdsAbove(c, highest);
                if (alsoWrite != null) {
                    alsoWrite.write(c);
                }
                c.commit();
                return new RestoreOutcome(written, metadata.getOrDefault(DatasetRows.Restored.MADE, 0),
                        metadata.getOrDefault(DatasetRows.Restored.CHANGED, 0));
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The number of a {@code CG-<country>-<number>} ID, 0 for other IDs. */
    private static long number(Cluster c) {
        Matcher m = c.clusterGridId() == null ? null : NUMBERED.matcher(c.clusterGridId());
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    /** A store that never gave these IDs (a fresh one) must not give them to new clusters after the restore. */
    private void keepNewIdsAbove(Connection c, long highest) throws SQLException {
        if (highest == 0) {
            return;
        }
        long next;
        try (PreparedStatement ps = c.prepareStatement(dialect.nextClusterNumberSql());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        if (next <= highest) {
            try (PreparedStatement ps = c.prepareStatement(dialect.restartClusterNumbersSql(highest + 1))) {
                ps.execute();
            }
        }
    }
}
