package org.clustergrid.security.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.security.Role;
import org.clustergrid.store.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.util.HtmlUtils;

/**
 * 401, 403 (and 503 when accounts cannot be read) in each service's own format: a browser navigating to a page is sent to the sign-in page; WMS clients
 * get a ServiceExceptionReport, OGC API clients an OGC exception {@code {code, description}}, everything else the
 * API's {@code {status, error, message}}. A 401 names the scheme in {@code WWW-Authenticate}.
 */
final class ErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String LOGIN_PAGE = "/login.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String featuresPath;

    ErrorResponses(String featuresPath) {
        this.featuresPath = featuresPath;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (isNavigation(request)) {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(
                    pathAndQuery(request), StandardCharsets.UTF_8));
            return;
        }
        boolean badKey = Credentials.present(request);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"ClusterGrid\""
                + (badKey ? ", error=\"invalid_token\"" : ""));
        write(request, response, HttpStatus.UNAUTHORIZED, badKey ? e.getMessage()
                : "sign in, or send an API key (Authorization: Bearer KEY or X-API-Key: KEY)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            if (request.getServletPath().equals("/login")) { // the sign-in page was open longer than its session
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error=expired");
                return;
            }
            write(request, response, HttpStatus.FORBIDDEN, "a write from a signed-in browser needs its CSRF token"
                    + " in the X-CSRF-TOKEN header (GET /api/session gives it); scripts use an API key instead");
            return;
        }
        Role role = Callers.role(SecurityContextHolder.getContext().getAuthentication());
        write(request, response, HttpStatus.FORBIDDEN, "the role " + (role == null ? "of this caller" : role.id())
                + " may not do this (docs/security.md lists the role each endpoint needs)");
    }

    /**
     * When {@code e} says the store holding the accounts cannot be reached: 503 with {@code Retry-After}, in the
     * service's format, as the endpoints themselves answer while the database is down. Anything else is rethrown.
     */
    void storeDown(HttpServletRequest request, HttpServletResponse response, RuntimeException e) throws IOException {
        String reason = StoreUnavailableException.reason(e);
        if (reason == null) {
            throw e;
        }
        response.setHeader("Retry-After", String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "credentials cannot be checked now: " + reason);
    }

    /** A browser loading a page (not a script or a map client asking for data). */
    private static boolean isNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = request.getServletPath();
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !path.startsWith("/api/") && !path.startsWith("/tiles/") && !path.startsWith("/ogc/wms");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String q = request.getQueryString();
        return request.getRequestURI().substring(request.getContextPath().length()) + (q == null ? "" : "?" + q);
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        String path = request.getServletPath();
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith("/ogc/wms")) {
            boolean v111 = "GET".equals(request.getMethod()) && ("1.1.1".equals(request.getParameter("VERSION"))
                    || "1.1.1".equals(request.getParameter("version")) || request.getParameter("WMTVER") != null);
            response.setContentType(v111 ? "application/vnd.ogc.se_xml" : "text/xml");
            response.getWriter().write(serviceException(message, v111));
        } else if (path.equals(featuresPath) || path.startsWith(featuresPath + "/")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", status.getReasonPhrase().replace(" ", ""));
            m.put("description", message);
            response.setContentType("application/json");
            JSON.writeValue(response.getWriter(), m);
        } else {
            response.setContentType("application/json");
            JSON.writeValue(response.getWriter(), body(status, message));
        }
    }

    /** The API's error shape, as {@code org.clustergrid.api} answers it. */
    static Map<String, Object> body(HttpStatus status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.value());
        m.put("error", status.getReasonPhrase());
        m.put("message", message);
        return m;
    }

    /** WMS 1.3.0 (or 1.1.1) ServiceExceptionReport; authentication has no WMS exception code, so none is given. */
    private static String serviceException(String message, boolean v111) {
        String text = HtmlUtils.htmlEscape(message);
        return v111 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceExceptionReport version=\"1.1.1\">"
                + "<ServiceException>" + text + "</ServiceException></ServiceExceptionReport>"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServiceExceptionReport version=\"1.3.0\""
                + " xmlns=\"http://www.opengis.net/ogc\"><ServiceException>" + text
                + "</ServiceException></ServiceExceptionReport>";
    }
}
