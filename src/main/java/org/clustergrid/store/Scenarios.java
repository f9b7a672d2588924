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

/** Stored what-if scenarios, in the same database as the layers; one row each, written in one statement. */
public final class Scenarios {
    private static final String COLUMNS = "id, name, description, interventions, geojson, created_by, created_at,"
            + " data_version";
    private final DataSource dataSource;

    Scenarios(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(StoredScenario s) {
        String sql = "INSERT INTO scenario (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, s.id());
            ps.setString(2, s.name());
            ps.setString(3, s.description());
            ps.setInt(4, s.interventions());
            ps.setString(5, s.geojson());
            ps.setString(6, s.createdBy());
            ps.setTimestamp(7, Timestamp.from(s.createdAt()));
            ps.setLong(8, s.dataVersion());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not save scenario '" + s.name() + "'", e);
        }
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not delete scenario " + id, e);
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
