package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema.Field;
import org.locationtech.jts.io.WKBWriter;

/**
 * Single-cluster reads and writes on a connection the caller holds in a transaction, for editing the register one
 * cluster at a time. The caller takes {@link StoreVersion#bump} first, which orders it after any import under way.
 */
public final class ClusterRows {
    private final Dialect dialect;
    private final LayerTable table = LayerTable.of(Layer.CLUSTERS);

    ClusterRows(Dialect dialect) {
        this.dialect = dialect;
    }

    public static ClusterRows of(SpatialStore store) {
        return new ClusterRows(Dialect.valueOf(store.kind().toUpperCase(Locale.ROOT)));
    }

    /** The live cluster with this Cluster Grid ID. */
    public Optional<StoredFeature> find(Connection c, String clusterGridId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + table.selectColumns() + " FROM clusters WHERE cluster_grid_id = ?")) {
            ps.setString(1, clusterGridId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RowReader.read(table, rs)) : Optional.empty();
            }
        }
    }

    /** The live clusters of a dataset. */
    public java.util.List<StoredFeature> inDataset(Connection c, String datasetId) throws SQLException {
        return all(c, java.util.Objects.requireNonNull(datasetId, "datasetId"));
    }

    /**
     * The live clusters of every dataset, or of one ({@code datasetId} not null), by dataset and source id: read in
     * one statement, so one state of the register.
     */
    public java.util.List<StoredFeature> all(Connection c, String datasetId) throws SQLException {
        String where = datasetId == null ? "" : " WHERE dataset_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + table.selectColumns() + " FROM clusters" + where
                + " ORDER BY dataset_id, source_id")) {
            if (datasetId != null) {
                ps.setString(1, datasetId);
            }
            java.util.List<StoredFeature> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(RowReader.read(table, rs));
                }
            }
            return out;
        }
    }

    public void insert(Connection c, String datasetId, Cluster cluster) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(table.insertSql(dialect))) {
            Map<String, Object> props = LayerProperties.of(cluster);
            int i = 1;
            ps.setString(i++, datasetId);
            ps.setString(i++, cluster.sourceId());
            for (Field field : table.fields) {
                JdbcFeatureWriter.bind(ps, i++, field, props.get(field.name()));
            }
            ps.setString(i++, cluster.attributes().isEmpty() ? null
                    : Json.write(new LinkedHashMap<>(cluster.attributes())));
            ps.setBytes(i, new WKBWriter(2).write(cluster.footprint()));
            ps.executeUpdate();
        }
    }

    /** Removes the live row; the ID stays in the registry, so it is never given to another cluster. */
    public boolean delete(Connection c, String clusterGridId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM clusters WHERE cluster_grid_id = ?")) {
            ps.setString(1, clusterGridId);
            return ps.executeUpdate() > 0;
        }
    }

    /** {@code dataset/source} of the cluster that holds this ID, live or retired; empty when it was never given. */
    public Optional<String> registryOwner(Connection c, String clusterGridId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dataset_id, source_id FROM cluster_id_registry WHERE cluster_grid_id = ?")) {
            ps.setString(1, clusterGridId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) + "/" + rs.getString(2)) : Optional.empty();
            }
        }
    }

    /** The Cluster Grid ID already given to this source id in this dataset, if any. */
    public Optional<String> idOfSource(Connection c, String datasetId, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cluster_grid_id FROM cluster_id_registry WHERE dataset_id = ? AND source_id = ?")) {
            ps.setString(1, datasetId);
            ps.setString(2, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void register(Connection c, String clusterGridId, String datasetId, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_id_registry"
                + " (cluster_grid_id, dataset_id, source_id, assigned_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, clusterGridId);
            ps.setString(2, datasetId);
            ps.setString(3, sourceId);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    /**
     * A new {@code CG-<country>-<number>} from the same sequence imports draw from, passing over IDs an import brought
     * of its own.
     */
    public String newClusterGridId(Connection c, String country) throws SQLException {
        while (true) {
            String id;
            try (PreparedStatement ps = c.prepareStatement(dialect.nextClusterNumberSql());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = String.format(Locale.ROOT, "CG-%s-%06d", country, rs.getLong(1));
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM cluster_id_registry WHERE cluster_grid_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return id;
                    }
                }
            }
        }
    }

    /** Whether the ID has the form imports accept. */
    public static boolean isValidId(String clusterGridId) {
        return ClusterIdRegistry.VALID_ID.matcher(clusterGridId).matches();
    }

    /** When the dataset was imported; empty when there is no such dataset. */
    public Optional<Instant> datasetImportedAt(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT imported_at FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /** Creates the dataset that clusters made by editing belong to, the first time one is made. */
    public void ensureDataset(Connection c, String id, String title, String source) throws SQLException {
        if (datasetImportedAt(c, id).isEmpty()) {
            DatasetRows.insert(c, new DatasetInfo(id, title, source, null, null, false), Instant.now());
        }
    }

    /** Sets the dataset's cluster count to what it holds now, so /api/datasets agrees after an edit. */
    public void refreshClusterCount(Connection c, String datasetId) throws SQLException {
        long n;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM clusters WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
        }
        Map<String, Object> counts;
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_counts FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                counts = new LinkedHashMap<>(Json.readMap(rs.getString(1)));
            }
        }
        if (n == 0) {
            counts.remove(Layer.CLUSTERS.id());
        } else {
            counts.put(Layer.CLUSTERS.id(), n);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dataset SET feature_counts = ? WHERE id = ?")) {
            ps.setString(1, Json.write(counts));
            ps.setString(2, datasetId);
            ps.executeUpdate();
        }
    }
}
