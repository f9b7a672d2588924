package org.clustergrid.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client that went away while its answer was being written (a map panned on, a download cancelled): nothing is
 * wrong with the server, so it is logged at debug level and nothing is written. Resolved ahead of every service's own
 * error handler, so none of them has to tell it apart.
 */
@Component
public final class ClientDisconnect implements HandlerExceptionResolver, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnect.class);

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

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!is(e)) {
            return null;
        }
        LOG.debug("client went away: {}", e.toString());
        return new ModelAndView(); // handled, nothing to render
    }

    /** After Spring Boot's error attributes (which only note the exception), before the services' handlers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
