package org.clustergrid.register;

/** An edit the register refuses, with why; the register is left unchanged. */
public final class RegisterException extends RuntimeException {
    /** Why, so that the HTTP layer can pick the status. */
    public enum Reason {
        /** A value is missing, malformed or outside its vocabulary; {@link #field()} names it (400). */
        BAD_INPUT,
        /** No cluster ever had this ID, or no such version (404). */
        NOT_FOUND,
        /** The cluster was retired; its history remains (404 on the item, restorable). */
        RETIRED,
        /** If-Match names a state the cluster is no longer in: someone changed it since (412). */
        PRECONDITION_FAILED,
        /** A change of an existing cluster without If-Match (428). */
        PRECONDITION_REQUIRED,
        /** The change cannot be made in the register's present state (409). */
        CONFLICT,
        /** The caller has too many requests waiting, e.g. pending proposals (429). */
        TOO_MANY,
        /** The caller may not see or do this, whatever their role lets them reach (403). */
        FORBIDDEN
    }

    private final Reason reason;
    private final String field;

    private RegisterException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    /** {@code field} is the property, e.g. {@code firms}, {@code geometry} or {@code attributes.owner}. */
    public static RegisterException badInput(String field, String message) {
        return new RegisterException(Reason.BAD_INPUT, field, field + ": " + message);
    }

    public static RegisterException of(Reason reason, String message) {
        return new RegisterException(reason, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The refused field, for {@link Reason#BAD_INPUT}; else null. */
    public String field() {
        return field;
    }
}
