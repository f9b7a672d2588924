package org.clustergrid.register.roundtrip;

import java.nio.file.Path;
import java.util.List;

/**
 * The tables an export holds, in order: the register's clusters, then the Intervention grid's stored rows, which carry
 * the {@code cluster_grid_id} of their cluster: a second table of the same GeoPackage, a second file beside the first
 * for CSV and GeoJSON ({@link #fileOf}).
 */
final class RegisterTables {
    static final List<RegisterTable> EXPORTED = List.of(new ClusterTable(), new InterventionsTable());

    private RegisterTables() {}

    /**
     * Where a table goes when each file holds one (CSV, GeoJSON): the first in {@code file} itself, any further one
     * beside it, {@code register.csv} → {@code register-interventions.csv}.
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
