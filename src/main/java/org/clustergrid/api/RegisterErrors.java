package org.clustergrid.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.register.RegisterException;
import org.springframework.http.HttpStatus;

/** How the register's refusals answer over HTTP, alike for the OGC API and /api. */
public final class RegisterErrors {
    private RegisterErrors() {}

    public static HttpStatus status(RegisterException e) {
        return switch (e.reason()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND, RETIRED -> HttpStatus.NOT_FOUND;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    /** The whole answer, as a controller's handler of the register's refusals gives it. */
    public static org.springframework.http.ResponseEntity<Map<String, Object>> response(RegisterException e) {
        return org.springframework.http.ResponseEntity.status(status(e))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body(e));
    }

    /** The OGC exception members ({@code code}, {@code description}) and, for a refused value, {@code field}. */
    public static Map<String, Object> body(RegisterException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", switch (e.reason()) {
            case BAD_INPUT -> "InvalidParameterValue";
            case NOT_FOUND -> "NotFound";
            case RETIRED -> "Retired";
            case PRECONDITION_FAILED -> "PreconditionFailed";
            case PRECONDITION_REQUIRED -> "PreconditionRequired";
            case CONFLICT -> "Conflict";
            case TOO_MANY -> "TooManyRequests";
            case FORBIDDEN -> "Forbidden";
        });
        m.put("description", e.getMessage().length() <= 2_000 ? e.getMessage()
                : e.getMessage().substring(0, 1_997) + "...");
        if (e.field() != null) {
            m.put("field", e.field());
        }
        return m;
    }
}
