package org.clustergrid.dimension;

/** A dimension value or declaration that cannot be used; {@link #missing()} when a value was needed and not given. */
public final class DimensionException extends RuntimeException {
    private final boolean missing;

    public DimensionException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    public DimensionException(String message) {
        this(message, false);
    }

    public boolean missing() {
        return missing;
    }
}
