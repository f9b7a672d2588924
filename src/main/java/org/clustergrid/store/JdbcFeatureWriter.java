package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.coverage.CoverageCells;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema.Field;
import org.locationtech.jts.io.WKBWriter;

/** Writes an import's features in JDBC batches inside the import's transaction. */
final class JdbcFeatureWriter implements FeatureWriter {
    private static final int BATCH = 1000;

    private final Connection connection;
    private final Dialect dialect;
    private final String datasetId;
    private final ImportReport report;
    private final ClusterIdRegistry clusterIds;
    private final Map<Layer, PreparedStatement> statements = new EnumMap<>(Layer.class);
    private final Map<Layer, Integer> pending = new EnumMap<>(Layer.class);
    private final Map<Layer, Integer> counts = new EnumMap<>(Layer.class);
    /** First place each id was seen, per layer, to name both places of a duplicate. */
    private final Map<Layer, Map<String, String>> seen = new EnumMap<>(Layer.class);
    private final WKBWriter wkb = new WKBWriter(2);
    /** Where the written features lie: the dataset's coverage when it declares none. */
    private final CoverageCells cells = new CoverageCells();
    /** The clusters written, by Cluster Grid ID, each with its file, for the register's history. */
    private final Map<String, String> clusterFiles = new LinkedHashMap<>();

    JdbcFeatureWriter(Connection connection, Dialect dialect, String datasetId, ImportReport report)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.datasetId = datasetId;
        this.report = report;
        this.clusterIds = new ClusterIdRegistry(connection, dialect, datasetId);
    }

    @Override
    public void write(LayerFeature feature, String file, String location) {
        Layer layer = feature.layer();
        String here = location == null ? file : file + ", " + location;
        String first = seen.computeIfAbsent(layer, l -> new HashMap<>()).putIfAbsent(feature.id(), here);
        if (first != null) {
            // a record error: with skip-invalid the repeat is left out and the first one kept
            report.recordError(file, location, layer == Layer.CLUSTERS ? "source_id" : "id",
                    "duplicate id '" + feature.id() + "' in layer " + layer.id() + " (first seen at " + first + ")");
            report.leftOut(layer);
            return;
        }
        if (report.hasErrors()) {
            return; // the import will roll back; keep checking input but stop writing
        }
        try {
            LayerFeature toWrite = feature;
            if (feature instanceof Cluster c) {
                String cgid = clusterIds.assign(c, file, location, report);
                if (cgid == null) {
                    report.leftOut(layer);
                    return;
                }
                toWrite = c.withClusterGridId(cgid);
                clusterFiles.put(cgid, file);
            }
            add(toWrite);
        } catch (SQLException e) {
            throw new StoreException("could not write " + layer.id() + " feature '" + feature.id() + "' from " + here, e);
        }
    }

    CoverageCells cells() {
        return cells;
    }

    private void add(LayerFeature f) throws SQLException {
        Layer layer = f.layer();
        cells.add(f.geometry());
        LayerTable t = LayerTable.of(layer);
        PreparedStatement ps = statements.get(layer);
        if (ps == null) {
            ps = connection.prepareStatement(t.insertSql(dialect));
            statements.put(layer, ps);
        }
        Map<String, Object> props = LayerProperties.of(f);
        int i = 1;
        ps.setString(i++, datasetId);
        ps.setString(i++, f.id());
        for (Field field : t.fields) {
            bind(ps, i++, field, props.get(field.name()));
        }
        ps.setString(i++, f.attributes().isEmpty() ? null : Json.write(new LinkedHashMap<>(f.attributes())));
        ps.setBytes(i, wkb.write(f.geometry()));
        ps.addBatch();
        counts.merge(layer, 1, Integer::sum);
        if (pending.merge(layer, 1, Integer::sum) >= BATCH) {
            ps.executeBatch();
            pending.put(layer, 0);
        }
    }

    static void bind(PreparedStatement ps, int i, Field field, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (field.type()) {
                case TEXT, JSON -> Types.VARCHAR;
                case INTEGER -> Types.INTEGER;
                case BIGINT -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
            });
            return;
        }
        switch (field.type()) {
            case TEXT, JSON -> ps.setString(i, v.toString()); // a JsonList prints as its JSON text
            case INTEGER -> ps.setInt(i, ((Number) v).intValue());
            case BIGINT -> ps.setLong(i, ((Number) v).longValue());
            case DOUBLE -> ps.setDouble(i, ((Number) v).doubleValue());
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case DATE, TIMESTAMP -> ps.setObject(i, v); // LocalDate, OffsetDateTime
        }
    }

    void flush() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.executeBatch();
            ps.close();
        }
        statements.clear();
        clusterIds.flush();
    }

    Map<String, String> clusterFiles() {
        return clusterFiles;
    }

    Map<Layer, Integer> counts() {
        return Map.copyOf(counts);
    }
}
