package org.clustergrid.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user was removed, or whose password or role changed since signing in (on any server sharing
 * the store): the request goes on as anonymous and the session is invalidated. One primary-key read per request;
 * with the store down, 503.
 */
final class SessionAccountCheck extends OncePerRequestFilter {
    private final Accounts accounts;
    private final ErrorResponses errors;

    SessionAccountCheck(Accounts accounts, ErrorResponses errors) {
        this.accounts = accounts;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            Optional<User> now;
            try {
                now = accounts.user(p.getUsername());
            } catch (RuntimeException e) {
                errors.storeDown(request, response, e);
                return;
            }
            if (now.isEmpty() || !now.get().changedAt().equals(p.changedAt())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
