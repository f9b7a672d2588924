package org.clustergrid.security.web;

import java.util.Map;
import org.clustergrid.security.AccountException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the account endpoints in the API's JSON shape: 400 bad values, 404 unknown, 409 conflicts. */
@RestControllerAdvice(assignableTypes = {UserAdminController.class, KeyAdminController.class, AuditController.class,
        PasswordController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountErrors {
    @ExceptionHandler(AccountException.class)
    ResponseEntity<Map<String, Object>> account(AccountException e) {
        return error(e.kind() == AccountException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badValue(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the body must be a JSON object");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ErrorResponses.body(status, message));
    }
}
