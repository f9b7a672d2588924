package org.clustergrid.security.web;

import org.clustergrid.security.Role;

/**
 * What a request needs: nothing, whatever reading needs (anonymous-read decides), to be signed in whatever anonymous
 * read says, or a role.
 */
enum Need {
    PUBLIC(null), READ(Role.VIEWER), SIGNED_IN(Role.VIEWER), ANALYST(Role.ANALYST), EDITOR(Role.EDITOR),
    ADMIN(Role.ADMIN);

    private final Role role;

    Need(Role role) {
        this.role = role;
    }

    /** The role it asks for when anonymous read is off; null for PUBLIC. */
    Role role() {
        return role;
    }
}
