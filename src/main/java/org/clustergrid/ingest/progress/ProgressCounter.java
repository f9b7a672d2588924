package org.clustergrid.ingest.progress;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps the counts an import reports, for a display to read whenever it likes ({@link #snapshot}): counters are
 * atomic, so readers never wait for the display.
 */
public final class ProgressCounter implements ImportProgress {
    private final LongSupplier nanoClock;
    private volatile Pass pass;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong features = new AtomicLong();

    private record Pass(int number, int of, String what, long bytesTotal, long featuresTotal, long startNanos) {}

    public ProgressCounter() {
        this(System::nanoTime);
    }

    /** @param nanoClock the clock rates and times left are measured by (a test's own) */
    public ProgressCounter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void pass(int number, int of, String what, long bytesTotal, long featuresTotal) {
        bytes.set(0);
        filesDone.set(0);
        features.set(0);
        pass = new Pass(number, of, what, bytesTotal, featuresTotal, nanoClock.getAsLong());
    }

    @Override
    public void bytesRead(long n) {
        bytes.addAndGet(n);
    }

    @Override
    public void featuresRead(long n) {
        features.addAndGet(n);
    }

    @Override
    public void fileRead(long size) {
        long upTo = filesDone.addAndGet(size);
        bytes.accumulateAndGet(upTo, Math::max);
    }

    /** The counts now; null before the first pass. */
    public ProgressSnapshot snapshot() {
        Pass p = pass;
        if (p == null) {
            return null;
        }
        double seconds = (nanoClock.getAsLong() - p.startNanos()) / 1e9;
        long b = Math.min(bytes.get(), p.bytesTotal());
        long f = features.get();
        // the share done: by features where an earlier pass counted them (exact), else by bytes
        double done = p.featuresTotal() > 0 ? Math.min(1.0, (double) f / p.featuresTotal())
                : p.bytesTotal() > 0 ? (double) b / p.bytesTotal() : 0;
        Long eta = done > 0.001 && seconds >= 1 ? Math.round(seconds * (1 - done) / done) : null;
        return new ProgressSnapshot(p.number(), p.of(), p.what(), b, p.bytesTotal(), f,
                p.featuresTotal() < 0 ? null : p.featuresTotal(), seconds, seconds > 0 ? f / seconds : 0, done, eta);
    }
}
