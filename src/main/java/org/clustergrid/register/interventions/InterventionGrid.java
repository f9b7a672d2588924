package org.clustergrid.register.interventions;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.ClusterTag;
import org.clustergrid.register.RegisterException;
import org.clustergrid.register.RegisterException.Reason;
import org.clustergrid.register.Transactions;
import org.clustergrid.register.interventions.InterventionTable.Key;
import org.clustergrid.register.interventions.InterventionTable.Stored;
import org.clustergrid.register.interventions.Vocabulary.Origin;
import org.clustergrid.store.SpatialStore;

/**
 * Every cluster's Intervention grid: the stored rows joined with the rows the current run's gaps make
 * ({@link ComputedRows}), read and changed with optimistic locking. Each change is one transaction holding the row's
 * new state and its version; a change of a computed row stores it, under the same id, as its first version.
 */
public final class InterventionGrid {
    /** What a change answers: the row as it now is and the number of the version made (or kept). */
    public record Result(GridRow row, int version) {}

    private final SpatialStore store;
    private final ClusterRegister register;
    private final GapSource gaps;
    private final Transactions transactions;

    public InterventionGrid(SpatialStore store, ClusterRegister register, GapSource gaps) {
        this.store = store;
        this.register = register;
        this.gaps = gaps;
        this.transactions = new Transactions(store.dataSource());
    }

    /** Every cluster's grid, cluster by cluster in the run's order, then the rows of retired clusters. */
    public List<GridRow> all() {
        GapSource.Run run = gaps.current();
        Map<String, List<Intervention>> stored = new LinkedHashMap<>();
        transactions.read(c -> InterventionTable.list(c, null)).forEach(i -> stored.computeIfAbsent(
                i.clusterGridId(), k -> new ArrayList<>()).add(i));
        List<GridRow> out = new ArrayList<>();
        for (GapSource.ClusterGaps cg : run.clusters()) {
            List<Intervention> own = stored.remove(cg.clusterGridId());
            ComputedRows.merge(cg, own == null ? List.of() : own, run).forEach(i -> out.add(row(i, cg)));
        }
        stored.values().forEach(rows -> ComputedRows.merge(null, rows, run).forEach(i -> out.add(row(i, null))));
        return out;
    }

    /** One cluster's grid; 404 for an id no cluster ever had. */
    public List<GridRow> ofCluster(String clusterGridId) {
        GapSource.Run run = gaps.current();
        GapSource.ClusterGaps cg = cluster(run, clusterGridId);
        List<Intervention> stored = transactions.read(c -> InterventionTable.list(c, clusterGridId));
        if (cg == null && stored.isEmpty() && !everACluster(clusterGridId)) {
            throw RegisterException.of(Reason.NOT_FOUND, "no cluster " + clusterGridId + " in the register");
        }
        return ComputedRows.merge(cg, stored, run).stream().map(i -> row(i, cg)).toList();
    }

    public Optional<GridRow> get(String id) {
        GapSource.Run run = gaps.current();
        return transactions.read(c -> current(c, id, run, false)).filter(s -> !s.row().deleted())
                .map(s -> row(s.row(), cluster(run, s.row().clusterGridId())));
    }

    /** The versions of a stored row, oldest first; none for a computed row nobody has edited. */
    public List<InterventionHistory.Version> history(String id) {
        GapSource.Run run = gaps.current();
        return transactions.read(c -> {
            Stored s = current(c, id, run, false).orElseThrow(() -> notFound(id));
            return s.number() < 0 ? List.of() : InterventionHistory.versions(c, s.number());
        });
    }

    /** A new row, typed in by hand, for an active cluster. */
    public Result create(JsonNode feature, Author by) {
        String cluster = InterventionInput.clusterOf(feature);
        Fields f = InterventionInput.parse(feature);
        JsonNode origin = feature.path("properties").get("origin");
        if (origin != null && !origin.isNull() && !Origin.ENTERED.id().equals(origin.asText())) {
            throw RegisterException.badInput("origin", "a row made by hand is 'entered'; computed rows come from the"
                    + " scoring run");
        }
        if (store.clusterByGridId(cluster).isEmpty()) {
            throw RegisterException.badInput("cluster_grid_id", everACluster(cluster) ? cluster + " is retired"
                    : "no cluster " + cluster + " in the register");
        }
        Instant now = Instant.now();
        Intervention draft = new Intervention(null, cluster, f, Origin.ENTERED, null, null, by.actor(), now, by.actor(),
                now, 1, false);
        GapSource.Run run = gaps.current();
        return transactions.write(c -> {
            long number = InterventionTable.insert(c, draft);
            Intervention made = new Intervention(String.valueOf(number), cluster, f, Origin.ENTERED, null,
                    null, by.actor(), now, by.actor(), now, 1, false);
            InterventionHistory.record(c, number, "create", null, made, by);
            return new Result(row(made, cluster(run, cluster)), 1);
        });
    }

