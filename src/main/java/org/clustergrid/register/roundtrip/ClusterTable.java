package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.mapping.FeatureMapper;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerProperties.FieldException;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/**
 * The clusters table: {@code cluster_grid_id}, {@code dataset}, {@code source_id}, every canonical field of a
 * cluster ({@link LayerSchema}, the Identification grid included) and {@code attributes}; a new field of the grid is
 * exported and restored without a change here.
 */
final class ClusterTable implements RegisterTable {
    static final String DATASET = "dataset";
    static final String ATTRIBUTES = "attributes";
    private static final List<Column> COLUMNS = columnList();

    @Override
    public String name() {
        return Layer.CLUSTERS.id();
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    private static List<Column> columnList() {
        List<Column> out = new ArrayList<>();
        out.add(new Column("cluster_grid_id", Column.Kind.TEXT));
        out.add(new Column(DATASET, Column.Kind.TEXT));
        out.add(new Column(LayerSchema.idField(Layer.CLUSTERS), Column.Kind.TEXT));
        for (Field f : LayerSchema.fields(Layer.CLUSTERS)) {
            if (!f.name().equals("cluster_grid_id")) {
                out.add(new Column(f.name(), switch (f.type()) {
                    case INTEGER, BIGINT -> Column.Kind.INTEGER;
                    case DOUBLE -> Column.Kind.DOUBLE;
                    case JSON -> Column.Kind.LIST;
                    default -> Column.Kind.TEXT;
                }));
            }
        }
        out.add(new Column(ATTRIBUTES, Column.Kind.OBJECT));
        return List.copyOf(out);
    }

    /** A record of this table read back: the cluster and the dataset it goes to. */
    record Restored(String datasetId, Cluster cluster) {}

    /**
     * The cluster a record of an export describes, with its dataset.
     *
     * @throws FieldException naming the column when a value is missing, malformed or outside its vocabulary
     */
    static Restored read(SourceFeature s) {
        Map<String, Object> a = s.attributes();
        String datasetId = text(a.get(DATASET));
        if (datasetId == null) {
            throw new FieldException(DATASET, "is empty: each record names the dataset it belongs to");
        }
        try {
            new DatasetInfo(datasetId, null, null, null, null, false);
        } catch (IllegalArgumentException e) {
            throw new FieldException(DATASET, e.getMessage());
        }
        String sourceId = text(a.get(LayerSchema.idField(Layer.CLUSTERS)));
        if (sourceId == null) {
            throw new FieldException(LayerSchema.idField(Layer.CLUSTERS), "missing identifier");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (Field f : LayerSchema.fields(Layer.CLUSTERS)) {
            props.put(f.name(), a.get(f.name()));
            if (f.type() == LayerSchema.Type.JSON && !FeatureMapper.parseList(props, f.name())) {
                throw new FieldException(f.name(), "is not a JSON array");
            }
        }
        return new Restored(datasetId, (Cluster) LayerProperties.toFeature(Layer.CLUSTERS, sourceId, s.geometry(),
                props, attributes(a.get(ATTRIBUTES))));
    }

    /** The {@code attributes} column: a JSON object (its text; a GeoJSON object arrives as its text too). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Object v) {
        String json = text(v);
        if (json == null) {
            return Map.of();
        }
        try {
            Object parsed = TableFile.JSON.readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw new FieldException(ATTRIBUTES, "is not a JSON object: '"
                + (json.length() > 60 ? json.substring(0, 57) + "..." : json) + "'");
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    @Override
    public List<Row> rows(SpatialStore store, Connection c, String datasetId) throws SQLException {
        List<Row> out = new ArrayList<>();
        for (StoredFeature f : ClusterRows.of(store).all(c, datasetId)) {
            Cluster cluster = (Cluster) f.feature();
            Map<String, Object> props = LayerProperties.of(cluster);
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column col : COLUMNS) {
                values.put(col.name(), switch (col.name()) {
                    case DATASET -> f.datasetId();
                    case ATTRIBUTES -> cluster.attributes().isEmpty() ? null : cluster.attributes();
                    default -> props.get(col.name());
                });
            }
            out.add(new Row(cluster.clusterGridId(), cluster.footprint(), values));
        }
        return out;
    }
}
