package org.clustergrid.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.register.RegisterException.Reason;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreVersion;
import org.clustergrid.store.StoredFeature;

/**
 * Edits the register one cluster at a time. Each edit is one transaction holding the new row state and its version
 * in the history, and grows the store's data version (as an import does), so caches, ETags and the next scoring run
 * follow it; a failed or refused edit leaves everything as it was.
 */
public final class ClusterRegister {
    /** The dataset clusters made by editing belong to, created with the first one. */
    public static final String EDITED_DATASET = "register";
    private static final String EDITED_TITLE = "Cluster register (edited)";
    private static final String EDITED_SOURCE = "edited in ClusterGrid";
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    /**
     * A cluster's state after an edit.
     *
     * @param feature the cluster as stored now
     * @param etag its entity tag
     * @param version the version now latest in its history
     * @param changed false when the request asked for the state the cluster already had (no version was made)
     */
    public record Result(StoredFeature feature, String etag, int version, boolean changed, List<String> warnings) {}

    /** Told of each committed edit, to follow the register (the scores of the cluster edited). */
    public interface EditListener {
        /**
         * @param dataVersion the store's data version the edit's transaction made
         * @param clusterGridId the cluster created, changed, retired or restored
         */
        void edited(long dataVersion, String clusterGridId);
    }

    private final Transactions transactions;
    private final ClusterRows rows;
    private final ClusterVersioning versioning;
    private volatile EditListener listener = (version, id) -> {};

    /** Also has the store's imports and dataset deletes record what they do to clusters in the history. */
    public ClusterRegister(SpatialStore store) {
        this.transactions = new Transactions(store.dataSource());
        this.rows = ClusterRows.of(store);
        this.versioning = new ClusterVersioning(rows);
        store.setClusterHistoryHook(new ImportHistory(rows));
    }

    /** Has {@code l} told of every edit committed from now on (after its commit, on the editing thread). */
    public void setEditListener(EditListener l) {
        this.listener = l;
    }

    /** Tells the listener of the edit to {@code id} in the transaction on {@code c}, once it commits. */
    private void tell(Connection c, long dataVersion, String id) {
        EditListener l = listener;
        Transactions.afterCommit(c, () -> {
            try {
                l.edited(dataVersion, id);
            } catch (RuntimeException e) { // the edit stands: what follows it catches up on its own
                System.getLogger(ClusterRegister.class.getName()).log(System.Logger.Level.WARNING,
                        "after the edit of " + id, e);
            }
        });
    }

    /** A new cluster in {@link #EDITED_DATASET}, with the Cluster Grid ID it asks for (never used) or a new one. */
    public Result create(Draft draft, Author author) {
        return transactions.write(c -> createIn(c, draft, author));
    }

    /** {@link #create} inside the caller's transaction (a proposal accepted with it). */
    Result createIn(Connection c, Draft draft, Author author) throws SQLException {
        long dataVersion = StoreVersion.bump(c);
        String id = checkNew(c, draft);
        if (id == null) {
            id = rows.newClusterGridId(c, country(draft.attributes()));
            if (!draft.identity().containsKey("source_id")) {
                checkNew(c, withSourceId(draft, id));
            }
        }
        tell(c, dataVersion, id);
        String sourceId = draft.identity().getOrDefault("source_id", id);
        Cluster cluster = cluster(id, sourceId, draft);
        rows.ensureDataset(c, EDITED_DATASET, EDITED_TITLE, EDITED_SOURCE);
        rows.register(c, id, EDITED_DATASET, sourceId);
        rows.insert(c, EDITED_DATASET, cluster);
        rows.refreshClusterCount(c, EDITED_DATASET);
        ClusterHistory.append(c, new ClusterVersion(id, 1, Action.CREATE, Instant.now(), author.actor(),
                author.via(), comment(author, draft), EDITED_DATASET, false, cluster,
                ClusterDiff.between(null, cluster)));
        return stored(c, id, 1, true, draft.warnings());
    }

