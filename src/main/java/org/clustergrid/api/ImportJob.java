package org.clustergrid.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.clustergrid.ingest.progress.ProgressCounter;
import org.clustergrid.ingest.progress.ProgressSnapshot;

/**
 * An upload imported in the background: its state, its progress while it runs, and then the answer the upload
 * would have had without waiting (the import's report, or its error).
 */
final class ImportJob {
    enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    final String id = UUID.randomUUID().toString();
    final ProgressCounter progress = new ProgressCounter();
    private final Instant submitted = Instant.now();
    private volatile State state = State.QUEUED;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile Map<String, Object> report;
    private volatile Map<String, Object> error;

    State state() {
        return state;
    }

    boolean finished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    void running() {
        started = Instant.now();
        state = State.RUNNING;
    }

    void succeeded(Map<String, Object> body) {
        report = body;
        finished = Instant.now();
        state = State.SUCCEEDED;
    }

    void failed(Map<String, Object> body) {
        error = body;
        finished = Instant.now();
        state = State.FAILED;
    }

    /** The job as {@code GET /api/admin/imports/jobs/{id}} shows it. */
    Map<String, Object> json() {
        State s = state; // read once: the fields below were set before it
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", s.name().toLowerCase(java.util.Locale.ROOT));
        m.put("submitted", submitted.toString());
        m.put("started", started == null ? null : started.toString());
        m.put("finished", finished == null ? null : finished.toString());
        ProgressSnapshot p = progress.snapshot();
        m.put("pass", p == null ? null : p.pass());
        m.put("passes", p == null ? null : p.passes());
        m.put("passName", p == null ? null : p.what());
        m.put("bytesRead", p == null ? 0 : p.bytesRead());
        m.put("bytesTotal", p == null ? null : p.bytesTotal());
        m.put("features", p == null ? 0 : p.features());
        m.put("featuresTotal", p == null ? null : p.featuresTotal());
        m.put("done", p == null ? 0 : Math.round(p.done() * 1000) / 1000.0);
        m.put("rate", p == null ? 0 : Math.round(p.rate() * 10) / 10.0);
        m.put("etaSeconds", p == null || s != State.RUNNING ? null : p.etaSeconds());
        m.put("report", s == State.SUCCEEDED ? report : null);
        m.put("error", s == State.FAILED ? error : null);
        return m;
    }
}
