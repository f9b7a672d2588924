package org.clustergrid.scoring;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * Where long computations stop when they are cancelled (their time budget spent or their client gone), so an
 * abandoned request does not keep a core busy. A flag the computation's own thread checks, not an interrupt: an
 * interrupt that lands while the thread reads or writes the embedded database makes H2 close the file, and with it the
 * store for every other request.
 */
public final class Cancellation {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();
    private volatile boolean cancelled;

    /** Runs {@code work} on this thread, with {@link #check} watching this cancellation. */
    public <T> T run(Callable<T> work) throws Exception {
        Cancellation outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The cancellation watching this thread's computation; null when none does. */
    public static Cancellation current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} on this thread watched by {@code c} (none when null): a part of a computation that {@code c}
     * watches, handed to another thread.
     */
    public static <T> T under(Cancellation c, java.util.function.Supplier<T> work) {
        Cancellation outer = CURRENT.get();
        CURRENT.set(c);
        try {
            check();
            return work.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** Asks the computation to stop at its next {@link #check}; it may be called from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** @throws CancellationException when the current thread's computation was cancelled, or the thread interrupted */
    public static void check() {
        Cancellation c = CURRENT.get();
        if ((c != null && c.cancelled) || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the computation was cancelled");
        }
    }
}
