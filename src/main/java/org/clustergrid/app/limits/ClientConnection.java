package org.clustergrid.app.limits;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * The connection under an asynchronous request, probed for a client that hung up. Tomcat does not watch a socket
 * while a request is asynchronous, so a closed connection goes unnoticed until the answer is written; this reads the
 * socket without blocking, as nginx and Go's HTTP server do: end of stream or a reset means the client is gone. A
 * byte that does arrive (a pipelined request) is put back for Tomcat, and the connection is no longer probed. Reached
 * through Tomcat's internals, so any other container (or a test's mock request) simply has no probe.
 */
final class ClientConnection {
    private static final Field FACADE_REQUEST = field(RequestFacade.class, "request");
    private static final Field INPUT_SOCKET = field(Http11InputBuffer.class, "wrapper");

    /** What one probe found. */
    enum State { OPEN, CLOSED, UNKNOWN }

    private final SocketWrapperBase<?> socket;
    private boolean dataSeen;

    private ClientConnection(SocketWrapperBase<?> socket) {
        this.socket = socket;
    }

    /** The connection of a request Tomcat's HTTP/1.1 connector is serving; empty for anything else. */
    static Optional<ClientConnection> of(ServletRequest request) {
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
                    && INPUT_SOCKET.get(in) instanceof SocketWrapperBase<?> socket) {
                return Optional.of(new ClientConnection(socket));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Tomcat layout: no probe
        }
        return Optional.empty();
    }

    /**
     * Reads at most one byte without blocking. Skipped (UNKNOWN) while Tomcat itself holds the connection, which it
     * does for as long as it writes an answer, so a probe never interleaves with Tomcat's own I/O.
     */
    State probe() {
        if (dataSeen) {
            return State.UNKNOWN;
        }
        Lock lock = socket.getLock();
        if (!lock.tryLock()) {
            return State.UNKNOWN;
        }
        try {
            if (socket.isClosed()) {
                return State.CLOSED;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            int n = socket.read(false, one);
            if (n > 0) {
                one.flip();
                socket.unRead(one);
                dataSeen = true;
                return State.UNKNOWN;
            }
            return n < 0 ? State.CLOSED : State.OPEN;
        } catch (IOException e) {
            return State.CLOSED; // end of stream (EOFException) or reset by the peer
        } finally {
            lock.unlock();
        }
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