    /**
     * Refuses a new cluster the register would refuse (dataset, a Cluster Grid ID ever used, a source id taken),
     * writing nothing; answers the ID it asks for, or null when it is to get a new one.
     */
    String checkNew(Connection c, Draft draft) throws SQLException {
        String dataset = draft.identity().getOrDefault("dataset", EDITED_DATASET);
        if (!dataset.equals(EDITED_DATASET)) {
            throw RegisterException.badInput("dataset", "clusters made by editing belong to dataset '"
                    + EDITED_DATASET + "', not '" + dataset + "'");
        }
        String id = draft.identity().get("cluster_grid_id");
        if (id != null) {
            if (!ClusterRows.isValidId(id)) {
                throw RegisterException.badInput("cluster_grid_id", "'" + id + "' is not a valid Cluster Grid ID"
                        + " (1-32 letters, digits, '.', '_' or '-')");
            }
            Optional<String> owner = rows.registryOwner(c, id);
            if (owner.isPresent()) {
                throw RegisterException.badInput("cluster_grid_id", "Cluster Grid ID " + id
                        + " already belongs to cluster " + owner.get() + " and is never reused");
            }
        }
        // without a source id, the cluster's ID is its source id (a new ID is checked once it is drawn)
        String sourceId = draft.identity().getOrDefault("source_id", id);
        Optional<String> holder = sourceId == null ? Optional.empty()
                : rows.idOfSource(c, EDITED_DATASET, sourceId);
        if (holder.isPresent()) {
            throw RegisterException.badInput("source_id", "'" + sourceId + "' is already the source id of "
                    + holder.get() + " in dataset " + EDITED_DATASET);
        }
        return id;
    }

    /** Replaces every field and the geometry (PUT); fields left out become empty. */
    public Result replace(String id, String ifMatch, Draft draft, Author author) {
        return change(id, ifMatch, Action.REPLACE, current -> draft, author);
    }

    /** Changes what {@code patch} makes of the current state (PATCH, given the state it applies to). */
    public Result update(String id, String ifMatch, Function<StoredFeature, Draft> patch, Author author) {
        return change(id, ifMatch, Action.UPDATE, patch, author);
    }

    private Result change(String id, String ifMatch, Action action, Function<StoredFeature, Draft> edit,
            Author author) {
        return transactions.write(c -> changeIn(c, id, ifMatch, action, edit, author));
    }

    /**
     * The cluster as it is and its tag, after checking that {@code edit} makes a state the register would take;
     * writes nothing (a proposal is checked so when it is made).
     */
    StoredFeature checkChange(Connection c, String id, Function<StoredFeature, Draft> edit) throws SQLException {
        StoredFeature current = live(c, id);
        Draft draft = edit.apply(current);
        Cluster before = (Cluster) current.feature();
        checkIdentity(draft, id, before.sourceId(), current.datasetId());
        cluster(id, before.sourceId(), draft);
        return current;
    }

    /** The cluster as it is, refused as an edit of it would be when it is retired or was never there. */
    StoredFeature current(Connection c, String id) throws SQLException {
        return live(c, id);
    }

    /**
     * {@link #replace} or {@link #update} inside the caller's transaction. When nothing would change it throws
     * {@link Transactions.Unchanged} with the answer, having written nothing but the catch-up version.
     */
    Result changeIn(Connection c, String id, String ifMatch, Action action, Function<StoredFeature, Draft> edit,
            Author author) throws SQLException {
        tell(c, StoreVersion.bump(c), id);
        StoredFeature current = live(c, id);
        checkIfMatch(ifMatch, current, true);
        Draft draft = edit.apply(current);
        Cluster before = (Cluster) current.feature();
        checkIdentity(draft, id, before.sourceId(), current.datasetId());
        Cluster after = cluster(id, before.sourceId(), draft);
        List<FieldChange> changes = ClusterDiff.between(before, after);
        int recorded = versioning.catchUp(c, current);
        if (changes.isEmpty()) {
            throw new Transactions.Unchanged(new Result(current, ClusterTag.of(current), recorded, false,
                    draft.warnings()));
        }
        rows.delete(c, id);
        rows.insert(c, current.datasetId(), after);
        ClusterHistory.append(c, new ClusterVersion(id, recorded + 1, action, Instant.now(), author.actor(),
                author.via(), comment(author, draft), current.datasetId(), false, after, changes));
        return stored(c, id, recorded + 1, true, draft.warnings());
    }

