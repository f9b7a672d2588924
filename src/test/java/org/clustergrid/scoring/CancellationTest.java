package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void aLoopStopsAtItsNextCheckOnceCancelledFromAnotherThreadWithoutBeingInterrupted() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                cancellation.run(() -> {
                    while (true) {
                        Cancellation.check();
                        Thread.onSpinWait();
                    }
                });
            } catch (CancellationException e) {
                interrupted.complete(Thread.currentThread().isInterrupted());
            } catch (Exception e) {
                interrupted.completeExceptionally(e);
            }
        });
        worker.start();
        Thread.sleep(50);
        cancellation.cancel();
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).as("stopped by the flag, not an interrupt").isFalse();
    }

    @Test
    void checksOutsideACancelledRunPassAndAnOuterRunIsRestored() throws Exception {
        Cancellation.check();
        Cancellation outer = new Cancellation();
        Cancellation inner = new Cancellation();
        inner.cancel();
        outer.run(() -> {
            assertThatThrownBy(() -> inner.run(() -> {
                Cancellation.check();
                return null;
            })).isInstanceOf(CancellationException.class);
            Cancellation.check(); // the outer one again, not cancelled
            return null;
        });
        Cancellation.check();
    }
}
