package org.clustergrid.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address clients reach the server at, for every absolute link it writes (OGC API links, WMS capabilities,
 * TileJSON, paging): {@code clustergrid.public-url} when set, so that neither a client's {@code Host} header nor a
 * proxy decides it; {@code X-Forwarded-*} / {@code Forwarded} headers only when {@code
 * clustergrid.trust-forwarded-headers=true} (behind a reverse proxy that sets them); otherwise the request's own.
 */
final class PublicUrl extends OncePerRequestFilter {
    private static final List<String> FORWARDED = List.of("forwarded", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-proto", "x-forwarded-prefix", "x-forwarded-ssl", "x-forwarded-for");

    private final Map<String, String> headers;
    private final boolean trustForwarded;
    private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

    /**
     * @param publicUrl e.g. {@code https://maps.example.gov/clustergrid}; blank for none
     * @param trustForwarded honour a proxy's forwarded headers (ignored when a public URL is set)
     */
    PublicUrl(String publicUrl, boolean trustForwarded) {
        this.headers = publicUrl == null || publicUrl.isBlank() ? null : headersOf(publicUrl.trim());
        this.trustForwarded = trustForwarded;
    }

    boolean active() {
        return headers != null || trustForwarded;
    }

    static Map<String, String> headersOf(String publicUrl) {
        URI u = URI.create(publicUrl);
        if (u.getScheme() == null || u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                || u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("clustergrid.public-url '" + publicUrl
                    + "' must be an absolute http(s) URL without query, e.g. https://maps.example.gov/clustergrid");
        }
        int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
        String prefix = u.getPath() == null || u.getPath().equals("/") ? "" : u.getPath().replaceAll("/+$", "");
        return Map.of("x-forwarded-proto", u.getScheme(), "x-forwarded-host", u.getHost(),
                "x-forwarded-port", String.valueOf(port), "x-forwarded-prefix", prefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (headers == null && !trustForwarded) {
            chain.doFilter(request, response);
            return;
        }
        forwarded.doFilter(headers != null ? new Configured(request, headers) : request, response, chain);
    }

    /** The request with the client's forwarded headers replaced by those of the configured public URL. */
    private static final class Configured extends HttpServletRequestWrapper {
        private final Map<String, String> headers;

        Configured(HttpServletRequest request, Map<String, String> headers) {
            super(request);
            this.headers = headers;
        }

        @Override
        public String getHeader(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return headers.containsKey(n) ? emptyToNull(headers.get(n))
                    : FORWARDED.contains(n) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String v = getHeader(name);
            String n = name.toLowerCase(Locale.ROOT);
            return headers.containsKey(n) || FORWARDED.contains(n)
                    ? Collections.enumeration(v == null ? List.of() : List.of(v)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String n : Collections.list(super.getHeaderNames())) {
                if (!FORWARDED.contains(n.toLowerCase(Locale.ROOT))) {
                    names.add(n);
                }
            }
            headers.forEach((n, v) -> {
                if (!v.isEmpty()) {
                    names.add(n);
                }
            });
            return Collections.enumeration(names);
        }

        private static String emptyToNull(String v) {
            return v.isEmpty() ? null : v;
        }
    }
}
