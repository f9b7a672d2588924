package org.clustergrid.register.interventions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.register.Author;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.InterventionTable.Key;
import org.clustergrid.register.interventions.InterventionTable.Stored;
import org.clustergrid.register.interventions.Vocabulary.Origin;

/**
 * The stored rows of the Intervention grid on their way out of the store and back, for the register's round trip:
 * every stored row (edited computed rows and deleted ones included, so that a dismissed gap stays dismissed and no
 * id is given twice) read as a record of the export, and records written back with their ids. Computed rows nobody
 * edited are not stored and not exported: the scoring run makes them again.
 */
public final class InterventionRestore {
    /** The columns of the exported table, in order. */
    public static final List<String> COLUMNS = List.of("id", "cluster_grid_id", "category", "title", "status",
            "agency", "budget", "currency", "start_date", "end_date", "notes", "origin", "gap_indicator", "project",
            "deleted", "version", "created_by", "created_at", "changed_by", "changed_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InterventionRestore() {}

    /** Every stored row, oldest first. */
    public static List<Intervention> stored(Connection c) throws SQLException {
        return InterventionTable.list(c, null);
    }

    /** A row as a record of the export, by column: texts, the budget a number, dates ISO, booleans as such. */
    public static Map<String, Object> values(Intervention i) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", i.id());
        m.put("cluster_grid_id", i.clusterGridId());
        m.putAll(i.fields().toMap());
        m.put("origin", i.origin().id());
        m.put("gap_indicator", i.gapIndicator());
        m.put("project", i.project());
        m.put("deleted", i.deleted());
        m.put("version", i.version());
        m.put("created_by", i.createdBy());
        m.put("created_at", i.createdAt().toString());
        m.put("changed_by", i.changedBy());
        m.put("changed_at", i.changedAt().toString());
        return m;
    }

    /**
     * The row a record of the export describes. {@code version}, {@code changed_by} and {@code changed_at} are read
     * for what they are (the history is not restored: a restored row's versions start with the restore).
     *
     * @param values by column, as text (CSV, GeoPackage) or as JSON values (GeoJSON); null or blank is not known
     * @throws RegisterException (bad input) naming the column when a value is missing, malformed or outside its
     *     vocabulary
     */
    public static Intervention read(Map<String, Object> values) {
        for (String name : values.keySet()) {
            if (!COLUMNS.contains(name)) {
                throw RegisterException.badInput(name, "not a column of the exported Intervention grid; the columns"
                        + " are " + String.join(", ", COLUMNS));
            }
        }
        String id = text(values, "id");
        if (id == null) {
            throw RegisterException.badInput("id", "is empty: each row keeps its id");
        }
        String cluster = text(values, "cluster_grid_id");
        if (cluster == null || cluster.length() > 32) {
            throw RegisterException.badInput("cluster_grid_id", cluster == null ? "is empty: name the row's cluster"
                    : "'" + cluster + "' is longer than a Cluster Grid ID");
        }
        String originText = text(values, "origin");
        if (originText == null) {
            throw RegisterException.badInput("origin", "is empty");
        }
        Origin origin = Vocabulary.parse(Origin.class, originText, "origin");
        String gap = text(values, "gap_indicator");
        String project = text(values, "project");
        Key key = Key.of(id);
        if (project != null) {
            checkProject(id, cluster, project, origin, gap);
        } else if (origin == Origin.PORTFOLIO) {
            throw RegisterException.badInput("project", "is empty: a row of an accepted portfolio project names its"
                    + " project");
        } else if (gap == null) {
            if (key == null || key.number() == null || key.number() <= 0) {
                throw RegisterException.badInput("id", "'" + id + "' is not the number of a row entered by hand;"
                        + " a row made from a gap has the id <cluster_grid_id>.<gap_indicator>");
            }
        } else if (gap.length() > 64 || !id.equals(Intervention.gapId(cluster, gap))) {
            throw RegisterException.badInput("id", "'" + id + "' is not " + Intervention.gapId(cluster, gap)
                    + ", the id of the row made from the gap in " + gap);
        }
        if ((origin == Origin.COMPUTED_GAP) != (gap != null)) {
            throw RegisterException.badInput("origin", gap == null ? "is computed_gap, but the row names no"
                    + " gap_indicator" : "is " + origin.id() + ", but only a row made from a gap (computed_gap) has a"
                    + " gap_indicator");
        }
        ObjectNode p = JSON.createObjectNode();
        for (String f : Fields.NAMES) {
            Object v = values.get(f);
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            if (f.equals("budget")) {
                try {
                    p.put(f, v instanceof BigDecimal b ? b : new BigDecimal(v.toString().strip()));
                } catch (NumberFormatException e) {
                    throw RegisterException.badInput(f, "'" + v + "' is not a number");
                }
            } else if (v instanceof String || v instanceof Number) {
                p.put(f, v.toString());
            } else {
                throw RegisterException.badInput(f, "expected text, found " + v);
            }
        }
        Fields fields = InterventionInput.parse(JSON.createObjectNode().set("properties", p));
        boolean deleted = bool(values, "deleted");
        String createdBy = text(values, "created_by");
        Instant createdAt = instant(values, "created_at");
        String changedBy = text(values, "changed_by");
        Instant changedAt = instant(values, "changed_at");
        return new Intervention(id, cluster, fields, origin, gap, project, createdBy == null ? "import" : createdBy,
                createdAt, changedBy == null ? createdBy : changedBy, changedAt == null ? createdAt : changedAt, 0,
                deleted);
    }

