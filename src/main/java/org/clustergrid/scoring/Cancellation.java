package org.clustergrid.scoring;

import java.util.concurrent.CancellationException;

/**
 * Where long computations stop when their thread is interrupted (their time budget spent or their client gone), so
 * an abandoned request does not keep a core busy.
 */
public final class Cancellation {
    private Cancellation() {}

    /** @throws CancellationException when the current thread was interrupted */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the computation was cancelled");
        }
    }
}
