package org.clustergrid.security;

/** An account change that cannot be made: no such user or key, or it would clash with what exists. */
public final class AccountException extends RuntimeException {
    /** NOT_FOUND answers 404, CONFLICT 409. */
    public enum Kind { NOT_FOUND, CONFLICT }

    private final Kind kind;

    AccountException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
