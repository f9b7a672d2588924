package org.clustergrid.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jakarta.annotation.PreDestroy;
import org.clustergrid.ingest.progress.ImportProgress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Uploads imported in the background, one at a time in the order sent, on a thread of their own. Jobs are kept in
 * memory, the last {@value #KEPT} of them: a finished job is forgotten when a newer one needs its place, and no more
 * than that many wait or run at once.
 */
@Component
class ImportJobs {
    static final int KEPT = 50;

    /** An import to run, telling its progress, giving the body the upload answers with on success. */
    @FunctionalInterface
    interface Work {
        Map<String, Object> run(ImportProgress progress) throws Exception;
    }

    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-jobs");
        t.setDaemon(true);
        return t;
    });

    /**
     * Queues the work; {@code cleanUp} runs when it is over (the uploaded files are deleted), also when it is refused.
     *
     * @throws ApiException 503 when {@value #KEPT} imports are already waiting or running
     */
    ImportJob submit(Work work, Runnable cleanUp) {
        ImportJob job = new ImportJob();
        synchronized (jobs) {
            if (jobs.size() >= KEPT) {
                Iterator<ImportJob> oldest = jobs.values().iterator();
                while (oldest.hasNext() && jobs.size() >= KEPT) {
                    if (oldest.next().finished()) {
                        oldest.remove();
                    }
                }
            }
            if (jobs.size() >= KEPT) {
                cleanUp.run();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, KEPT + " imports are waiting or running;"
                        + " send this one again when some have finished");
            }
            jobs.put(job.id, job);
        }
        try {
            runner.execute(() -> run(job, work, cleanUp));
        } catch (RejectedExecutionException e) {
            cleanUp.run();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the server is shutting down");
        }
        return job;
    }

    private static void run(ImportJob job, Work work, Runnable cleanUp) {
        job.running();
        try {
            job.succeeded(work.run(job.progress));
        } catch (Exception e) {
            job.failed(ApiExceptionHandler.answerFor(e).getBody());
        } catch (Error e) {
            job.failed(ApiExceptionHandler.answerFor(new IllegalStateException(e.toString(), e)).getBody());
            throw e;
        } finally {
            cleanUp.run();
        }
    }

    Optional<ImportJob> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
