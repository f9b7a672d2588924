package org.clustergrid.security.web;

import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A request authenticated by an API key or the admin token: for this request only, never put in a session. */
final class KeyAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;
    private final Role role;

    KeyAuthentication(Caller caller, Role role) {
        super(AuthorityUtils.createAuthorityList(role.authorities()));
        this.caller = caller;
        this.role = role;
        setAuthenticated(true);
    }

    Caller caller() {
        return caller;
    }

    Role role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller.name();
    }
}
