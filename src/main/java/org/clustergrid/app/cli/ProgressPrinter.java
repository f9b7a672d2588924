package org.clustergrid.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressCounter;
import org.clustergrid.ingest.progress.ProgressSnapshot;

/**
 * Shows an import's progress from a timer thread of its own, so the import never waits for the terminal: on a
 * terminal one line redrawn in place twice a second, else (a log, a pipe) a plain line every 5 seconds.
 */
final class ProgressPrinter implements AutoCloseable {
    private final ProgressCounter counter = new ProgressCounter();
    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private int width;

    ProgressPrinter(PrintStream out, boolean terminal, Duration every) {
        this.out = out;
        this.terminal = terminal;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = every.toMillis();
        timer.scheduleAtFixedRate(this::print, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** For this process's standard output: redrawn in place when it is a terminal. */
    static ProgressPrinter forConsole(PrintStream out) {
        boolean terminal = System.console() != null;
        return new ProgressPrinter(out, terminal, Duration.ofMillis(terminal ? 500 : 5000));
    }

    ImportProgress progress() {
        return counter;
    }

    private synchronized void print() {
        ProgressSnapshot s = counter.snapshot();
        if (s == null) {
            return;
        }
        String line = ProgressLine.format(s);
        if (terminal) {
            // pad with blanks over the end of a longer line before it
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Stops the timer and, on a terminal, clears the line so the import's summary starts on a clean one. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }
}