    /** Takes the cluster out of the live register; its ID is never reused and its history stays. */
    public int retire(String id, String ifMatch, Author author) {
        return transactions.write(c -> retireIn(c, id, ifMatch, author));
    }

    /** {@link #retire} inside the caller's transaction. */
    int retireIn(Connection c, String id, String ifMatch, Author author) throws SQLException {
        tell(c, StoreVersion.bump(c), id);
        StoredFeature current = live(c, id);
        checkIfMatch(ifMatch, current, true);
        int recorded = versioning.catchUp(c, current);
        rows.delete(c, id);
        rows.refreshClusterCount(c, current.datasetId());
        ClusterHistory.append(c, new ClusterVersion(id, recorded + 1, Action.RETIRE, Instant.now(),
                author.actor(), author.via(), author.comment(), current.datasetId(), true,
                (Cluster) current.feature(), List.of(new FieldChange("retired", false, true))));
        return recorded + 1;
    }

    /**
     * Makes an earlier version the current state again, as a new version; brings a retired cluster back. If-Match is
     * checked when given (a retired cluster has no tag to give).
     */
    public Result restore(String id, int version, String ifMatch, Author author) {
        return transactions.write(c -> {
            tell(c, StoreVersion.bump(c), id);
            ClusterVersion target = ClusterHistory.get(c, id, version).orElseThrow(() -> RegisterException.of(
                    Reason.NOT_FOUND, "cluster " + id + " has no version " + version));
            Optional<StoredFeature> current = rows.find(c, id);
            if (current.isPresent()) {
                checkIfMatch(ifMatch, current.get(), false);
            }
            int recorded = current.isPresent() ? versioning.catchUp(c, current.get())
                    : ClusterHistory.latest(c, id).map(ClusterVersion::version).orElse(0);
            if (target.datasetId().equals(EDITED_DATASET)) {
                // the edited clusters' dataset comes back with the first of them restored after it was deleted
                rows.ensureDataset(c, EDITED_DATASET, EDITED_TITLE, EDITED_SOURCE);
            } else if (rows.datasetImportedAt(c, target.datasetId()).isEmpty()) {
                throw RegisterException.of(Reason.CONFLICT, "version " + version + " of " + id
                        + " belongs to dataset " + target.datasetId() + ", which has been deleted; import it again"
                        + " first");
            }
            Cluster before = current.isPresent() ? (Cluster) current.get().feature()
                    : ClusterHistory.latest(c, id).map(ClusterVersion::state).orElse(null);
            List<FieldChange> changes = new ArrayList<>();
            if (current.isEmpty()) {
                changes.add(new FieldChange("retired", true, false));
            }
            changes.addAll(ClusterDiff.between(before, target.state()));
            if (changes.isEmpty()) {
                throw new Transactions.Unchanged(new Result(current.get(), ClusterTag.of(current.get()), recorded,
                        false, List.of()));
            }
            if (current.isPresent()) {
                rows.delete(c, id);
            }
            rows.insert(c, target.datasetId(), target.state());
            rows.refreshClusterCount(c, target.datasetId());
            String why = author.comment() != null ? author.comment() : "restored version " + version;
            ClusterHistory.append(c, new ClusterVersion(id, recorded + 1, Action.RESTORE, Instant.now(),
                    author.actor(), author.via(), why, target.datasetId(), false, target.state(), changes));
            return stored(c, id, recorded + 1, true, List.of());
        });
    }

    /** Every version of a cluster, oldest first; a cluster never edited has one, the state its import left. */
    public List<ClusterVersion> history(String id) {
        return transactions.read(c -> {
            List<ClusterVersion> versions = ClusterHistory.list(c, id);
            Optional<StoredFeature> current = rows.find(c, id);
            ClusterVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (current.isPresent() && ClusterVersioning.unrecorded(latest, current.get())) {
                // shown as the version it will be recorded as with the next change: reading writes nothing
                List<ClusterVersion> out = new ArrayList<>(versions);
                out.add(ClusterVersioning.importVersion(current.get(), latest, null,
                        versioning.importedAt(c, current.get())));
                return out;
            }
            if (versions.isEmpty()) {
                throw RegisterException.of(Reason.NOT_FOUND, "no cluster has Cluster Grid ID " + id);
            }
            return versions;
        });
    }

