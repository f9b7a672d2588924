package org.clustergrid.app.limits;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * The TCP connection under a request, for {@link HangUpWatch}. Tomcat does not watch a connection while its request is
 * asynchronous, so a client that hangs up goes unnoticed until the answer is written. Reached through Tomcat's
 * internals (the NIO connector, HTTP/1.1), so any other container, or a test's mock request, simply has none.
 */
final class ClientConnection {
    private static final Field FACADE_REQUEST = field(RequestFacade.class, "request");
    private static final Field INPUT_SOCKET = field(Http11InputBuffer.class, "wrapper");

    private ClientConnection() {}

    /** The channel of a request Tomcat's NIO HTTP/1.1 connector is serving; empty for anything else. */
    static Optional<SocketChannel> of(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        if (FACADE_REQUEST == null || INPUT_SOCKET == null || !(r instanceof RequestFacade)) {
            return Optional.empty();
        }
        try {
            Request connector = (Request) FACADE_REQUEST.get(r);
            if (connector.getCoyoteRequest().getInputBuffer() instanceof Http11InputBuffer in
                    && INPUT_SOCKET.get(in) instanceof SocketWrapperBase<?> socket
                    && socket.getSocket() instanceof NioChannel channel) {
                return Optional.ofNullable(channel.getIOChannel());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Tomcat layout: no watch
        }
        return Optional.empty();
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
