package org.clustergrid.app.limits;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a running computation, within half a second, that its client hung up, so it stops instead of running to the
 * end of its budget. The connections are registered with a selector of its own (a channel may be in several) and
 * checked twice a second without reading from them: a connection that is readable with no bytes to read has reached
 * end of stream (the client closed it) or was reset; one with bytes has the client's next request (pipelining),
 * which is left for Tomcat, and is no longer watched. Nothing is ever read, so Tomcat's own reading is undisturbed.
 */
final class HangUpWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(HangUpWatch.class);

    /** One connection; {@code ended} once its request completed, after which it is dropped at the next check. */
    private static final class Watched {
        final SocketChannel channel;
        final Runnable onHangUp;
        volatile boolean ended;

        Watched(SocketChannel channel, Runnable onHangUp) {
            this.channel = channel;
            this.onHangUp = onHangUp;
        }
    }

    private final Queue<Watched> added = new ConcurrentLinkedQueue<>();
    private final Selector selector;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hang-up-watch");
        t.setDaemon(true);
        return t;
    });

    HangUpWatch() {
        Selector s;
        try {
            s = Selector.open();
        } catch (IOException e) {
            LOG.warn("no selector for watching clients; a computation whose client hangs up runs to its budget", e);
            s = null;
        }
        this.selector = s;
        if (s != null) {
            timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Watches {@code channel} until the returned action is run; {@code onHangUp} runs at most once. */
    Runnable watch(SocketChannel channel, Runnable onHangUp) {
        Watched w = new Watched(channel, onHangUp);
        if (selector != null) {
            added.add(w);
        }
        return () -> w.ended = true;
    }

    /** On the watch's own thread only: registering, selecting and cancelling never race each other. */
    private void check() {
        try {
            for (Watched w; (w = added.poll()) != null; ) {
                register(w);
            }
            for (SelectionKey key : selector.keys()) {
                if (((Watched) key.attachment()).ended || !key.channel().isOpen()) {
                    key.cancel();
                }
            }
            selector.selectNow(); // also releases cancelled keys, so a channel Tomcat closed is freed
            for (SelectionKey key : selector.selectedKeys()) {
                Watched w = (Watched) key.attachment();
                key.cancel();
                if (!w.ended && nothingToRead(w.channel)) {
                    w.onHangUp.run();
                }
            }
            selector.selectedKeys().clear();
        } catch (IOException | RuntimeException e) {
            LOG.debug("checking clients' connections failed: {}", e.toString());
        }
    }

    private void register(Watched w) {
        if (w.ended) {
            return;
        }
        try {
            w.channel.register(selector, SelectionKey.OP_READ, w);
        } catch (ClosedChannelException e) {
            w.onHangUp.run(); // closed before it was watched: gone already
        } catch (RuntimeException e) {
            // not registrable (a blocking channel): not watched
        }
    }

    /** Readable with nothing to read: end of stream or a reset. */
    private static boolean nothingToRead(SocketChannel channel) {
        try {
            return channel.socket().getInputStream().available() == 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                // closing at shutdown
            }
        }
    }
}