    /** Whether a cluster with this ID was retired (and not brought back): its item is gone, its history is not. */
    public boolean isRetired(String id) {
        return transactions.read(c -> rows.find(c, id).isEmpty()
                && ClusterHistory.latest(c, id).map(ClusterVersion::retired).orElse(false));
    }

    public ClusterVersion version(String id, int version) {
        List<ClusterVersion> all = history(id);
        return all.stream().filter(v -> v.version() == version).findFirst().orElseThrow(() -> RegisterException.of(
                Reason.NOT_FOUND, "cluster " + id + " has no version " + version + " (it has 1 to " + all.size()
                        + ")"));
    }

    // -- inside a transaction

    private StoredFeature live(Connection c, String id) throws SQLException {
        Optional<StoredFeature> f = rows.find(c, id);
        if (f.isPresent()) {
            return f.get();
        }
        if (rows.registryOwner(c, id).isPresent()) {
            throw RegisterException.of(Reason.RETIRED, "cluster " + id + " is retired; its history is at"
                    + " /api/clusters/" + id + "/history and a version can be restored");
        }
        throw RegisterException.of(Reason.NOT_FOUND, "no cluster has Cluster Grid ID " + id);
    }

    private static Draft withSourceId(Draft draft, String sourceId) {
        Map<String, String> identity = new LinkedHashMap<>(draft.identity());
        identity.put("source_id", sourceId);
        return new Draft(identity, draft.properties(), draft.attributes(), draft.geometry(), draft.warnings(),
                draft.comment());
    }

    private static void checkIfMatch(String ifMatch, StoredFeature current, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw RegisterException.of(Reason.PRECONDITION_REQUIRED, "changing cluster " + current.layerId()
                        + " needs If-Match with the ETag of the state you edited (GET the item for it)");
            }
            return;
        }
        if (!ClusterTag.matches(ifMatch, current)) {
            throw RegisterException.of(Reason.PRECONDITION_FAILED, "cluster " + current.layerId()
                    + " has changed since " + ifMatch.strip() + "; it is now " + ClusterTag.of(current)
                    + ": GET it again and apply your change to that state");
        }
    }

    private static void checkIdentity(Draft draft, String id, String sourceId, String datasetId) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("cluster_grid_id", id);
        expected.put("source_id", sourceId);
        expected.put("dataset", datasetId);
        expected.forEach((field, value) -> {
            String given = draft.identity().get(field);
            if (given != null && !given.equals(value)) {
                throw RegisterException.badInput(field, "is '" + value + "' and never changes (asked for '" + given
                        + "')");
            }
        });
    }

    private Result stored(Connection c, String id, int version, boolean changed, List<String> warnings)
            throws SQLException {
        StoredFeature f = rows.find(c, id).orElseThrow();
        return new Result(f, ClusterTag.of(f), version, changed, warnings);
    }

    private static Cluster cluster(String id, String sourceId, Draft draft) {
        Map<String, Object> props = new LinkedHashMap<>(draft.properties());
        props.put("cluster_grid_id", id);
        return (Cluster) LayerProperties.toFeature(Layer.CLUSTERS, sourceId, draft.geometry(), props,
                draft.attributes());
    }

    /** The comment header wins over a {@code comment} property; either may be absent. */
    private static String comment(Author author, Draft draft) {
        return author.comment() != null ? author.comment() : draft.comment();
    }

    private static String country(Map<String, Object> attributes) {
        for (String key : new String[] {"country_iso2", "country_code", "country", "iso2"}) {
            Object v = attributes.get(key);
            if (v != null && COUNTRY.matcher(v.toString().trim()).matches()) {
                return v.toString().trim().toUpperCase(Locale.ROOT);
            }
        }
        return "XX";
    }
}
