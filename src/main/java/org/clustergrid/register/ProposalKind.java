package org.clustergrid.register;

import java.util.Locale;

/** What a proposal asks for: a new cluster, a JSON Merge Patch of one, or retiring one. */
public enum ProposalKind {
    CREATE, UPDATE, RETIRE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id}; refused naming {@code kind} when there is none. */
    public static ProposalKind of(String id) {
        for (ProposalKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw RegisterException.badInput("kind", "expected create, update or retire, found "
                + (id == null ? "nothing" : "'" + id + "'"));
    }
}
