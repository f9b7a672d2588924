package org.clustergrid.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Caller;
import org.clustergrid.store.StoreUnavailableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After a sign-in attempt or sign-out: records it in the audit log and sends the browser on. A failed sign-in says
 * only that the name or password was wrong, never which.
 */
final class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {
    private final AuditLog audit;
    private final LoginThrottle throttle;

    LoginHandlers(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        throttle.succeeded(auth.getName());
        audit.record(AuditEntry.of(new Caller(auth.getName(), "session"), "login", "user " + auth.getName(), 200,
                request.getRemoteAddr(), null));
        response.sendRedirect(request.getContextPath() + safeNext(request.getParameter("next")));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String username = request.getParameter("username");
        String error;
        if (StoreUnavailableException.reason(e) != null) {
            error = "unavailable"; // the accounts could not be read: not the user's failure
        } else {
            error = e instanceof LoginThrottledException ? "throttled" : "credentials";
            if (error.equals("credentials")) {
                throttle.failed(username, request.getRemoteAddr());
            }
            String action = error.equals("throttled") ? "login-throttled" : "login-failed";
            audit.record(AuditEntry.of(Caller.ANONYMOUS, action, "user " + (username == null ? "" : username), 401,
                    request.getRemoteAddr(), null));
        }
        String next = request.getParameter("next");
        response.sendRedirect(request.getContextPath() + ErrorResponses.LOGIN_PAGE + "?error=" + error
                + (next == null ? "" : "&next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8)));
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        if (auth != null) {
            audit.record(AuditEntry.of(new Caller(auth.getName(), "session"), "logout", "user " + auth.getName(),
                    200, request.getRemoteAddr(), null));
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(request.getContextPath() + ErrorResponses.LOGIN_PAGE + "?signedout");
        }
    }

    /** Where to go after signing in: a path on this server only, so the form cannot send anyone elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
