package org.clustergrid.ogc.tiles;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Tile errors as JSON {@code {status, error, message}}, like the rest of the API; the rest (the store down: 503 with
 * Retry-After, so map clients try the tile again) is answered by the API's own handler in the same shape.
 */
@RestControllerAdvice(assignableTypes = TilesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TilesExceptionHandler {
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return TilesController.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(TilesController.TileNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(TilesController.TileNotFoundException e) {
        return TilesController.error(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
