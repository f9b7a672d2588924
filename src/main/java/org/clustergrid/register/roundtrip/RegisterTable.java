package org.clustergrid.register.roundtrip;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.clustergrid.store.SpatialStore;

/** One table of the register as it is exported: its name, its columns and its rows in one state of the store. */
interface RegisterTable {
    /** The GeoPackage table, GeoJSON collection and CSV file suffix: {@code clusters}, {@code interventions}. */
    String name();

    /** Whether its rows have a geometry; a table without is a GeoPackage attributes table. */
    default boolean spatial() {
        return true;
    }

    /** The columns but the geometry, in order. */
    List<Column> columns();

    /** The current rows, of every dataset or of one ({@code datasetId} not null). */
    List<Row> rows(SpatialStore store, Connection c, String datasetId) throws SQLException;
}
