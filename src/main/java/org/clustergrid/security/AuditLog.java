package org.clustergrid.security;

import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code audit_event} table: every write, sign-in and account change, newest first when read. */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private final JdbcTemplate jdbc;

    public AuditLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Stores an entry. A store that cannot take it does not undo what was done; the entry then goes to the server log
     * at ERROR, so it is not lost silently.
     */
    public void record(AuditEntry e) {
        try {
            jdbc.update("INSERT INTO audit_event (at, actor, via, action, target, status, remote, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(e.at()), cut(e.actor(), 200), e.via(),
                    cut(e.action(), 300), cut(e.target(), 300), e.status(), cut(e.remote(), 64), cut(e.detail(), 1000));
        } catch (RuntimeException ex) {
            LOG.error("could not store audit entry {}: {}", e, ex.toString());
        }
    }

    /** A page of entries, newest first. */
    public List<AuditEntry> page(int limit, long offset) {
        return jdbc.query("SELECT * FROM audit_event ORDER BY id DESC LIMIT ? OFFSET ?", (rs, i) -> new AuditEntry(
                rs.getLong("id"), UserTable.instant(rs, "at"), rs.getString("actor"), rs.getString("via"),
                rs.getString("action"), rs.getString("target"), rs.getInt("status"), rs.getString("remote"),
                rs.getString("detail")), limit, offset);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        return n == null ? 0 : n;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
