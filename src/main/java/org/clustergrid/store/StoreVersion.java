package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The store's data version, which every committed change grows by one (caches and ETags follow it). */
public final class StoreVersion {
    private StoreVersion() {}

    /**
     * Grows the version in the caller's transaction. Its row lock, taken first, also orders concurrent writers, in
     * this process and in others sharing the store. Register edits take it too, so an edit and an import never
     * interleave. Answers the version this transaction makes, once it commits.
     */
    public static long bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE store_state SET version = version + 1, changed_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM store_state WHERE id = 1");
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
