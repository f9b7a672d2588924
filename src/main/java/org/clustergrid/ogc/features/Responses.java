package org.clustergrid.ogc.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bodies written to bytes here, with the exact media type set: message converters would otherwise negotiate against
 * the Accept header and refuse types such as the OpenAPI one.
 */
final class Responses {
    private Responses() {}

    static ResponseEntity<byte[]> json(ObjectMapper mapper, MediaType type, Object body) {
        try {
            return ResponseEntity.ok().contentType(type).body(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> html(String page) {
        return ResponseEntity.ok().contentType(MediaTypes.HTML)
                .body(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> streamedHtml(
            String page) {
        byte[] bytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaTypes.HTML).body(out -> out.write(bytes));
    }

    /** Metadata resources take no parameter but {@code f} (/req/core/query-param-unknown). */
    static void onlyF(jakarta.servlet.http.HttpServletRequest request) {
        for (String p : request.getParameterMap().keySet()) {
            if (!p.equals("f")) {
                throw OgcException.badRequest("unknown query parameter '" + p + "'; this resource takes only f");
            }
        }
    }
}
