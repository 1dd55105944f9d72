package vn.luot.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The load generator's event loops, so that its many sockets are spread over all of them. A socket is
 * bound to the context it was opened from, and every call from the bench's main thread comes from one
 * and the same context (Vert.x keeps one per outside thread): 200 displays opened from there were all
 * read by one thread, one after the other, with the pacing timer and the counters' requests on it too
 * (a perf profile of the bench showed one client thread at work and three idle). Real displays are
 * separate devices; the bench should not queue them behind one another.
 */
final class ClientLoops {
    private final List<Context> loops;
    private final AtomicInteger next = new AtomicInteger();

    private ClientLoops(List<Context> loops) {
        this.loops = loops;
    }

    /** One context on each of the bench's event loops. */
    static ClientLoops of(Vertx vertx) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
        return new ClientLoops(List.copyOf(contexts));
    }

    /** Runs the work on the next loop in turn; its future completes as the work's does. */
    <T> Future<T> onNext(Supplier<Future<T>> work) {
        Context loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        Promise<T> done = Promise.promise();
        loop.runOnContext(v -> work.get().onComplete(done));
        return done.future();
    }
}
