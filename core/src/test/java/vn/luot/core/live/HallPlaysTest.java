package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worst case for the hub: a worker that has finished the play before the hub registers for its result
 * (here one that plays at once and answers with a completed future), which on a loaded machine happens.
 */
@DisplayName("A long hall's plays, handed back to the hub")
class HallPlaysTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private final HallPlays.Worker instant = new HallPlays.Worker() {
        @Override
        public <T> Future<T> submit(Callable<T> play) {
            try {
                return Future.succeededFuture(play.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
    };

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    @DisplayName("A play the worker finished at once comes back after the hub's task that handed it out, then the hall hears of it")
    void anInstantPlayLandsInATaskOfItsOwn() throws InterruptedException {
        Context hub = vertx.getOrCreateContext();
        HallPlays plays = new HallPlays("hac-thanh", instant, hub, () -> {
            steps.add("arrived on " + (Vertx.currentContext() == hub ? "hub" : "elsewhere"));
            finished.countDown();
        });
        hub.runOnContext(v -> {
            plays.run(() -> 42, played -> steps.add("installed " + played), failed -> steps.add("failed"));
            steps.add("event sent");
        });

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("event sent", "installed 42", "arrived on hub");
    }

    @Test
    @DisplayName("A failed play comes back as a failure in a task of its own, and the hall hears of nothing")
    void aFailedPlayLandsLaterAndTellsNobody() throws InterruptedException {
        Context hub = vertx.getOrCreateContext();
        HallPlays plays = new HallPlays("hac-thanh", instant, hub, () -> steps.add("arrived"));
        hub.runOnContext(v -> {
            plays.run(() -> {
                throw new IllegalStateException("the play broke");
            }, played -> steps.add("installed"), failed -> {
                steps.add("failed: " + failed.getMessage());
                finished.countDown();
            });
            steps.add("event sent");
        });

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("event sent", "failed: the play broke");
    }
}
