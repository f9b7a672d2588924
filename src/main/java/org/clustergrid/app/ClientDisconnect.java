package org.clustergrid.app;

import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that went away while its answer was being written (a map panned on, a download cancelled): nothing is
 * wrong with the server, so error handlers log it at debug level and write nothing.
 */
public final class ClientDisconnect {
    private ClientDisconnect() {}

    public static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClientAbortException || c instanceof AsyncRequestNotUsableException) {
                return true;
            }
            if (c instanceof IOException && c.getMessage() != null) {
                String m = c.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("broken pipe") || m.contains("connection reset by peer")) {
                    return true;
                }
            }
        }
        return false;
    }
}
