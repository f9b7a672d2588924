package org.clustergrid.register.roundtrip;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetRows;
import org.clustergrid.store.SpatialStore;

/**
 * The datasets the exported clusters belong to, one record each, so that a restore into another store gives them
 * their metadata back: id, title, source, licence, attribution, import time, whether synthetic, and the coverage when
 * the dataset records one (its method, description, layers and, as the record's geometry, its area); a dataset
 * without a recorded coverage has those empty, not a made-up one.
 */
final class DatasetsTable implements RegisterTable {
    static final String NAME = "datasets";
    static final String DATASET = "dataset";
    static final String TITLE = "title";
    static final String SOURCE = "source";
    static final String LICENCE = "licence";
    static final String ATTRIBUTION = "attribution";
    static final String IMPORTED_AT = "imported_at";
    static final String SYNTHETIC = "synthetic";
    static final String COVERAGE_METHOD = "coverage_method";
    static final String COVERAGE_DESCRIPTION = "coverage_description";
    static final String COVERAGE_LAYERS = "coverage_layers";
    private static final List<Column> COLUMNS = List.of(new Column(DATASET, Column.Kind.TEXT),
            new Column(TITLE, Column.Kind.TEXT), new Column(SOURCE, Column.Kind.TEXT),
            new Column(LICENCE, Column.Kind.TEXT), new Column(ATTRIBUTION, Column.Kind.TEXT),
            new Column(IMPORTED_AT, Column.Kind.TEXT), new Column(SYNTHETIC, Column.Kind.BOOLEAN),
            new Column(COVERAGE_METHOD, Column.Kind.TEXT), new Column(COVERAGE_DESCRIPTION, Column.Kind.TEXT),
            new Column(COVERAGE_LAYERS, Column.Kind.LIST));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Row> rows(SpatialStore store, Connection c, String datasetId) throws SQLException {
        List<Row> out = new ArrayList<>();
        for (Dataset d : DatasetRows.withClusters(c, datasetId)) {
            Coverage cov = d.coverage();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(DATASET, d.id());
            values.put(TITLE, d.title());
            values.put(SOURCE, d.source());
            values.put(LICENCE, d.licence());
            values.put(ATTRIBUTION, d.attribution());
            values.put(IMPORTED_AT, d.importedAt().toString());
            values.put(SYNTHETIC, d.synthetic());
            values.put(COVERAGE_METHOD, cov == null ? null : cov.method().id());
            values.put(COVERAGE_DESCRIPTION, cov == null ? null : cov.description());
            values.put(COVERAGE_LAYERS, cov == null ? null : cov.layers().stream().sorted().map(Layer::id).toList());
            out.add(new Row(d.id(), cov == null ? null : cov.area(), values));
        }
        return out;
    }
}
