package org.clustergrid.ogc.tiles;

import java.util.Map;
import org.clustergrid.app.ClientDisconnect;
import org.clustergrid.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Tile errors (and the store being down: 503) as JSON {@code {status, error, message}}, like the rest of the API. */
@RestControllerAdvice(assignableTypes = TilesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TilesExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TilesExceptionHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return TilesController.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** The store down: 503 with Retry-After, so map clients try the tile again instead of marking it missing. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (e instanceof ErrorResponse r && !r.getStatusCode().is5xxServerError()) {
            return TilesController.error(HttpStatus.valueOf(r.getStatusCode().value()), e.getMessage());
        }
        if (ClientDisconnect.is(e)) {
            LOG.debug("client went away: {}", e.toString());
            return null;
        }
        String down = StoreUnavailableException.reason(e);
        if (down == null) {
            LOG.error("tile request failed", e);
            return TilesController.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_JSON)
                .body(TilesController.error(HttpStatus.SERVICE_UNAVAILABLE, down).getBody());
    }

    @ExceptionHandler(TilesController.TileNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(TilesController.TileNotFoundException e) {
        return TilesController.error(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
