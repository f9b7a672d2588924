package org.clustergrid.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.ApiKey;
import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry an API key or the admin token, for that request only (no session). A key that
 * does not check out is answered 401 at once: a script with a revoked or mistyped key should hear so, not be served
 * as anonymous.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    private final Accounts accounts;
    private final AdminTokenKey adminToken;
    private final ErrorResponses errors;

    ApiKeyFilter(Accounts accounts, AdminTokenKey adminToken, ErrorResponses errors) {
        this.accounts = accounts;
        this.adminToken = adminToken;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = Credentials.presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<KeyAuthentication> auth;
        try {
            auth = authenticate(presented);
        } catch (RuntimeException e) {
            errors.storeDown(request, response, e);
            return;
        }
        if (auth.isEmpty()) {
            errors.commence(request, response, new BadCredentialsException(
                    "the API key is not valid: unknown, revoked, or its user was removed"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<KeyAuthentication> authenticate(String presented) {
        if (adminToken.matches(presented)) {
            return Optional.of(new KeyAuthentication(new Caller("clustergrid.admin.token", "token"), Role.ADMIN));
        }
        return accounts.checkKey(presented).map(g -> new KeyAuthentication(new Caller(actor(g.key()), "key"), g.role()));
    }

    /** The audit log's name for a key: its name and id, and its user when it has one. */
    private static String actor(ApiKey k) {
        return k.name() + " (key " + k.id() + (k.username() == null ? "" : ", user " + k.username()) + ")";
    }
}
