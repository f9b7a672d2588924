package org.clustergrid.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a message for the client. */
class ApiException extends RuntimeException {
    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    HttpStatus status() {
        return status;
    }
}
