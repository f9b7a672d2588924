package org.clustergrid.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import org.clustergrid.register.RegisterException.Reason;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;

/**
 * One queue of proposed changes to the register. Anyone signed in proposes a new cluster, a JSON Merge Patch of one
 * or its retirement; the proposal is checked as the edit itself would be, so a bad one is refused and never stored.
 * An editor accepts it — the change goes through the register's own edit path, in the transaction that marks the
 * proposal accepted, as a version by the editor naming the proposal — or rejects it with a note. A proposal is
 * decided once; one made against a state of the cluster that has since changed cannot be accepted.
 */
public final class Proposals {
    /** Most proposals one caller may have waiting: enough for a survey's corrections, not for flooding the queue. */
    public static final int MAX_PENDING = 100;
    /** Longest proposed body, as JSON text (the edit itself allows more; a proposal is for a person to read). */
    public static final int MAX_BODY_CHARS = 500_000;
    /** Most proposals one list answers. */
    public static final int MAX_LIST = 1_000;

    /**
     * A proposal as sent; the proposer's reason comes as their {@link Author#comment()}.
     *
     * @param etag the cluster's ETag the proposer read (optional: the current one is taken when absent)
     */
    public record Submission(String kind, String clusterGridId, JsonNode body, String etag) {}

    private final Transactions transactions;
    private final ClusterRegister register;

    public Proposals(SpatialStore store, ClusterRegister register) {
        this.transactions = new Transactions(store.dataSource());
        this.register = register;
    }

    /** Checks and stores a proposal, in one transaction; refused (nothing stored) as the edit would be. */
    public Proposal submit(Submission s, Author proposer) {
        ProposalKind kind = ProposalKind.of(s.kind());
        JsonNode body = s.body() == null || s.body().isNull() ? null : s.body();
        if (body != null && body.toString().length() > MAX_BODY_CHARS) {
            throw RegisterException.badInput("body", "is " + body.toString().length() + " characters of JSON, more"
                    + " than the " + MAX_BODY_CHARS + " a proposal may have; send the change to an editor instead");
        }
        return transactions.write(c -> {
            String id = s.clusterGridId();
            String etag = null;
            switch (kind) {
                case CREATE -> {
                    if (id != null) {
                        throw RegisterException.badInput("clusterGridId", "a new cluster gets a new ID; ask for one"
                                + " with the cluster_grid_id property of the body");
                    }
                    register.checkNew(c, ClusterInput.parse(required(body, "a GeoJSON Feature")));
                }
                case UPDATE -> {
                    JsonNode patch = required(body, "a JSON Merge Patch of the cluster");
                    etag = tagOf(register.checkChange(c, clusterId(id), current -> ClusterPatch.apply(current,
                            patch)), s.etag());
                }
                case RETIRE -> {
                    if (body != null) {
                        throw RegisterException.badInput("body", "a retirement has no body; say why in comment");
                    }
                    etag = tagOf(register.current(c, clusterId(id)), s.etag());
                }
            }
            if (ProposalTable.pendingOf(c, proposer.actor()) >= MAX_PENDING) {
                throw RegisterException.of(Reason.TOO_MANY, proposer.actor() + " has " + MAX_PENDING
                        + " proposals waiting already, the most one may have; wait for editors to decide some");
            }
            Proposal p = new Proposal(0, kind, id, body, etag, proposer.comment(), proposer.actor(), proposer.via(),
                    Instant.now(), ProposalStatus.PENDING, null, null, null, null, null);
            return get(c, ProposalTable.insert(c, p));
        });
    }

    public Proposal get(long id) {
        return transactions.read(c -> get(c, id));
    }

    /** Newest first, at most {@link #MAX_LIST}; a null status or proposer does not narrow the list. */
    public List<Proposal> list(ProposalStatus status, String proposer) {
        return transactions.read(c -> ProposalTable.list(c, status, proposer, MAX_LIST));
    }

    /**
     * Applies the proposed change as {@code editor} (whose comment is the note) and marks the proposal accepted, in
     * one transaction: both happen or neither. 409 when it was decided already, or the cluster changed since.
     */
    public Proposal accept(long id, Author editor) {
        return transactions.write(c -> {
            Proposal p = pending(c, id);
            Author by = new Author(editor.actor(), editor.via(), versionComment(p, editor.comment()));
            String cluster;
            int version;
            try {
                switch (p.kind()) {
                    case CREATE -> {
                        ClusterRegister.Result r = register.createIn(c, ClusterInput.parse(p.body()), by);
                        cluster = r.feature().layerId();
                        version = r.version();
                    }
                    case UPDATE -> {
                        ClusterRegister.Result r = update(c, p, by);
                        cluster = p.clusterGridId();
                        version = r.version();
                    }
                    default -> {
                        cluster = p.clusterGridId();
                        version = register.retireIn(c, cluster, p.etag(), by);
                    }
                }
            } catch (RegisterException e) {
                throw stale(p, e);
            }
            ProposalTable.decide(c, id, ProposalStatus.ACCEPTED, editor.actor(), Instant.now(), editor.comment(),
                    cluster, version);
            return get(c, id);
        });
    }

