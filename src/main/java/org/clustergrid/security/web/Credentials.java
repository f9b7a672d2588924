package org.clustergrid.security.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where scripts put a key: {@code X-API-Key: KEY}, {@code Authorization: Bearer KEY}, or for the configured admin
 * token also {@code X-Admin-Token: TOKEN}. Browsers cannot add these headers to a cross-site request without a CORS
 * preflight, which the server never grants for them, so requests carrying one need no CSRF token.
 */
final class Credentials {
    static final String API_KEY = "X-API-Key";
    static final String ADMIN_TOKEN = "X-Admin-Token";

    private Credentials() {}

    /** The key or token presented, or null. */
    static String presented(HttpServletRequest request) {
        String key = request.getHeader(API_KEY);
        if (key == null) {
            key = request.getHeader(ADMIN_TOKEN);
        }
        String auth = request.getHeader("Authorization");
        if (key == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = auth.substring(7);
        }
        return key == null ? null : key.trim();
    }

    static boolean present(HttpServletRequest request) {
        return presented(request) != null;
    }
}
