package org.clustergrid.register.interventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.register.Author;
import org.clustergrid.register.FieldChange;

/**
 * The {@code cluster_intervention_version} table: every state a stored row has had, who made it, when and why, and
 * what changed field by field — as the register keeps its clusters' history.
 */
public final class InterventionHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version of a row: {@code action} is create, update, replace or delete. */
    public record Version(int version, String action, Instant at, String actor, String via, String comment,
            Map<String, Object> state, List<FieldChange> changes) {}

    private InterventionHistory() {}

    /** Records {@code now} as version {@code now.version()}, with what changed from {@code before} (null: nothing). */
    static void record(Connection c, long number, String action, Intervention before, Intervention now, Author by)
            throws SQLException {
        Map<String, Object> state = state(now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_intervention_version (intervention_id,"
                + " version, action, changed_at, actor, via, comment, state, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")) {
            ps.setLong(1, number);
            ps.setInt(2, now.version());
            ps.setString(3, action);
            ps.setTimestamp(4, Timestamp.from(now.changedAt()));
            ps.setString(5, by.actor());
            ps.setString(6, by.via());
            ps.setString(7, by.comment());
            ps.setString(8, JSON.writeValueAsString(state));
            ps.setString(9, JSON.writeValueAsString(changes(before == null ? Map.of() : state(before), state)));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write the state of intervention " + now.id(), e);
        }
    }

    /** The versions of a stored row, oldest first. */
    static List<Version> versions(Connection c, long number) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, action, changed_at, actor, via, comment, state,"
                + " changes FROM cluster_intervention_version WHERE intervention_id = ? ORDER BY version")) {
            ps.setLong(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6), JSON.readValue(rs.getString(7),
                                    new TypeReference<LinkedHashMap<String, Object>>() {}),
                            JSON.readValue(rs.getString(8), new TypeReference<List<FieldChange>>() {})));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("intervention " + number + " has a version that is not JSON", e);
        }
        return out;
    }

    /**
     * The fields a version keeps: the editable ones, whether the row is deleted and, for a portfolio project's row,
     * its project (set once, so it shows in the first version's changes).
     */
    static Map<String, Object> state(Intervention i) {
        Map<String, Object> m = new LinkedHashMap<>(i.fields().toMap());
        m.put("deleted", i.deleted());
        if (i.project() != null) {
            m.put("project", i.project());
        }
        return m;
    }

    static List<FieldChange> changes(Map<String, Object> from, Map<String, Object> to) {
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : to.entrySet()) {
            Object was = from.get(e.getKey());
            if (!same(was, e.getValue())) {
                out.add(new FieldChange(e.getKey(), was, e.getValue()));
            }
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
