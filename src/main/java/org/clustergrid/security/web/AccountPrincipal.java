package org.clustergrid.security.web;

import java.time.Instant;
import java.util.Collection;
import org.clustergrid.security.Role;
import org.clustergrid.security.User;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user as the session keeps them. {@code changedAt} ties the session to the account as it was at sign-in:
 * a later change of password or role ends it ({@link SessionAccountCheck}).
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {
    private final String username;
    private final Role role;
    private final Instant changedAt;
    private String passwordHash;

    AccountPrincipal(User user) {
        this.username = user.username();
        this.role = user.role();
        this.changedAt = user.changedAt();
        this.passwordHash = user.passwordHash();
    }

    Role role() {
        return role;
    }

    Instant changedAt() {
        return changedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return AuthorityUtils.createAuthorityList(role.authorities());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
