package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;

/**
 * Assigns Cluster Grid IDs. A cluster keeps its ID across re-imports of its dataset (matched by source id); a new
 * cluster gets {@code CG-<country>-<number>} from a sequence; every ID ever assigned stays in the registry, so none
 * is reused even after its dataset is deleted.
 */
final class ClusterIdRegistry {
    static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final Connection connection;
    private final Dialect dialect;
    private final String datasetId;
    private final Map<String, String> bySource = new HashMap<>();
    private final Set<String> usedInThisImport = new HashSet<>();
    private PreparedStatement insert;

    ClusterIdRegistry(Connection connection, Dialect dialect, String datasetId) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.datasetId = datasetId;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT source_id, cluster_grid_id FROM cluster_id_registry WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySource.put(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    /** The cluster's ID, or null after reporting why it cannot have the one it asks for. */
    String assign(Cluster c, String file, String location, ImportReport report) throws SQLException {
        String known = bySource.get(c.sourceId());
        String wanted = c.clusterGridId();
        String id;
        if (wanted != null) {
            if (!VALID_ID.matcher(wanted).matches()) {
                report.recordError(file, location, "cluster_grid_id", "'" + wanted
                        + "' is not a valid Cluster Grid ID (1-32 letters, digits, '.', '_' or '-')");
                return null;
            }
            if (known != null && !known.equals(wanted)) {
                report.error(file, location, "cluster_grid_id", "cluster '" + c.sourceId() + "' already has Cluster Grid ID "
                        + known + "; an ID never changes (asked for " + wanted + ")");
                return null;
            }
            String owner = owner(wanted);
            if (owner != null && !owner.equals(datasetId + "/" + c.sourceId())) {
                report.error(file, location, "cluster_grid_id", "Cluster Grid ID " + wanted
                        + " already belongs to cluster " + owner + " and is never reused");
                return null;
            }
            id = wanted;
        } else {
            id = known != null ? known : newId(c);
        }
        if (!usedInThisImport.add(id)) {
            report.recordError(file, location, "cluster_grid_id", "duplicate Cluster Grid ID " + id + " in this import");
            return null;
        }
        if (known == null) {
            register(id, c.sourceId());
            bySource.put(c.sourceId(), id);
        }
        return id;
    }

    private String owner(String cgid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT dataset_id, source_id FROM cluster_id_registry WHERE cluster_grid_id = ?")) {
            ps.setString(1, cgid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) + "/" + rs.getString(2) : null;
            }
        }
    }

    /**
     * A new ID from the sequence, passing over numbers an import gave its own clusters (an ID brought in a file does
     * not move the sequence, so it may hand that number out later).
     */
    private String newId(Cluster c) throws SQLException {
        while (true) {
            long n;
            try (PreparedStatement ps = connection.prepareStatement(dialect.nextClusterNumberSql());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            String id = String.format(Locale.ROOT, "CG-%s-%06d", country(c), n);
            if (!usedInThisImport.contains(id) && owner(id) == null) {
                return id;
            }
        }
    }

    private static String country(Cluster c) {
        for (String key : new String[] {"country_iso2", "country_code", "country", "iso2"}) {
            Object v = c.attributes().get(key);
            if (v != null && COUNTRY.matcher(v.toString().trim()).matches()) {
                return v.toString().trim().toUpperCase(Locale.ROOT);
            }
        }
        return "XX";
    }

    private void register(String id, String sourceId) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO cluster_id_registry"
                    + " (cluster_grid_id, dataset_id, source_id, assigned_at) VALUES (?, ?, ?, ?)");
        }
        insert.setString(1, id);
        insert.setString(2, datasetId);
        insert.setString(3, sourceId);
        insert.setTimestamp(4, Timestamp.from(Instant.now()));
        insert.addBatch();
    }

    void flush() throws SQLException {
        if (insert != null) {
            insert.executeBatch();
            insert.close();
            insert = null;
        }
    }
}