    /** Marks the proposal rejected with the editor's note (required: the proposer should learn why). */
    public Proposal reject(long id, Author editor) {
        if (editor.comment() == null) {
            throw RegisterException.badInput("note", "say why the proposal is rejected; the proposer reads it");
        }
        return transactions.write(c -> {
            pending(c, id);
            ProposalTable.decide(c, id, ProposalStatus.REJECTED, editor.actor(), Instant.now(), editor.comment(),
                    null, null);
            return get(c, id);
        });
    }

    // -- inside a transaction

    /**
     * A patch that changes nothing any more is accepted all the same, as the version the cluster is at; what the
     * edit path wrote before finding so (the data version) is undone, as for an edit that changes nothing.
     */
    private ClusterRegister.Result update(Connection c, Proposal p, Author by) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            return register.changeIn(c, p.clusterGridId(), p.etag(), Action.UPDATE,
                    current -> ClusterPatch.apply(current, p.body()), by);
        } catch (Transactions.Unchanged u) {
            c.rollback(before);
            return (ClusterRegister.Result) u.answer();
        }
    }

    private static Proposal get(Connection c, long id) throws SQLException {
        return ProposalTable.find(c, id).orElseThrow(() -> RegisterException.of(Reason.NOT_FOUND,
                "no proposal " + id));
    }

    private static Proposal pending(Connection c, long id) throws SQLException {
        Proposal p = ProposalTable.lock(c, id).orElseThrow(() -> RegisterException.of(Reason.NOT_FOUND,
                "no proposal " + id));
        if (p.status() != ProposalStatus.PENDING) {
            throw RegisterException.of(Reason.CONFLICT, "proposal " + id + " was " + p.status().id() + " by "
                    + p.decidedBy() + " at " + p.decidedAt() + " and cannot be decided again");
        }
        return p;
    }

    /** Why accepting failed, as a conflict: the proposal stays pending and the register as it was. */
    private static RegisterException stale(Proposal p, RegisterException e) {
        String what = p.cluster() == null ? "" : "cluster " + p.cluster() + " ";
        String why = switch (e.reason()) {
            case PRECONDITION_FAILED -> what + "has changed since proposal " + p.id() + " was made (it was "
                    + p.etag() + "); propose again against its current state, or edit it by hand";
            case RETIRED, NOT_FOUND -> what + "is no longer in the register: " + e.getMessage();
            default -> "proposal " + p.id() + " can no longer be applied: " + e.getMessage();
        };
        return RegisterException.of(Reason.CONFLICT, why);
    }

    /** The version's comment names the proposal and its proposer, then their reason and the editor's note. */
    private static String versionComment(Proposal p, String note) {
        StringBuilder s = new StringBuilder("proposal ").append(p.id()).append(" by ").append(p.proposer());
        if (p.comment() != null) {
            s.append(": ").append(p.comment());
        }
        if (note != null) {
            s.append(" (accepted: ").append(note).append(')');
        }
        return s.length() <= Author.MAX_COMMENT ? s.toString() : s.substring(0, Author.MAX_COMMENT - 1) + "…";
    }

    private static String clusterId(String id) {
        if (id == null || id.isBlank()) {
            throw RegisterException.badInput("clusterGridId", "name the cluster the proposal is for");
        }
        return id;
    }

    private static JsonNode required(JsonNode body, String what) {
        if (body == null) {
            throw RegisterException.badInput("body", what + " is required");
        }
        return body;
    }

    /** The tag the proposal is made against: the current one, which the proposer's, when given, must be. */
    private static String tagOf(StoredFeature current, String given) {
        if (given != null && !given.isBlank() && !ClusterTag.matches(given, current)) {
            throw RegisterException.of(Reason.CONFLICT, "cluster " + current.layerId() + " has changed since "
                    + given.strip() + "; it is now " + ClusterTag.of(current) + ": read it again and propose against"
                    + " that state");
        }
        return ClusterTag.of(current);
    }
}
