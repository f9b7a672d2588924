package org.clustergrid.ogc.features;

import org.springframework.http.HttpStatus;

/** A refused request, answered as an OGC exception ({@code code}, {@code description}) with its HTTP status. */
class OgcException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    OgcException(HttpStatus status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    static OgcException badRequest(String description) {
        return new OgcException(HttpStatus.BAD_REQUEST, "InvalidParameterValue", description);
    }

    static OgcException notFound(String description) {
        return new OgcException(HttpStatus.NOT_FOUND, "NotFound", description);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
