package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;

/**
 * Rows of the {@code dataset} table on a connection the caller holds: read as {@link Dataset}s, written by an import,
 * and put back by a restore of the register with the metadata its export holds.
 */
public final class DatasetRows {
    /** What a restore did to a dataset's row. */
    enum Restored { MADE, CHANGED, UNCHANGED }

    private DatasetRows() {}

    /**
     * The datasets that have current clusters, every one or only {@code datasetId} (not null), by id: those a
     * register export holds.
     */
    public static List<Dataset> withClusters(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dataset WHERE id IN (SELECT DISTINCT dataset_id"
                + " FROM clusters)" + (datasetId == null ? "" : " AND id = ?") + " ORDER BY id")) {
            if (datasetId != null) {
                ps.setString(1, datasetId);
            }
            return list(ps);
        }
    }

    static List<Dataset> list(PreparedStatement ps) throws SQLException {
        List<Dataset> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    static Dataset read(ResultSet rs) throws SQLException {
        Map<Layer, Integer> counts = new EnumMap<>(Layer.class);
        Json.readMap(rs.getString("feature_counts")).forEach((k, v) ->
                Layer.byId(k).ifPresent(layer -> counts.put(layer, ((Number) v).intValue())));
        return new Dataset(rs.getString("id"), rs.getString("title"), rs.getString("source"), rs.getString("licence"),
                rs.getString("attribution"), rs.getTimestamp("imported_at").toInstant(), counts,
                rs.getBoolean("synthetic"), CoverageColumns.read(rs));
    }

    /** A new row, no features counted yet. */
    static void insert(Connection c, DatasetInfo info, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset (title, source, licence, attribution,"
                + " synthetic, id, imported_at, feature_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindMetadata(ps, info);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, "{}");
            ps.executeUpdate();
        }
    }

    /**
     * The dataset of a restore: made when the store lacks it (now as its import time, which its clusters' versions
     * carry); when the file describes it, its metadata replaces what the store holds, coverage included (none in the
     * file clears the store's: the backup had none).
     */
    static Restored restore(Connection c, RestoredDataset d) throws SQLException {
        DatasetInfo info = d.info();
        Dataset now;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dataset WHERE id = ?")) {
            ps.setString(1, info.id());
            now = list(ps).stream().findFirst().orElse(null);
        }
        if (now == null) {
            insert(c, info, Instant.now());
            if (d.coverage() != null) {
                CoverageColumns.write(c, info.id(), d.coverage());
            }
            return Restored.MADE;
        }
        if (!d.described() || same(now, info, d.coverage())) {
            return Restored.UNCHANGED;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dataset SET title = ?, source = ?, licence = ?,"
                + " attribution = ?, synthetic = ? WHERE id = ?")) {
            bindMetadata(ps, info);
            ps.executeUpdate();
        }
        CoverageColumns.write(c, info.id(), d.coverage());
        return Restored.CHANGED;
    }

    /** Binds title, source, licence, attribution, synthetic and id, in that order, from the first parameter. */
    private static void bindMetadata(PreparedStatement ps, DatasetInfo info) throws SQLException {
        ps.setString(1, info.title());
        ps.setString(2, info.source());
        ps.setString(3, info.licence());
        ps.setString(4, info.attribution());
        ps.setBoolean(5, info.synthetic());
        ps.setString(6, info.id());
    }

    /** Coverage areas compare exactly (vertex for vertex), as the export writes them in full. */
    private static boolean same(Dataset now, DatasetInfo info, Coverage coverage) {
        return Objects.equals(now.title(), info.title()) && Objects.equals(now.source(), info.source())
                && Objects.equals(now.licence(), info.licence())
                && Objects.equals(now.attribution(), info.attribution()) && now.synthetic() == info.synthetic()
                && Objects.equals(now.coverage(), coverage);
    }
}
