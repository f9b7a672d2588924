package org.clustergrid.ogc.features;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Errors of this API as OGC exceptions (exception.yaml: {@code code}, {@code description}), or as an HTML page with the
 * same code and description when the request asked for HTML (a browser); ordered first so the application-wide
 * handler, with its own error shape, does not answer for these controllers.
 */
@RestControllerAdvice(assignableTypes = {CapabilitiesController.class, CollectionsController.class,
        ItemsController.class, QueryablesController.class, ClusterEditsController.class,
        InterventionItemsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OgcExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OgcExceptionHandler.class);

    @ExceptionHandler(OgcException.class)
    ResponseEntity<Object> ogc(OgcException e, HttpServletRequest request) {
        return body(request, e.status(), e.code(), e.getMessage());
    }

    /** The store and the bbox parser refuse bad values this way. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> badValue(IllegalArgumentException e, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, "InvalidParameterValue", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        String down = StoreUnavailableException.reason(e);
        if (down != null) {
            ResponseEntity<Object> r = body(request, HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", down);
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS))
                    .body(r.getBody());
        }
        LOG.error("OGC API request failed", e);
        return body(request, HttpStatus.INTERNAL_SERVER_ERROR, "ServerError", "internal error: " + e.getMessage());
    }

    private static ResponseEntity<Object> body(HttpServletRequest request, HttpStatus status, String code,
            String description) {
        // values are quoted as excerpts where refused; this bounds any message that quotes more
        String bounded = description == null || description.length() <= 2_000 ? description
                : description.substring(0, 1_997) + "...";
        if (askedForHtml(request)) {
            String page = Html.page(status.value() + " " + status.getReasonPhrase(), List.of(),
                    "<p><strong>" + Html.escape(code) + "</strong></p><p>" + Html.escape(bounded) + "</p>", null);
            return ResponseEntity.status(status).contentType(MediaTypes.HTML).body(page);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("description", bounded);
        return ResponseEntity.status(status).contentType(MediaTypes.JSON).body(m);
    }

    /** HTML when {@code f=html}, or, without {@code f}, when the Accept header prefers it; an invalid f is JSON. */
    private static boolean askedForHtml(HttpServletRequest request) {
        try {
            return Format.of(request, Format.ITEMS) == Format.HTML;
        } catch (OgcException e) {
            return false;
        }
    }
}
