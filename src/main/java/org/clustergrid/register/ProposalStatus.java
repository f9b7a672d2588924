package org.clustergrid.register;

import java.util.Locale;

/** Where a proposal stands: waiting for an editor, or decided once and for good. */
public enum ProposalStatus {
    PENDING, ACCEPTED, REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code id}; refused naming {@code field} when there is none. */
    public static ProposalStatus of(String id, String field) {
        for (ProposalStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw RegisterException.badInput(field, "'" + id + "' is not a status; use pending, accepted or rejected");
    }
}
