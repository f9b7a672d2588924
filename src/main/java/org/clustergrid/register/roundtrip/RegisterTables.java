package org.clustergrid.register.roundtrip;

import java.nio.file.Path;
import java.util.List;

/**
 * The tables an export holds, in order: the register's clusters; the Intervention grid's stored rows, which carry
 * the {@code cluster_grid_id} of their cluster; the datasets the clusters belong to, with their metadata. Further
 * tables of the same GeoPackage, further files beside the first for CSV and GeoJSON ({@link #fileOf}).
 */
final class RegisterTables {
    static final ClusterTable CLUSTERS = new ClusterTable();
    static final InterventionsTable INTERVENTIONS = new InterventionsTable();
    static final DatasetsTable DATASETS = new DatasetsTable();
    static final List<RegisterTable> EXPORTED = List.of(CLUSTERS, INTERVENTIONS, DATASETS);

    private RegisterTables() {}

    /**
     * Where a table goes when each file holds one (CSV, GeoJSON): the first in {@code file} itself, any further one
     * beside it, {@code register.csv} → {@code register-interventions.csv}, {@code register-datasets.csv}.
     */
    static Path fileOf(Path file, int index) {
        if (index == 0) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String table = EXPORTED.get(index).name();
        return file.resolveSibling(dot < 0 ? name + "-" + table : name.substring(0, dot) + "-" + table
                + name.substring(dot));
    }
}
