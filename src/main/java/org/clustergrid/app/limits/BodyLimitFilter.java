package org.clustergrid.app.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.clustergrid.app.ClusterGridProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies bounded per endpoint before anything reads them: a declared {@code Content-Length} beyond the limit
 * is answered 413 at once, and a body without one (chunked) fails with {@link BodyTooLargeException} as soon as the
 * limit is passed while it is read, so nothing buffers more than the limit. (The container reads multipart uploads
 * itself: without a Content-Length those are bounded by {@code spring.servlet.multipart.max-request-size}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimitFilter extends OncePerRequestFilter {
    private final Limits limits;

    public BodyLimitFilter(ClusterGridProperties properties) {
        this.limits = properties.limits();
    }

    /** The limit of a request's body and the setting it comes from. */
    record Limit(long bytes, String setting) {}

    Limit limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/api/scores/profile" -> limit(limits.profileBody(), "profile-body");
            case "/api/scores/geometry" -> limit(limits.geometryBody(), "geometry-body");
            case "/api/admin/imports" -> limit(limits.uploadBody(), "upload-body");
            default -> limit(limits.body(), "body");
        };
    }

    private static Limit limit(DataSize size, String key) {
        return new Limit(size.toBytes(), Limits.PREFIX + key);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            refuse(response, new BodyTooLargeException(limit.bytes(), limit.setting()));
            return;
        }
        // a multipart upload's parts are read by the container itself; spring.servlet.multipart.* bound those
        chain.doFilter(new Bounded(request, limit), response);
    }

    private static void refuse(HttpServletResponse response, BodyTooLargeException e) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.getOutputStream().write(("{\"status\":413,\"error\":\"Payload Too Large\",\"message\":\""
                + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body counted as it is read. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final Limit limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final Limit limit;
        private long read;

        Counted(ServletInputStream in, Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit.bytes()) {
                throw new BodyTooLargeException(limit.bytes(), limit.setting());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
