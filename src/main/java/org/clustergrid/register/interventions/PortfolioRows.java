package org.clustergrid.register.interventions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.clustergrid.register.Author;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.interventions.InterventionTable.Key;
import org.clustergrid.register.interventions.InterventionTable.Stored;
import org.clustergrid.register.interventions.Vocabulary.Origin;

/**
 * The rows accepting a portfolio's projects writes: one per project and cluster it helps, origin {@code portfolio},
 * category infrastructure, status planned, under the id {@code <Cluster Grid ID>.portfolio.<project>}. A project
 * already accepted for a cluster (its row edited or deleted since, too) keeps its row: no second one is written.
 */
public final class PortfolioRows {
    /** What a project key may hold: it is part of a row's id, in URLs. */
    public static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,119}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A row to write.
     *
     * @param project the same on every row of one project
     * @param budget the whole project's cost, repeated on each of its rows
     */
    public record Planned(String clusterGridId, String project, String title, BigDecimal budget, String currency,
            String notes) {}

    /** A row written, at version 1, with its entity tag. */
    public record Written(String id, String clusterGridId, String project, String etag) {}

    /** A row not written, and why. */
    public record Skipped(String id, String clusterGridId, String project, String reason) {}

    public record Outcome(List<Written> written, List<Skipped> skipped) {}

    private PortfolioRows() {}

    /** Every row's fields, checked as an editor's would be; 400 naming the field before anything is written. */
    static List<Fields> check(List<Planned> rows) {
        List<Fields> out = new ArrayList<>();
        for (Planned r : rows) {
            if (r.project() == null || !PROJECT.matcher(r.project()).matches()) {
                throw RegisterException.badInput("project", "'" + r.project() + "' is not a project key (letters,"
                        + " digits, '.', '_', '~' and '-', up to 120)");
            }
            ObjectNode p = JSON.createObjectNode().put("category", Vocabulary.Category.INFRASTRUCTURE.id())
                    .put("title", r.title()).put("status", Vocabulary.Status.PLANNED.id()).put("budget", r.budget())
                    .put("currency", r.currency()).put("notes", r.notes());
            out.add(InterventionInput.parse(JSON.createObjectNode().set("properties", p)));
        }
        return out;
    }

    /**
     * Writes the rows in the caller's transaction, each with its first version; rows whose cluster and project are
     * stored already, or whose cluster is not active, are skipped.
     */
    static Outcome write(Connection c, List<Planned> rows, List<Fields> fields, Predicate<String> active,
            Author by) throws SQLException {
        Instant now = Instant.now();
        List<Written> written = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            Planned r = rows.get(k);
            String id = Intervention.projectId(r.clusterGridId(), r.project());
            Optional<Stored> stored = InterventionTable.find(c, new Key(null, r.clusterGridId(), null, r.project()),
                    true);
            if (stored.isPresent()) {
                skipped.add(new Skipped(id, r.clusterGridId(), r.project(), stored.get().row().deleted()
                        ? "accepted before, and deleted since: not written again"
                        : "accepted before: the row stands as it is (version " + stored.get().row().version() + ")"));
                continue;
            }
            if (!active.test(r.clusterGridId())) {
                skipped.add(new Skipped(id, r.clusterGridId(), r.project(), "the cluster is not in the register"
                        + " (retired)"));
                continue;
            }
            Intervention made = new Intervention(id, r.clusterGridId(), fields.get(k), Origin.PORTFOLIO, null,
                    r.project(), by.actor(), now, by.actor(), now, 1, false);
            long number = InterventionTable.insertUnlessTaken(c, made);
            if (number < 0) {
                skipped.add(new Skipped(id, r.clusterGridId(), r.project(), "accepted at the same moment by"
                        + " another request"));
                continue;
            }
            InterventionHistory.record(c, number, "create", null, made, by);
            written.add(new Written(id, r.clusterGridId(), r.project(), InterventionTag.of(made)));
        }
        return new Outcome(written, skipped);
    }
}
