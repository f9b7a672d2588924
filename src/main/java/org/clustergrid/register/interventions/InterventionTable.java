package org.clustergrid.register.interventions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clustergrid.register.interventions.Vocabulary.Category;
import org.clustergrid.register.interventions.Vocabulary.Origin;
import org.clustergrid.register.interventions.Vocabulary.Status;

/** The {@code cluster_intervention} table: a row per stored row of the grid, deleted ones included. */
final class InterventionTable {
    private static final String COLUMNS = "id, cluster_grid_id, category, title, status, agency, budget, currency,"
            + " start_date, end_date, notes, origin, gap_indicator, deleted, version, created_by, created_at,"
            + " changed_by, changed_at, project";

    private InterventionTable() {}

    /** Inserts a new row at version 1; answers its number. */
    static long insert(Connection c, Intervention i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_intervention (cluster_grid_id, category,"
                + " title, status, agency, budget, currency, start_date, end_date, notes, origin, gap_indicator,"
                + " deleted, version, created_by, created_at, changed_by, changed_at, project)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, i.clusterGridId());
            int n = setFields(ps, 2, i.fields());
            ps.setString(n, i.origin().id());
            ps.setString(n + 1, i.gapIndicator());
            ps.setBoolean(n + 2, i.deleted());
            ps.setInt(n + 3, i.version());
            ps.setString(n + 4, i.createdBy());
            ps.setTimestamp(n + 5, Timestamp.from(i.createdAt()));
            ps.setString(n + 6, i.changedBy());
            ps.setTimestamp(n + 7, Timestamp.from(i.changedAt()));
            ps.setString(n + 8, i.project());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    /**
     * Inserts a row unless another transaction stored the same cluster's gap or project first (a unique violation,
     * SQLSTATE 23505 on both stores, undone to a savepoint so the transaction goes on); −1 then.
     */
    static long insertUnlessTaken(Connection c, Intervention i) throws SQLException {
        java.sql.Savepoint sp = c.setSavepoint();
        try {
            return insert(c, i);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                c.rollback(sp);
                return -1;
            }
            throw e;
        }
    }

    /** Writes the row's new state (the caller holds its lock and checked its version). */
    static void update(Connection c, long number, Intervention i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_intervention SET category = ?, title = ?,"
                + " status = ?, agency = ?, budget = ?, currency = ?, start_date = ?, end_date = ?, notes = ?,"
                + " deleted = ?, version = ?, changed_by = ?, changed_at = ? WHERE id = ?")) {
            int n = setFields(ps, 1, i.fields());
            ps.setBoolean(n, i.deleted());
            ps.setInt(n + 1, i.version());
            ps.setString(n + 2, i.changedBy());
            ps.setTimestamp(n + 3, Timestamp.from(i.changedAt()));
            ps.setLong(n + 4, number);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("intervention " + number + " is not stored");
            }
        }
    }

    /**
     * The stored row of that number, or of that cluster's gap or portfolio project, locked until the transaction ends
     * when asked.
     */
    static Optional<Stored> find(Connection c, Key key, boolean lock) throws SQLException {
        String where = key.number() != null ? "id = ?" : key.project() != null ? "cluster_grid_id = ? AND project = ?"
                : "cluster_grid_id = ? AND gap_indicator = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_intervention WHERE "
                + where + (lock ? " FOR UPDATE" : ""))) {
            if (key.number() != null) {
                ps.setLong(1, key.number());
            } else {
                ps.setString(1, key.clusterGridId());
                ps.setString(2, key.project() != null ? key.project() : key.indicator());
            }
            List<Stored> out = read(ps);
            return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
        }
    }

    /** Every stored row (deleted ones too: they hold back their gap), or one cluster's; oldest first. */
    static List<Intervention> list(Connection c, String clusterGridId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_intervention"
                + (clusterGridId == null ? "" : " WHERE cluster_grid_id = ?") + " ORDER BY id")) {
            if (clusterGridId != null) {
                ps.setString(1, clusterGridId);
            }
            return read(ps).stream().map(Stored::row).toList();
        }
    }

    /** A stored row with its number, which its versions are filed under. */
    record Stored(long number, Intervention row) {}

    /**
     * How a row is named: its number, its cluster and indicator (a row made from a gap), or its cluster and project
     * (a row of an accepted portfolio project).
     */
    record Key(Long number, String clusterGridId, String indicator, String project) {
        static Key of(String id) {
            int dot = id.indexOf(Intervention.GAP_ID_SEPARATOR);
            if (dot > 0 && dot < id.length() - 1) {
                String rest = id.substring(dot + 1);
                return rest.startsWith(Intervention.PROJECT_ID_PART) && rest.length() > Intervention.PROJECT_ID_PART
                        .length() ? new Key(null, id.substring(0, dot), null, rest.substring(Intervention
                        .PROJECT_ID_PART.length())) : new Key(null, id.substring(0, dot), rest, null);
            }
            try {
                return new Key(Long.parseLong(id), null, null, null);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static int setFields(PreparedStatement ps, int from, Fields f) throws SQLException {
        ps.setString(from, f.category().id());
        ps.setString(from + 1, f.title());
        ps.setString(from + 2, f.status().id());
        ps.setString(from + 3, f.agency());
        ps.setBigDecimal(from + 4, f.budget());
        ps.setString(from + 5, f.currency());
        setDate(ps, from + 6, f.startDate());
        setDate(ps, from + 7, f.endDate());
        ps.setString(from + 8, f.notes());
        return from + 9;
    }

    private static void setDate(PreparedStatement ps, int i, java.time.LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static List<Stored> read(PreparedStatement ps) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long number = rs.getLong(1);
                String cluster = rs.getString(2);
                String gap = rs.getString(13);
                String project = rs.getString(20);
                BigDecimal budget = rs.getBigDecimal(7);
                Date start = rs.getDate(9);
                Date end = rs.getDate(10);
                Fields f = new Fields(Vocabulary.parse(Category.class, rs.getString(3), "category"), rs.getString(4),
                        Vocabulary.parse(Status.class, rs.getString(5), "status"), rs.getString(6),
                        budget == null ? null : budget.setScale(2, java.math.RoundingMode.HALF_EVEN), rs.getString(8),
                        start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
                        rs.getString(11));
                String id = gap != null ? Intervention.gapId(cluster, gap) : project != null
                        ? Intervention.projectId(cluster, project) : String.valueOf(number);
                out.add(new Stored(number, new Intervention(id, cluster, f, Vocabulary.parse(Origin.class,
                        rs.getString(12), "origin"), gap, project, rs.getString(16),
                        instant(rs.getTimestamp(17)), rs.getString(18), instant(rs.getTimestamp(19)), rs.getInt(15),
                        rs.getBoolean(14))));
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
