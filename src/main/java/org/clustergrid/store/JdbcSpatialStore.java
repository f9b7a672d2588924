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
import java.util.Optional;
import javax.sql.DataSource;
import org.clustergrid.coverage.CoverageChoice;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.locationtech.jts.geom.Envelope;

/**
 * The store over JDBC, shared by H2GIS and PostGIS: both speak enough of the same spatial SQL (WKB in and out,
 * {@code &&}, {@code ST_MakeEnvelope}, {@code ST_Intersects}) that only {@link Dialect} differs.
 */
final class JdbcSpatialStore implements SpatialStore {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final AutoCloseable onClose;
    private final ScoringRuns scoringRuns;
    private final Scenarios scenarios;
    private final JdbcContextLayers contextLayers;
    private final JdbcRasterLayers rasterLayers;
    private volatile ClusterHistoryHook historyHook;

    JdbcSpatialStore(DataSource dataSource, Dialect dialect, AutoCloseable onClose) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.onClose = onClose;
        this.scoringRuns = new ScoringRuns(dataSource);
        this.scenarios = new Scenarios(dataSource);
        this.contextLayers = new JdbcContextLayers(dataSource, dialect);
        contextLayers.dropLeftovers();
        this.rasterLayers = new JdbcRasterLayers(dataSource, dialect);
    }

    @Override
    public void setClusterHistoryHook(ClusterHistoryHook hook) {
        this.historyHook = hook;
    }

    @Override
    public RasterLayerStore rasterLayers() {
        return rasterLayers;
    }

    @Override
    public ContextLayerStore contextLayers() {
        return contextLayers;
    }

    @Override
    public ScoringRuns scoringRuns() {
        return scoringRuns;
    }

    @Override
    public Scenarios scenarios() {
        return scenarios;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String kind() {
        return dialect.kind();
    }

    @Override
    public Dataset importDataset(DatasetInfo info, ImportReport report, ImportWork work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Taking the row lock first serialises imports, also across processes sharing the store.
                StoreVersion.bump(c);
                ClusterHistoryHook.Recording history = historyHook == null ? null
                        : historyHook.beginReplacing(c, info.id(), true);
                deleteRows(c, info.id());
                Instant importedAt = Instant.now();
                DatasetRows.insert(c, info, importedAt);
                JdbcFeatureWriter writer = new JdbcFeatureWriter(c, dialect, info.id(), report);
                work.run(writer);
                writer.flush();
                if (report.hasErrors()) {
                    throw new ImportFailedException(report);
                }
                if (history != null) {
                    history.finish(writer.clusterFiles(), "import into dataset " + info.id());
                }
                Map<Layer, Integer> counts = writer.counts();
                updateCounts(c, info.id(), counts);
                Coverage coverage = CoverageChoice.choose(info.declaredCoverage(), report.fileBounds(),
                        report.fileBoundsSource(), writer.cells(),
                        info.coverageLayers().isEmpty() ? counts.keySet() : info.coverageLayers());
                if (coverage != null) {
                    CoverageColumns.write(c, info.id(), coverage);
                }
                c.commit();
                return new Dataset(info.id(), info.title(), info.source(), info.licence(), info.attribution(),
                        importedAt, counts, info.synthetic(), coverage);
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public RestoreOutcome restoreClusters(List<RestoredDataset> datasets, ImportReport report,
            RestoreStep alsoWrite) throws Exception {
        return new ClusterRestore(dataSource, dialect, historyHook).run(datasets, report, alsoWrite);
    }

    @Override
    public boolean deleteDataset(String id) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreVersion.bump(c);
                ClusterHistoryHook.Recording history = historyHook == null ? null
                        : historyHook.beginReplacing(c, id, false);
                int n = deleteRows(c, id);
                if (history != null) {
                    history.finish(Map.of(), "dataset " + id + " deleted");
                }
                c.commit();
                return n > 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not delete dataset " + id, e);
        }
    }

    /** Deletes a dataset's features and its row; returns the number of dataset rows removed. */
    private static int deleteRows(Connection c, String datasetId) throws SQLException {
        for (Layer layer : Layer.values()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + layer.id() + " WHERE dataset_id = ?")) {
                ps.setString(1, datasetId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            return ps.executeUpdate();
        }
    }

    private static void updateCounts(Connection c, String id, Map<Layer, Integer> counts) throws SQLException {
        Map<String, Integer> byName = new java.util.LinkedHashMap<>();
        counts.forEach((layer, n) -> byName.put(layer.id(), n));
        try (PreparedStatement ps = c.prepareStatement("UPDATE dataset SET feature_counts = ? WHERE id = ?")) {
            ps.setString(1, Json.write(byName));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    @Override
    public List<Dataset> datasets() {
        return readDatasets("SELECT * FROM dataset ORDER BY id", null);
    }

    @Override
    public Optional<Dataset> dataset(String id) {
        return readDatasets("SELECT * FROM dataset WHERE id = ?", id).stream().findFirst();
    }

    private List<Dataset> readDatasets(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            return DatasetRows.list(ps);
        } catch (SQLException e) {
            throw new StoreException("could not read datasets", e);
        }
    }

    @Override
    public LayerStats stats(Layer layer) {
        String sql = "SELECT COUNT(*), MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)), MAX(ST_YMax(geom))"
                + " FROM " + layer.id();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long count = rs.getLong(1);
            Envelope extent = count == 0 ? null
                    : new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5));
            return new LayerStats(layer, count, extent);
        } catch (SQLException e) {
            throw new StoreException("could not read the extent of layer " + layer.id(), e);
        }
    }

    @Override
    public FeaturePage query(Layer layer, FeatureQuery q) {
        LayerTable t = LayerTable.of(layer);
        WhereClause where = WhereClause.of(t, dialect, q);
        try (Connection c = dataSource.getConnection()) {
            long matched = count(c, t, where);
            List<StoredFeature> features = q.limit() > 0 && q.offset() < matched ? select(c, t, where, q)
                    : new ArrayList<>();
            return new FeaturePage(features, matched);
        } catch (SQLException e) {
            throw new StoreException("could not query layer " + layer.id(), e);
        }
    }

    @Override
    public List<StoredFeature> features(Layer layer, FeatureQuery q) {
        LayerTable t = LayerTable.of(layer);
        try (Connection c = dataSource.getConnection()) {
            return q.limit() > 0 ? select(c, t, WhereClause.of(t, dialect, q), q) : new ArrayList<>();
        } catch (SQLException e) {
            throw new StoreException("could not query layer " + layer.id(), e);
        }
    }

    private static List<StoredFeature> select(Connection c, LayerTable t, WhereClause where, FeatureQuery q)
            throws SQLException {
        String select = "SELECT " + t.selectColumns() + " FROM " + t.table + where.sql()
                + " ORDER BY dataset_id, " + t.idColumn + " LIMIT ? OFFSET ?";
        List<StoredFeature> features = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
            int i = where.bind(ps, 1);
            ps.setInt(i++, q.limit());
            ps.setLong(i, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    features.add(RowReader.read(t, rs));
                }
            }
        }
        return features;
    }

    private static long count(Connection c, LayerTable t, WhereClause where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.table + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public Optional<StoredFeature> feature(Layer layer, String datasetId, String id) {
        LayerTable t = LayerTable.of(layer);
        return selectOne(t, "dataset_id = ? AND " + t.idColumn + " = ?", datasetId, id);
    }

    @Override
    public Optional<StoredFeature> clusterByGridId(String clusterGridId) {
        return selectOne(LayerTable.of(Layer.CLUSTERS), "cluster_grid_id = ?", clusterGridId);
    }

    private Optional<StoredFeature> selectOne(LayerTable t, String condition, String... params) {
        String sql = "SELECT " + t.selectColumns() + " FROM " + t.table + " WHERE " + condition;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RowReader.read(t, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read from layer " + t.table, e);
        }
    }

    @Override
    public DataState dataState() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT version, changed_at, scenarios_version,"
                        + " scenarios_changed_at FROM store_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new DataState(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                    rs.getTimestamp(4).toInstant()) : new DataState(0, Instant.EPOCH);
        } catch (SQLException e) {
            throw new StoreException("could not read the data version", e);
        }
    }

    /** PostGIS builds the tile itself in one statement; H2GIS has no MVT encoder, so it takes the Java default. */
    @Override
    public byte[] tile(Layer layer, TileKey key) {
        if (dialect != Dialect.POSTGIS) {
            return SpatialStore.super.tile(layer, key);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PostgisTileSql.of(layer))) {
            for (int i = 0; i < 6; i += 3) {
                ps.setInt(i + 1, key.z());
                ps.setInt(i + 2, key.x());
                ps.setInt(i + 3, key.y());
            }
            try (ResultSet rs = ps.executeQuery()) {
                byte[] tile = rs.next() ? rs.getBytes(1) : null;
                return tile == null ? new byte[0] : tile;
            }
        } catch (SQLException e) {
            throw new StoreException("could not build tile " + key + " of layer " + layer.id(), e);
        }
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new StoreException("could not close the store", e);
        }
    }
}
