package org.clustergrid.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user or key may do; each role includes the ones before it. */
public enum Role {
    /** Read maps, layers, scores and reports. */
    VIEWER,
    /** Also run custom scoring profiles and geometries, make scenarios and choose portfolios. */
    ANALYST,
    /** Also change the cluster register. */
    EDITOR,
    /** Also import and delete datasets, manage users and keys, and read the audit log. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, {@code ROLE_ADMIN} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of the roles it includes, so {@code hasRole("VIEWER")} holds for an admin. */
    public java.util.List<String> authorities() {
        return Arrays.stream(values()).filter(this::includes).map(Role::authority).toList();
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The lesser of two roles: a key made for a user never does more than its user may. */
    public Role atMost(Role other) {
        return includes(other) ? other : this;
    }

    /** Reads {@code viewer}, {@code ANALYST} …; the error lists the roles. */
    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")) + ", not '" + s + "'");
    }
}
