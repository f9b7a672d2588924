package org.clustergrid.render.sld;

/** An SLD document that cannot be used, with a message naming what is wrong or missing. */
public final class SldException extends IllegalArgumentException {
    public SldException(String message) {
        super(message);
    }
}
