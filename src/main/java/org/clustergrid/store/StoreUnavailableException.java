package org.clustergrid.store;

/**
 * The store cannot be reached now (database down, restarting, network cut): a condition that passes, answered as
 * 503 with {@code Retry-After} instead of an internal error.
 */
public class StoreUnavailableException extends StoreException {
    /** What a client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The reason when {@code t} or one of its causes says the store cannot be reached, else null. */
    public static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StoreUnavailableException) {
                return c.getMessage();
            }
            if (c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof java.sql.SQLNonTransientConnectionException) {
                return "the database does not answer: " + c.getMessage();
            }
            // SQLSTATE class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting
            if (c instanceof java.sql.SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return "the database does not answer: " + c.getMessage();
            }
        }
        return null;
    }
}