    /**
     * Writes the rows back, in the caller's transaction: a row the store lacks is stored with its id (a row made
     * from a gap under a new number, as its id names cluster and indicator), a row whose fields or deletion differ
     * from the stored one gets its new state; either way one version, by {@code import}, with {@code why} as its
     * comment. An unchanged row gets none. Stored rows the records do not name are left as they are. New rows are
     * numbered after every restored number afterwards.
     *
     * @return the versions written
     */
    public static int restore(Connection c, List<Intervention> rows, String why) throws SQLException {
        Author by = new Author("import", "import", why);
        Instant now = Instant.now();
        int versions = 0;
        long highest = 0;
        for (Intervention r : rows) {
            Key key = Key.of(r.id());
            if (key.number() != null) {
                highest = Math.max(highest, key.number());
            }
        }
        keepNumbersAbove(c, highest);
        for (Intervention r : rows) {
            Key key = Key.of(r.id());
            Optional<Stored> stored = InterventionTable.find(c, key, true);
            if (stored.isEmpty()) {
                Intervention made = new Intervention(r.id(), r.clusterGridId(), r.fields(), r.origin(),
                        r.gapIndicator(), r.project(), r.createdBy(), r.createdAt() == null ? now : r.createdAt(), by.actor(),
                        now, 1, r.deleted());
                long number = key.number() != null ? insertNumbered(c, key.number(), made)
                        : InterventionTable.insert(c, made);
                InterventionHistory.record(c, number, "create", null, made, by);
                versions++;
                continue;
            }
            Intervention before = stored.get().row();
            if (!before.id().equals(r.id()) || !before.clusterGridId().equals(r.clusterGridId())) {
                throw RegisterException.badInput("id", "'" + r.id() + "' is taken in this store by the row "
                        + before.id() + " of " + before.clusterGridId() + "; ids are never given twice");
            }
            if (InterventionHistory.state(before).equals(InterventionHistory.state(r))) {
                continue;
            }
            Intervention after = new Intervention(before.id(), before.clusterGridId(), r.fields(), before.origin(),
                    before.gapIndicator(), before.project(), before.createdBy(), before.createdAt(), by.actor(), now,
                    before.version() + 1, r.deleted());
            InterventionTable.update(c, stored.get().number(), after);
            InterventionHistory.record(c, stored.get().number(), "replace", before, after, by);
            versions++;
        }
        return versions;
    }

    /** A portfolio project's row: its project a key, its id made of cluster and project, no gap. */
    private static void checkProject(String id, String cluster, String project, Origin origin, String gap) {
        if (!PortfolioRows.PROJECT.matcher(project).matches()) {
            throw RegisterException.badInput("project", "'" + project + "' is not a project key (letters, digits,"
                    + " '.', '_', '~' and '-', up to 120)");
        }
        if (origin != Origin.PORTFOLIO || gap != null) {
            throw RegisterException.badInput("origin", "is " + origin.id() + ", but only a row of an accepted"
                    + " portfolio project (portfolio, without a gap_indicator) has a project");
        }
        if (!id.equals(Intervention.projectId(cluster, project))) {
            throw RegisterException.badInput("id", "'" + id + "' is not " + Intervention.projectId(cluster, project)
                    + ", the id of the row of project " + project);
        }
    }

    /** Inserts a row entered by hand under the number its id is. */
    private static long insertNumbered(Connection c, long number, Intervention i) throws SQLException {
        long made = InterventionTable.insert(c, i);
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_intervention SET id = ? WHERE id = ?")) {
            ps.setLong(1, number);
            ps.setLong(2, made);
            ps.executeUpdate();
        }
        return number;
    }

    /**
     * Makes the table's numbering hand out numbers after {@code highest} (restored rows bring their own), never
     * lower than it already does: an id is never given twice.
     */
    private static void keepNumbersAbove(Connection c, long highest) throws SQLException {
        if (highest == 0) {
            return;
        }
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SELECT setval(pg_get_serial_sequence('cluster_intervention', 'id'), GREATEST(" + highest
                        + ", nextval(pg_get_serial_sequence('cluster_intervention', 'id'))))");
                return;
            }
            long next;
            // H2: the number the identity hands out next
            try (ResultSet rs = s.executeQuery("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'CLUSTER_INTERVENTION' AND COLUMN_NAME = 'ID'")) {
                next = rs.next() ? rs.getLong(1) : 0;
            }
            if (next <= highest) {
                s.execute("ALTER TABLE cluster_intervention ALTER COLUMN id RESTART WITH " + (highest + 1));
            }
        }
    }

    private static String text(Map<String, Object> values, String name) {
        Object v = values.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static boolean bool(Map<String, Object> values, String name) {
        String v = text(values, name);
        if (v == null || v.equalsIgnoreCase("false") || v.equals("0")) {
            return false;
        }
        if (v.equalsIgnoreCase("true") || v.equals("1")) {
            return true;
        }
        throw RegisterException.badInput(name, "'" + v + "' is not true or false");
    }

    private static Instant instant(Map<String, Object> values, String name) {
        String v = text(values, name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw RegisterException.badInput(name, "'" + v + "' is not an ISO instant (2026-12-01T10:00:00Z)");
        }
    }
}
