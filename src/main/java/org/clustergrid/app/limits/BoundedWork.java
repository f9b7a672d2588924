package org.clustergrid.app.limits;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.PreDestroy;
import org.apache.catalina.connector.ClientAbortException;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.scoring.Cancellation;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The pool expensive requests compute on: a few threads and a short queue, so a burst of them waits briefly or is
 * answered 503 with {@code Retry-After} ({@link BusyException}) instead of queueing without end. Each computation
 * has a time budget and runs as an asynchronous request: when the budget is spent, when the client closes its
 * connection ({@link HangUpWatch}), or when the container reports the request failed, it is cancelled, and the
 * computations' loops stop at their next check ({@link Cancellation}); one still queued never starts.
 */
@Component
public class BoundedWork {
    private final Limits limits;
    private final ThreadPoolExecutor pool;
    private final AtomicLong cancelled = new AtomicLong();
    private final HangUpWatch hangUps = new HangUpWatch();

    public BoundedWork(ClusterGridProperties properties) {
        this.limits = properties.limits();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.workThreads(), limits.workThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.workQueue())), r -> {
                    Thread t = new Thread(r, "bounded-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * {@code task}'s result, computed on the pool within the time budget, as a deferred result Spring MVC answers
     * when it is set; failures reach the exception handlers as if thrown by the controller.
     *
     * @throws BusyException when every thread is busy and the queue is full
     */
    public <T> DeferredResult<T> submit(Callable<T> task) {
        DeferredResult<T> result = new DeferredResult<>(limits.workTime().toMillis());
        Cancellation cancellation = new Cancellation();
        Future<?> future;
        try {
            future = pool.submit(() -> {
                try {
                    result.setResult(cancellation.run(task));
                } catch (Throwable e) {
                    result.setErrorResult(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new BusyException(limits);
        }
        result.onTimeout(() -> {
            // the answer first: the interrupted task would otherwise answer with its own cancellation
            result.setErrorResult(new BudgetExceededException(limits));
            stop(future, cancellation);
        });
        result.onError(e -> stop(future, cancellation));
        Runnable unwatch = currentConnection().map(c -> hangUps.watch(c, () -> {
            if (result.setErrorResult(new ClientAbortException("the client closed its connection"))) {
                stop(future, cancellation);
            }
        })).orElse(() -> {});
        result.onCompletion(() -> {
            unwatch.run();
            cancellation.cancel(); // finished: a no-op; else it was counted above
        });
        return result;
    }

    /**
     * {@code task}'s result, computed on the pool within the time budget, for callers that wait for it themselves
     * (several requests may wait for one computation). It completes with {@link BudgetExceededException} and is
     * cancelled when the budget is spent.
     *
     * @throws BusyException when every thread is busy and the queue is full
     */
    public <T> CompletableFuture<T> compute(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Cancellation cancellation = new Cancellation();
        Future<?> future;
        try {
            future = pool.submit(() -> {
                try {
                    result.complete(cancellation.run(task));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new BusyException(limits);
        }
        CompletableFuture.delayedExecutor(limits.workTime().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (result.completeExceptionally(new BudgetExceededException(limits))) {
                stop(future, cancellation);
            }
        });
        return result;
    }

    private static Optional<java.nio.channels.SocketChannel> currentConnection() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? ClientConnection.of(attributes.getRequest()) : Optional.empty();
    }

    private void stop(Future<?> future, Cancellation cancellation) {
        cancellation.cancel();
        if (future.cancel(false)) {
            cancelled.incrementAndGet();
        }
    }

    /** Computations stopped before they finished (budget spent or client gone), since start. */
    public long cancelledCount() {
        return cancelled.get();
    }

    /** Computations running now. */
    public int activeCount() {
        return pool.getActiveCount();
    }

    @PreDestroy
    void stop() {
        hangUps.close();
        pool.shutdownNow();
    }

    /** Every worker busy and the queue full: 503 with Retry-After. */
    public static final class BusyException extends RuntimeException {
        private final long retryAfterSeconds;

        BusyException(Limits limits) {
            super("the server is busy with " + limits.workThreads() + " expensive computations and "
                    + limits.workQueue() + " waiting (" + Limits.PREFIX + "work-threads, " + Limits.PREFIX
                    + "work-queue); try again in " + limits.retryAfter().toSeconds() + " s");
            this.retryAfterSeconds = limits.retryAfter().toSeconds();
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A computation that ran out of its time budget and was stopped: 503. */
    public static final class BudgetExceededException extends RuntimeException {
        BudgetExceededException(Limits limits) {
            super("the computation took longer than its time budget of " + limits.workTime().toSeconds()
                    + " s (" + Limits.PREFIX + "work-time) and was stopped");
        }
    }
}
