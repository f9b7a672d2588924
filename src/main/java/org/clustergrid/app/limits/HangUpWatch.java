package org.clustergrid.app.limits;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes the connections of running computations twice a second and tells each one whose client has hung up, so its
 * work stops within half a second of the client leaving instead of running to the end of its budget. One thread for
 * all of them: a probe is one non-blocking read.
 */
final class HangUpWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 500;

    private record Watched(ClientConnection connection, Runnable onHangUp) {}

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hang-up-watch");
        t.setDaemon(true);
        return t;
    });

    HangUpWatch() {
        timer.scheduleWithFixedDelay(this::probeAll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code connection} until the returned action is run; {@code onHangUp} runs at most once. */
    Runnable watch(ClientConnection connection, Runnable onHangUp) {
        Watched w = new Watched(connection, onHangUp);
        watched.add(w);
        return () -> watched.remove(w);
    }

    private void probeAll() {
        for (Watched w : watched) {
            try {
                if (w.connection().probe() == ClientConnection.State.CLOSED && watched.remove(w)) {
                    w.onHangUp().run();
                }
            } catch (RuntimeException e) {
                watched.remove(w); // a connection Tomcat has recycled: nothing left to watch
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
