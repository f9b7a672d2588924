package org.clustergrid.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.clustergrid.app.limits.BodyTooLargeException;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.app.limits.Limits;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Maps exceptions to JSON errors once, so every endpoint answers failures the same way and the server keeps serving. */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Messages quote request values as excerpts; this bounds any that does not. */
    private static final int MAX_MESSAGE = 2_000;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    /** A scenario refused: 400 with every problem apart as well ({@code problems}), each naming feature and field. */
    @ExceptionHandler(org.clustergrid.scenario.ScenarioException.class)
    ResponseEntity<Map<String, Object>> scenario(org.clustergrid.scenario.ScenarioException e) {
        Map<String, Object> b = body(HttpStatus.BAD_REQUEST, e.getMessage());
        b.put("problems", e.problems().stream().map(p -> p.length() <= MAX_MESSAGE ? p
                : p.substring(0, MAX_MESSAGE - 3) + "...").toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(b);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Map<String, Object>> importFailed(ImportFailedException e) {
        Map<String, Object> body = body(HttpStatus.UNPROCESSABLE_ENTITY,
                "Import failed; nothing was changed. " + e.report().errorCount() + " error(s).");
        body.put("report", report(e.report()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "upload too large: " + e.getMessage() + " (the limits are "
                + "spring.servlet.multipart.max-file-size and max-request-size, and "
                + Limits.PREFIX + "upload-body)");
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Map<String, Object>> bodyTooLarge(BodyTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(BoundedWork.BusyException.class)
    ResponseEntity<Map<String, Object>> busy(BoundedWork.BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).contentType(MediaType.APPLICATION_JSON)
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(BoundedWork.BudgetExceededException.class)
    ResponseEntity<Map<String, Object>> overBudget(BoundedWork.BudgetExceededException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** A computation stopped because its client went away; nobody reads this answer. */
    @ExceptionHandler(CancellationException.class)
    ResponseEntity<Map<String, Object>> cancelled(CancellationException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** A body that is missing or cannot be read as the endpoint's type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the request body cannot be read: " + e.getMostSpecificCause().getMessage());
    }

    /**
     * Spring's own request errors carry their status: a path nothing serves is 404 (GDAL's MVT driver, for one, looks
     * for a {@code metadata.json} beside the tiles), an unsupported method 405, and so on.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (e instanceof ErrorResponse r && !r.getStatusCode().is5xxServerError()) {
            return error(HttpStatus.valueOf(r.getStatusCode().value()), e.getMessage());
        }
        String down = StoreUnavailableException.reason(e);
        if (down != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS))
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE, down));
        }
        LOG.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
    }

    /** The answer an import's exception gets from a request, for an import that ran as a job. */
    static ResponseEntity<Map<String, Object>> answerFor(Exception e) {
        ApiExceptionHandler h = new ApiExceptionHandler();
        if (e instanceof ApiException a) {
            return h.api(a);
        }
        if (e instanceof ImportFailedException f) {
            return h.importFailed(f);
        }
        if (e instanceof IllegalArgumentException) {
            return h.badRequest(e);
        }
        return h.unexpected(e);
    }

    static Map<String, Object> report(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorCount", r.errorCount());
        m.put("warningCount", r.warningCount());
        m.put("skippedRecords", r.skippedCount());
        if (!r.hasErrors()) { // a failed import wrote nothing: no counts that read as if it had
            Map<String, Integer> counts = new LinkedHashMap<>();
            r.counts().forEach((layer, n) -> counts.put(layer.id(), n));
            m.put("accepted", counts);
        }
        List<Map<String, Object>> problems = r.problems().stream().map(ApiExceptionHandler::problem).toList();
        m.put("problems", problems);
        return m;
    }

    private static Map<String, Object> problem(ImportProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", p.severity().name().toLowerCase());
        m.put("file", p.file());
        m.put("location", p.location());
        m.put("field", p.field());
        m.put("message", p.message());
        m.put("text", p.toString());
        return m;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, message));
    }

    private static Map<String, Object> body(HttpStatus status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.value());
        m.put("error", status.getReasonPhrase());
        m.put("message", message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...");
        return m;
    }
}
