package org.clustergrid.raster;

/** A raster that cannot be read or used, with a message a user can act on. */
public class RasterException extends RuntimeException {
    public RasterException(String message) {
        super(message);
    }

    public RasterException(String message, Throwable cause) {
        super(message, cause);
    }
}
