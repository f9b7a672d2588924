package org.clustergrid.ogc.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of this API as OGC exceptions (exception.yaml: {@code code}, {@code description}); ordered first so the
 * application-wide handler, with its own error shape, does not answer for these controllers.
 */
@RestControllerAdvice(assignableTypes = {CapabilitiesController.class, CollectionsController.class,
        ItemsController.class, QueryablesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OgcExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OgcExceptionHandler.class);

    @ExceptionHandler(OgcException.class)
    ResponseEntity<Map<String, Object>> ogc(OgcException e) {
        return body(e.status(), e.code(), e.getMessage());
    }

    /** The store and the bbox parser refuse bad values this way. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badValue(IllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, "InvalidParameterValue", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        String down = StoreUnavailableException.reason(e);
        if (down != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaTypes.JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS))
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", down).getBody());
        }
        LOG.error("OGC API request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "ServerError", "internal error: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        // values are quoted as excerpts where refused; this bounds any message that quotes more
        m.put("description", description == null || description.length() <= 2_000 ? description
                : description.substring(0, 1_997) + "...");
        return ResponseEntity.status(status).contentType(MediaTypes.JSON).body(m);
    }
}
