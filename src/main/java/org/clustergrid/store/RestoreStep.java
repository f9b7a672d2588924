package org.clustergrid.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * More of the register written back in the transaction of a restore ({@link SpatialStore#restoreClusters}), after
 * the clusters: the Intervention grid's rows. A failure rolls back the whole restore.
 */
@FunctionalInterface
public interface RestoreStep {
    void write(Connection c) throws SQLException;
}
