package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stored what-if scenarios, in the same database as the layers; one row each, written with the scenarios' version in
 * one transaction.
 */
public final class Scenarios {
    private static final String COLUMNS = "id, name, description, interventions, geojson, created_by, created_at,"
            + " data_version";
    private final DataSource dataSource;

    Scenarios(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores it and grows the scenarios' version ({@link DataState#scenarios}) in one transaction. */
    public void save(StoredScenario s) {
        String sql = "INSERT INTO scenario (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        inTransaction("could not save scenario '" + s.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, s.id());
                ps.setString(2, s.name());
                ps.setString(3, s.description());
                ps.setInt(4, s.interventions());
                ps.setString(5, s.geojson());
                ps.setString(6, s.createdBy());
                ps.setTimestamp(7, Timestamp.from(s.createdAt()));
                ps.setLong(8, s.dataVersion());
                ps.executeUpdate();
            }
            bump(c);
            return true;
        });
    }

    /** Every scenario, newest first. */
    public List<StoredScenario> list() {
        return read("SELECT " + COLUMNS + " FROM scenario ORDER BY created_at DESC, id DESC", null);
    }

    public Optional<StoredScenario> get(String id) {
        return read("SELECT " + COLUMNS + " FROM scenario WHERE id = ?", id).stream().findFirst();
    }

    /** False when there was no such scenario. */
    public boolean delete(String id) {
        return inTransaction("could not delete scenario " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE id = ?")) {
                ps.setString(1, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            bump(c);
            return true;
        });
    }

    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    private boolean inTransaction(String failure, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean done = work.run(c);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    private static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_state SET scenarios_version = scenarios_version"
                + " + 1, scenarios_changed_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(java.time.Instant.now()));
            ps.executeUpdate();
        }
    }

    private List<StoredScenario> read(String sql, String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<StoredScenario> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredScenario(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                            rs.getInt("interventions"), rs.getString("geojson"), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(), rs.getLong("data_version")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read scenarios", e);
        }
    }
}
