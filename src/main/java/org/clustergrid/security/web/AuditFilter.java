package org.clustergrid.security.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Caller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write (any method but GET, HEAD, OPTIONS) by a signed-in user or key once it is answered: who, the
 * method and path, what it named (path variables, an import's dataset), and the status — refusals included.
 * Anonymous writes are refused with 401 before anything runs and are left to the access log, so that nobody can fill
 * the audit log without credentials.
 */
final class AuditFilter extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Callers.of(SecurityContextHolder.getContext().getAuthentication());
        if (READS.contains(request.getMethod()) || caller.equals(Caller.ANONYMOUS)) {
            chain.doFilter(request, response);
            return;
        }
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(caller, request, response));
            } else {
                record(caller, request, failed ? 500 : response.getStatus());
            }
        }
    }

    private void record(Caller caller, HttpServletRequest request, int status) {
        audit.record(AuditEntry.of(caller, request.getMethod() + " " + request.getRequestURI(), target(request, status),
                status, request.getRemoteAddr(), null));
    }

    /**
     * The path variables the handler was called with, and an upload's {@code dataset} field. The field is read only
     * when the handler ran, so the body was taken in already; never for a refused request.
     */
    private static String target(HttpServletRequest request, int status) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<String, String> named = new TreeMap<>();
        if (vars instanceof Map<?, ?> m) {
            m.forEach((k, v) -> named.put(String.valueOf(k), String.valueOf(v)));
        }
        boolean handled = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) != null
                && status != 401 && status != 403 && status != 413;
        String type = request.getContentType();
        if (handled && type != null && type.startsWith("multipart/form-data")) {
            String dataset = request.getParameter("dataset");
            if (dataset != null) {
                named.put("dataset", dataset);
            }
        }
        return named.isEmpty() ? null : named.toString().replaceAll("^\\{|\\}$", "");
    }

    /** Records a write answered asynchronously when it completes. */
    private final class Completion implements AsyncListener {
        private final Caller caller;
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        Completion(Caller caller, HttpServletRequest request, HttpServletResponse response) {
            this.caller = caller;
            this.request = request;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(caller, request, response.getStatus());
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
