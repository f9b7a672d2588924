package org.clustergrid.security.web;

import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.springframework.security.core.Authentication;

/** Who an authentication stands for, as the audit log and {@code /api/session} name them. */
public final class Callers {
    private Callers() {}

    public static Caller of(Authentication auth) {
        if (auth instanceof KeyAuthentication k) {
            return k.caller();
        }
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return new Caller(p.getUsername(), "session");
        }
        return Caller.ANONYMOUS;
    }

    /** The caller's role; null when anonymous. */
    static Role role(Authentication auth) {
        if (auth instanceof KeyAuthentication k) {
            return k.role();
        }
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p.role() : null;
    }
}
