package org.clustergrid.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Large streamed feature pages compressed at gzip's fastest level. The server's own compression uses level 6, which
 * on a 1,000-feature GeoJSON page costs four times the CPU for a 17% smaller answer; the connector leaves a response
 * alone once it carries a Content-Encoding, so these are compressed once.
 */
public final class FastGzip {
    private static final int BUFFER = 64 * 1024;

    private FastGzip() {}

    /** The body, gzipped when the client accepts gzip; the builder gets the matching headers. */
    public static ResponseEntity<StreamingResponseBody> body(HttpServletRequest request,
            ResponseEntity.BodyBuilder response, StreamingResponseBody body) {
        response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!acceptsGzip(request)) {
            return response.body(body);
        }
        return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(out -> {
            GZIPOutputStream gzip = fastest(out);
            body.writeTo(gzip);
            gzip.finish();
        });
    }

    private static GZIPOutputStream fastest(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }

            /** Frees the compressor's native memory at once; the response stream itself stays open. */
            @Override
            public void finish() throws IOException {
                try {
                    super.finish();
                } finally {
                    def.end();
                }
            }
        };
    }

    /** True when an Accept-Encoding header lists gzip (or x-gzip) without q=0 (RFC 9110 12.5.3). */
    public static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (headers != null && headers.hasMoreElements()) {
            for (String coding : headers.nextElement().split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].strip().toLowerCase(Locale.ROOT);
                if ((name.equals("gzip") || name.equals("x-gzip")) && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
