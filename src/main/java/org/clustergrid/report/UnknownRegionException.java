package org.clustergrid.report;

/** A region asked for by a layer or feature the store does not have. */
public final class UnknownRegionException extends RuntimeException {
    public UnknownRegionException(String message) {
        super(message);
    }
}
