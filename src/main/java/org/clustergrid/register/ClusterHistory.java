package org.clustergrid.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** The {@code cluster_version} table: appended to, never changed. */
final class ClusterHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "cluster_grid_id, version, action, changed_at, actor, via, comment,"
            + " dataset_id, source_id, retired, properties, attributes, ST_AsBinary(geom), changes";

    private ClusterHistory() {}

    static void append(Connection c, ClusterVersion v) throws SQLException {
        appendAll(c, List.of(v));
    }

    /** Appends in one batch (an import records many). */
    static void appendAll(Connection c, List<ClusterVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_version (cluster_grid_id, version, action,"
                + " changed_at, actor, via, comment, dataset_id, source_id, retired, properties, attributes, geom,"
                + " changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?)")) {
            for (ClusterVersion v : versions) {
                bind(ps, v);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, ClusterVersion v) throws SQLException {
        Cluster s = v.state();
        ps.setString(1, v.clusterGridId());
        ps.setInt(2, v.version());
        ps.setString(3, v.action().id());
        ps.setTimestamp(4, Timestamp.from(v.changedAt()));
        ps.setString(5, bounded(v.actor(), 200));
        ps.setString(6, bounded(v.via(), 16));
        ps.setString(7, v.comment());
        ps.setString(8, v.datasetId());
        ps.setString(9, s.sourceId());
        ps.setBoolean(10, v.retired());
        ps.setString(11, write(LayerProperties.of(s)));
        ps.setString(12, s.attributes().isEmpty() ? null : write(new LinkedHashMap<>(s.attributes())));
        ps.setBytes(13, new WKBWriter(2).write(s.footprint()));
        ps.setString(14, write(v.changes()));
    }

    /** The latest version of every cluster whose ID was given in a dataset, live or retired, by Cluster Grid ID. */
    static Map<String, ClusterVersion> latestOfDataset(Connection c, String datasetId) throws SQLException {
        Map<String, ClusterVersion> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_version v"
                + " WHERE cluster_grid_id IN (SELECT cluster_grid_id FROM cluster_id_registry WHERE dataset_id = ?)"
                + " AND version = (SELECT MAX(version) FROM cluster_version w"
                + " WHERE w.cluster_grid_id = v.cluster_grid_id)")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ClusterVersion v = read(rs);
                    out.put(v.clusterGridId(), v);
                }
            }
        }
        return out;
    }

    /** Every version of a cluster, oldest first. */
    static List<ClusterVersion> list(Connection c, String clusterGridId) throws SQLException {
        return select(c, "WHERE cluster_grid_id = ? ORDER BY version", clusterGridId, null);
    }

    static Optional<ClusterVersion> get(Connection c, String clusterGridId, int version) throws SQLException {
        return select(c, "WHERE cluster_grid_id = ? AND version = ?", clusterGridId, version).stream().findFirst();
    }

    static Optional<ClusterVersion> latest(Connection c, String clusterGridId) throws SQLException {
        List<ClusterVersion> all = select(c, "WHERE cluster_grid_id = ? AND version = (SELECT MAX(version) FROM"
                + " cluster_version WHERE cluster_grid_id = ?)", clusterGridId, null);
        return all.stream().findFirst();
    }

    private static List<ClusterVersion> select(Connection c, String where, String id, Integer version)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_version " + where)) {
            ps.setString(1, id);
            if (version != null) {
                ps.setInt(2, version);
            } else if (where.contains("MAX(version)")) {
                ps.setString(2, id);
            }
            List<ClusterVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static ClusterVersion read(ResultSet rs) throws SQLException {
        Map<String, Object> props = readMap(rs.getString(11));
        String attributes = rs.getString(12);
        Geometry geom;
        try {
            geom = new WKBReader().read(rs.getBytes(13));
            geom.setSRID(4326);
        } catch (ParseException e) {
            throw new SQLException("damaged geometry in cluster_version " + rs.getString(1), e);
        }
        Cluster state = (Cluster) LayerProperties.toFeature(Layer.CLUSTERS, rs.getString(9), geom, props,
                attributes == null ? Map.of() : readMap(attributes));
        List<FieldChange> changes;
        try {
            changes = JSON.readValue(rs.getString(14), new TypeReference<List<FieldChange>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("damaged changes in cluster_version " + rs.getString(1), e);
        }
        return new ClusterVersion(rs.getString(1), rs.getInt(2), Action.of(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getBoolean(10), state, changes);
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Map<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON in cluster_version", e);
        }
    }
}
