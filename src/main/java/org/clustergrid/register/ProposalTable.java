package org.clustergrid.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
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

/** The {@code cluster_proposal} table: a row per proposal, inserted once and updated once, when it is decided. */
final class ProposalTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, kind, cluster_grid_id, body, etag, comment, proposer, proposer_via,"
            + " proposed_at, status, decided_by, decided_at, note, result_cluster_grid_id, result_version";

    private ProposalTable() {}

    static long insert(Connection c, Proposal p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_proposal (kind, cluster_grid_id, body,"
                + " etag, comment, proposer, proposer_via, proposed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, p.kind().id());
            ps.setString(2, p.clusterGridId());
            ps.setString(3, p.body() == null ? null : p.body().toString());
            ps.setString(4, p.etag());
            ps.setString(5, p.comment());
            ps.setString(6, p.proposer());
            ps.setString(7, p.proposerVia());
            ps.setTimestamp(8, Timestamp.from(p.proposedAt()));
            ps.setString(9, p.status().id());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    static Optional<Proposal> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM cluster_proposal WHERE id = ?", id);
    }

    /** The proposal with its row locked until the transaction ends, so that two editors cannot both decide it. */
    static Optional<Proposal> lock(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM cluster_proposal WHERE id = ? FOR UPDATE", id);
    }

    static int pendingOf(Connection c, String proposer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cluster_proposal"
                + " WHERE proposer = ? AND status = ?")) {
            ps.setString(1, proposer);
            ps.setString(2, ProposalStatus.PENDING.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Newest first; {@code status} and {@code proposer} narrow it when not null. */
    static List<Proposal> list(Connection c, ProposalStatus status, String proposer, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cluster_proposal WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.id());
        }
        if (proposer != null) {
            sql.append(" AND proposer = ?");
            args.add(proposer);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<Proposal> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** Records the decision on a pending proposal (the caller holds its lock). */
    static void decide(Connection c, long id, ProposalStatus status, String by, Instant at, String note,
            String resultId, Integer resultVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_proposal SET status = ?, decided_by = ?,"
                + " decided_at = ?, note = ?, result_cluster_grid_id = ?, result_version = ?"
                + " WHERE id = ? AND status = ?")) {
            ps.setString(1, status.id());
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, note);
            ps.setString(5, resultId);
            if (resultVersion == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, resultVersion);
            }
            ps.setLong(7, id);
            ps.setString(8, ProposalStatus.PENDING.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("proposal " + id + " was not pending when decided");
            }
        }
    }

    private static Optional<Proposal> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Proposal read(ResultSet rs) throws SQLException {
        String body = rs.getString(4);
        Timestamp decided = rs.getTimestamp(12);
        int version = rs.getInt(15);
        Integer resultVersion = rs.wasNull() ? null : version;
        try {
            return new Proposal(rs.getLong(1), ProposalKind.of(rs.getString(2)), rs.getString(3),
                    body == null ? null : JSON.readTree(body), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getTimestamp(9).toInstant(), ProposalStatus.of(rs.getString(10), "status"),
                    rs.getString(11), decided == null ? null : decided.toInstant(), rs.getString(13),
                    rs.getString(14), resultVersion);
        } catch (JsonProcessingException e) {
            throw new SQLException("proposal " + rs.getLong(1) + " holds a body that is not JSON", e);
        }
    }
}
