package org.clustergrid.store;

/** The store failed for a reason outside the caller's input (database down, disk full, damaged data). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