    /**
     * Writes the rows of accepted portfolio projects in one transaction, all or nothing ({@link PortfolioRows}): every
     * row is checked before any is written, and rows already accepted are skipped, not written twice.
     */
    public PortfolioRows.Outcome accept(List<PortfolioRows.Planned> rows, Author by) {
        List<Fields> fields = PortfolioRows.check(rows);
        return transactions.write(c -> PortfolioRows.write(c, rows, fields,
                id -> store.clusterByGridId(id).isPresent(), by));
    }

    /**
     * Changes a row's fields ({@code action} replace or update) when {@code ifMatch} names its current state: 428
     * without it, 412 when it moved on, nothing stored when nothing changes.
     */
    public Result change(String id, String ifMatch, JsonNode body, UnaryOperator<Fields> edit, String action,
            Author by) {
        return write(id, ifMatch, action, i -> {
            InterventionInput.sameCluster(body, i.clusterGridId());
            return i.withFields(edit.apply(i.fields()));
        }, by);
    }

    /** Removes a row from the grid; it is kept as deleted, and a computed one does not come back. */
    public Result delete(String id, String ifMatch, Author by) {
        return write(id, ifMatch, "delete", i -> new Intervention(i.id(), i.clusterGridId(), i.fields(), i.origin(),
                i.gapIndicator(), i.project(), i.createdBy(), i.createdAt(), i.changedBy(), i.changedAt(), i.version(), true), by);
    }

    private Result write(String id, String ifMatch, String action, UnaryOperator<Intervention> edit, Author by) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw RegisterException.of(Reason.PRECONDITION_REQUIRED, "If-Match is required: send the ETag the row"
                    + " was read with (or * to overwrite whatever is there)");
        }
        GapSource.Run run = gaps.current();
        return transactions.write(c -> {
            Stored s = current(c, id, run, true).filter(x -> !x.row().deleted()).orElseThrow(() -> notFound(id));
            Intervention before = s.row();
            String tag = InterventionTag.of(before);
            if (!ClusterTag.matches(ifMatch, tag)) {
                throw RegisterException.of(Reason.PRECONDITION_FAILED, "intervention " + id + " has changed since "
                        + ifMatch.strip() + "; it is now " + tag + ": read it again");
            }
            Intervention edited = edit.apply(before);
            GapSource.ClusterGaps cg = cluster(run, before.clusterGridId());
            if (InterventionHistory.state(edited).equals(InterventionHistory.state(before))) {
                return new Result(row(before, cg), before.version());
            }
            Instant now = Instant.now();
            Intervention after = new Intervention(before.id(), before.clusterGridId(), edited.fields(),
                    before.origin(), before.gapIndicator(), before.project(), before.stored() ? before.createdBy() : by.actor(),
                    before.stored() ? before.createdAt() : now, by.actor(), now, before.version() + 1,
                    edited.deleted());
            long number = s.number();
            if (number < 0) {
                number = insertComputed(c, after);
            } else {
                InterventionTable.update(c, number, after);
            }
            InterventionHistory.record(c, number, action, before, after, by);
            return new Result(row(after, cg), after.version());
        });
    }

    /** Stores a computed row; a unique violation means another editor stored it first: their change wins (412). */
    private static long insertComputed(Connection c, Intervention row) throws SQLException {
        long number = InterventionTable.insertUnlessTaken(c, row);
        if (number < 0) {
            throw RegisterException.of(Reason.PRECONDITION_FAILED, "intervention " + row.id() + " was changed"
                    + " by someone else at the same moment; read it again");
        }
        return number;
    }

    /**
     * The row of that id as it now is, stored (locked when asked) or computed from the run (number −1); deleted
     * stored rows are returned too, so that their id stays taken.
     */
    private static Optional<Stored> current(Connection c, String id, GapSource.Run run, boolean lock)
            throws SQLException {
        Key key = Key.of(id);
        if (key == null) {
            return Optional.empty();
        }
        Optional<Stored> stored = InterventionTable.find(c, key, lock);
        if (stored.isPresent() || key.number() != null || key.project() != null) {
            return stored;
        }
        GapSource.ClusterGaps cg = cluster(run, key.clusterGridId());
        if (cg == null) {
            return Optional.empty();
        }
        return cg.gaps().stream().filter(g -> g.indicator().equals(key.indicator())).findFirst()
                .map(g -> new Stored(-1, ComputedRows.of(cg.clusterGridId(), g, run)));
    }

    private static GridRow row(Intervention i, GapSource.ClusterGaps cg) {
        String gapState = null;
        if (i.gapIndicator() != null && cg != null) {
            gapState = cg.gaps().stream().anyMatch(g -> g.indicator().equals(i.gapIndicator())) ? "open" : "closed";
        }
        return new GridRow(i, cg == null ? null : cg.anchor(), gapState);
    }

    private static GapSource.ClusterGaps cluster(GapSource.Run run, String clusterGridId) {
        for (GapSource.ClusterGaps cg : run.clusters()) {
            if (cg.clusterGridId().equals(clusterGridId)) {
                return cg;
            }
        }
        return null;
    }

    private boolean everACluster(String id) {
        return store.clusterByGridId(id).isPresent() || register.isRetired(id);
    }

    private static RegisterException notFound(String id) {
        return RegisterException.of(Reason.NOT_FOUND, "no intervention '" + id + "' in the grid");
    }
}
