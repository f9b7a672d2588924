package org.clustergrid.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * When a write needs a CSRF token, and where it is read from. A forged cross-site request rides on the browser's
 * session cookie, so the token is asked of writes that come with a session (and of sign-in and sign-out, against
 * forced sign-ins); writes with an API key or no session at all carry no ambient authority and are judged by their
 * credentials alone (which for no credentials is a 401).
 */
final class CsrfRules {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfRules() {}

    static final RequestMatcher REQUIRED = request -> {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        String path = request.getServletPath();
        if (path.equals("/login") || path.equals("/logout")) {
            return true;
        }
        return !Credentials.present(request) && request.getRequestedSessionId() != null;
    };

    /**
     * Spring's BREACH-safe tokens, read from the {@code X-CSRF-TOKEN} header, or from the {@code _csrf} field of a
     * urlencoded form (the sign-in page) only: reading a parameter of a multipart body would make the server take in
     * the whole upload before anyone is authenticated.
     */
    static final class HeaderFirst implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            xor.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            String type = request.getContentType();
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                return xor.resolveCsrfTokenValue(request, token);
            }
            return xor.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
                @Override
                public String getParameter(String name) {
                    return null;
                }
            }, token);
        }
    }
}
