package vn.luot.core.support;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Waiting for a Vert.x future from a test's own thread (never an event loop). */
public final class Futures {
    private Futures() {
    }

    /** The future's result, waiting at most a minute (two busy cores); its failure fails the test. */
    public static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
