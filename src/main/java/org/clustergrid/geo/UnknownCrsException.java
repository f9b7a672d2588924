package org.clustergrid.geo;

/** A coordinate reference system that cannot be identified, so coordinates cannot be brought to WGS84. */
public class UnknownCrsException extends Exception {
    public UnknownCrsException(String message) {
        super(message);
    }

    public UnknownCrsException(String message, Throwable cause) {
        super(message, cause);
    }
}
