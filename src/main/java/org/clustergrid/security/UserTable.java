package org.clustergrid.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code app_user} table. */
final class UserTable {
    private final JdbcTemplate jdbc;

    UserTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<User> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", UserTable::row, username).stream().findFirst();
    }

    List<User> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", UserTable::row);
    }

    int countWithRole(Role role) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = ?", Integer.class, role.id());
        return n == null ? 0 : n;
    }

    void insert(User u) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, created_at, changed_at) VALUES (?, ?, ?, ?, ?)",
                u.username(), u.passwordHash(), u.role().id(), Timestamp.from(u.createdAt()),
                Timestamp.from(u.changedAt()));
    }

    /** Writes a changed password hash or role; false when there is no such user. */
    boolean update(User u) {
        return jdbc.update("UPDATE app_user SET password_hash = ?, role = ?, changed_at = ? WHERE username = ?",
                u.passwordHash(), u.role().id(), Timestamp.from(u.changedAt()), u.username()) > 0;
    }

    boolean delete(String username) {
        return jdbc.update("DELETE FROM app_user WHERE username = ?", username) > 0;
    }

    private static User row(ResultSet rs, int i) throws SQLException {
        return new User(rs.getString("username"), Role.parse(rs.getString("role")), rs.getString("password_hash"),
                instant(rs, "created_at"), instant(rs, "changed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
