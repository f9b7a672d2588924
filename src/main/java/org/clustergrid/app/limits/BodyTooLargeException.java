package org.clustergrid.app.limits;

/** A request body beyond its endpoint's limit (413); the message names the limit and its setting. */
public class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long bytes, String setting) {
        super("the request body is larger than " + bytes + " bytes, the limit of this endpoint (" + setting + ")");
    }
}
