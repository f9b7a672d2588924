package org.clustergrid.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code api_key} table: key ids, names, roles and SHA-256 hashes. */
final class ApiKeyTable {
    /** A stored key with its hash, which only the check of a presented key needs. */
    record Stored(ApiKey key, String hash) {}

    private final JdbcTemplate jdbc;

    ApiKeyTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<Stored> find(String id) {
        return jdbc.query("SELECT * FROM api_key WHERE id = ?",
                (rs, i) -> new Stored(row(rs, i), rs.getString("key_hash")), id).stream().findFirst();
    }

    List<ApiKey> all() {
        return jdbc.query("SELECT * FROM api_key ORDER BY created_at, id", ApiKeyTable::row);
    }

    void insert(ApiKey k, String hash) {
        jdbc.update("INSERT INTO api_key (id, name, key_hash, role, username, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                k.id(), k.name(), hash, k.role().id(), k.username(), Timestamp.from(k.createdAt()));
    }

    /** False when there is no such key or it was revoked already. */
    boolean revoke(String id, Instant at) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(at), id) > 0;
    }

    int revokeAllOf(String username, Instant at) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
                Timestamp.from(at), username);
    }

    void touch(String id, Instant at) {
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", Timestamp.from(at), id);
    }

    private static ApiKey row(ResultSet rs, int i) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("name"), Role.parse(rs.getString("role")),
                rs.getString("username"), UserTable.instant(rs, "created_at"), UserTable.instant(rs, "last_used_at"),
                UserTable.instant(rs, "revoked_at"));
    }
}
