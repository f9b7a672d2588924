package org.clustergrid.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Access-Control-Allow-Origin: *} on reads (GET, HEAD) of every public read endpoint (/api but admin and
 * session, /ogc, /tiles), also on errors and 304s, so web maps on any origin can use them; writes, the admin API and
 * credentials stay same-origin. Set before the request is handled so that every answer carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenReadsFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && ReadPaths.isPublic(request.getRequestURI())) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified, Link");
        }
        chain.doFilter(request, response);
    }
}
