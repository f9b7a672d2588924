package org.clustergrid.security;

import java.time.Instant;

/**
 * One audited event: a write (method and path), a sign-in or sign-out, or an account change from the command line.
 *
 * @param id assigned by the store; 0 before
 * @param action e.g. {@code DELETE /api/admin/datasets/demo}, {@code login}, {@code login-failed}
 * @param target what it acted on, e.g. {@code dataset demo}, {@code user alice}; null when nothing in particular
 * @param status the HTTP status answered; 200 for a command-line change that succeeded
 * @param remote the client's address; null from the command line
 */
public record AuditEntry(long id, Instant at, String actor, String via, String action, String target, int status,
        String remote, String detail) {

    public static AuditEntry of(Caller caller, String action, String target, int status, String remote,
            String detail) {
        return new AuditEntry(0, Instant.now(), caller.name(), caller.via(), action, target, status, remote, detail);
    }
}
