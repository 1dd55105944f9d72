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
 * The event loops the load generator opens its sockets from. A socket is bound to the context it was opened
 * from, and every call from the bench's main thread comes from one and the same context (Vert.x keeps one per
 * outside thread), so without this all displays sat on one client thread by accident.
 *
 * <p>How many is a trade-off on a machine the server shares. One loop reads every display one after the
 * other, so the last display of a call also waits for the client to read the ones before it; all four read
 * them side by side, but wake four threads per event, and the load generator's CPU comes out of the
 * server's. One pair of runs each, 5 calls/s: 200 displays p99 35.3 ms with one loop, 21.9 ms with four;
 * 2,000 p99 127 ms and 98 ms; but 10,000, where the two cores are saturated either way, p99 5.7 s with one
 * (server 144 % of a core, load generator 46 %) and 19.2 s with four (109 % and 83 %). The default is all
 * of the bench's loops, the closer model of displays that are separate devices; {@code --client-loops 1}
 * reads them the old way.
 */
final class ClientLoops {
    private final List<Context> loops;
    private final AtomicInteger next = new AtomicInteger();

    private ClientLoops(List<Context> loops) {
        this.loops = loops;
    }

    /** Contexts on {@code count} of the bench's event loops (at most as many as it has). */
    static ClientLoops of(Vertx vertx, int count) {
        List<Context> contexts = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(Math.max(1, Math.min(count, VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)))).await();
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
