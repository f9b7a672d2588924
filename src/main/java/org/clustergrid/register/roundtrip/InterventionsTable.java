package org.clustergrid.register.roundtrip;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.register.interventions.Intervention;
import org.clustergrid.register.interventions.InterventionRestore;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/**
 * The Intervention grid's stored rows ({@link InterventionRestore#COLUMNS}), joined to the clusters on
 * {@code cluster_grid_id}; no geometry (a GeoPackage attributes table). Every stored row goes out, deleted ones and
 * those of retired clusters too, so that a restore keeps their ids and dismissed gaps; an export of one dataset holds
 * the rows of its clusters.
 */
final class InterventionsTable implements RegisterTable {
    static final String NAME = "interventions";
    private static final List<Column> COLUMNS = InterventionRestore.COLUMNS.stream().map(n -> new Column(n,
            switch (n) {
                case "version" -> Column.Kind.INTEGER;
                case "budget" -> Column.Kind.DECIMAL;
                case "deleted" -> Column.Kind.BOOLEAN;
                default -> Column.Kind.TEXT;
            })).toList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public boolean spatial() {
        return false;
    }

    @Override
    public List<Row> rows(SpatialStore store, Connection c, String datasetId) throws SQLException {
        Set<String> clusters = null;
        if (datasetId != null) {
            clusters = new HashSet<>();
            for (StoredFeature f : ClusterRows.of(store).all(c, datasetId)) {
                clusters.add(((org.clustergrid.model.Cluster) f.feature()).clusterGridId());
            }
        }
        List<Row> out = new ArrayList<>();
        for (Intervention i : InterventionRestore.stored(c)) {
            if (clusters == null || clusters.contains(i.clusterGridId())) {
                out.add(new Row(i.id(), null, InterventionRestore.values(i)));
            }
        }
        return out;
    }
}
