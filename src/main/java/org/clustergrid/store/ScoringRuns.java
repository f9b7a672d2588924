package org.clustergrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Stored scoring runs and their per-cluster results, in the same database as the layers. */
public final class ScoringRuns {
    private final DataSource dataSource;

    ScoringRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Saves a run and its scores in one transaction. */
    public void save(ScoringRunRecord run, List<ClusterScoreRecord> scores) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertRun(c, run);
                insertScores(c, run.id(), scores);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not save scoring run " + run.id(), e);
        }
    }

    private static void insertRun(Connection c, ScoringRunRecord r) throws SQLException {
        String sql = "INSERT INTO scoring_run (id, created_at, profile_name, profile_hash, weights, data_version,"
                + " datasets, cluster_count, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.id());
            ps.setTimestamp(2, Timestamp.from(r.createdAt()));
            ps.setString(3, r.profileName());
            ps.setString(4, r.profileHash());
            ps.setString(5, r.weights());
            ps.setLong(6, r.dataVersion());
            ps.setString(7, r.datasets());
            ps.setInt(8, r.clusterCount());
            ps.setDouble(9, r.seconds());
            ps.executeUpdate();
        }
    }

    private static void insertScores(Connection c, String runId, List<ClusterScoreRecord> scores) throws SQLException {
        String sql = "INSERT INTO cluster_score (run_id, cluster_grid_id, rank, composite, gap, priority, stability,"
                + " result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (ClusterScoreRecord s : scores) {
                ps.setString(1, runId);
                ps.setString(2, s.clusterGridId());
                setInt(ps, 3, s.rank());
                setDouble(ps, 4, s.composite());
                setDouble(ps, 5, s.gap());
                setDouble(ps, 6, s.priority());
                setDouble(ps, 7, s.stability());
                ps.setString(8, s.result());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    /** The newest run for a profile hash, if any. */
    public Optional<ScoringRunRecord> latest(String profileHash) {
        String sql = "SELECT * FROM scoring_run WHERE profile_hash = ? ORDER BY created_at DESC, id DESC LIMIT 1";
        return runs(sql, profileHash).stream().findFirst();
    }

    public Optional<ScoringRunRecord> run(String id) {
        return runs("SELECT * FROM scoring_run WHERE id = ?", id).stream().findFirst();
    }

    public List<ScoringRunRecord> runs() {
        return runs("SELECT * FROM scoring_run ORDER BY created_at DESC, id DESC", null);
    }

    private List<ScoringRunRecord> runs(String sql, String param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<ScoringRunRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScoringRunRecord(rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
                            rs.getString("profile_name"), rs.getString("profile_hash"), rs.getString("weights"),
                            rs.getLong("data_version"), rs.getString("datasets"), rs.getInt("cluster_count"),
                            rs.getDouble("seconds")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read scoring runs", e);
        }
    }

    /** A run's scores by rank (unranked last). */
    public List<ClusterScoreRecord> scores(String runId) {
        String sql = "SELECT * FROM cluster_score WHERE run_id = ? ORDER BY CASE WHEN rank IS NULL THEN 1 ELSE 0 END,"
                + " rank, cluster_grid_id";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            List<ClusterScoreRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClusterScoreRecord(rs.getString("cluster_grid_id"), (Integer) rs.getObject("rank"),
                            number(rs, "composite"), number(rs, "gap"), number(rs, "priority"),
                            number(rs, "stability"), rs.getString("result")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the scores of run " + runId, e);
        }
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
