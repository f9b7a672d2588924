package org.clustergrid.ogc.wms;

import jakarta.servlet.http.HttpServletRequest;
import org.clustergrid.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What fails before {@link WmsService} takes a request (the data-version check of conditional reads, Spring's own
 * request errors) is answered as a WMS client reads errors: an exception report, with 503 when the store is down.
 */
@RestControllerAdvice(assignableTypes = WmsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WmsExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WmsExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        WmsVersion version = WmsVersion.forErrors(new WmsParams(request.getParameterMap()).get("VERSION"));
        String down = StoreUnavailableException.reason(e);
        if (down != null) {
            return WmsController.respond(ExceptionResponses.unavailable(down, version));
        }
        int status = e instanceof ErrorResponse r ? r.getStatusCode().value() : 500;
        if (status >= 500) {
            LOG.error("WMS request failed", e);
        }
        WmsException report = new WmsException(null, (status >= 500 ? "internal error: " : "") + e.getMessage(), null,
                version);
        return WmsController.respond(new WmsResponse(ExceptionReport.contentType(version), ExceptionReport.xml(report),
                status));
    }
}
