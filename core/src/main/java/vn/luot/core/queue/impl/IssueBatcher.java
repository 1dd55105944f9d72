package vn.luot.core.queue.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.store.IssueDraft;
import vn.luot.core.store.IssueOutcome;

/**
 * Group commit for issuing tickets (issue 15). A request starts its write at once when no batch is being
 * written, so a lone request waits for nothing. Requests that arrive while batches are being written are
 * gathered, and written together (one statement, one commit, one disk flush) when a batch in flight
 * finishes, when the oldest has waited {@code window}, or when {@code maxSize} have gathered, whichever
 * comes first; at most {@code maxInFlight} batches are written at once. Each request is answered only
 * once its batch is committed.
 *
 * <p>It knows nothing of SQL: the writer (the store's {@code issueAll}) numbers and stores a batch. It
 * lives on its own context: every request hops onto it, so its state needs no lock, and each answer hops
 * back to the context its request came from.
 */
public final class IssueBatcher extends VerticleBase {
    private final Function<List<IssueDraft>, Future<List<Future<IssueOutcome>>>> writer;
    private final LuotConfig.IssueBatch settings;
    private final IntConsumer batchSizes;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int inFlight;
    private long windowTimer = -1;
    /** Set by stop(): what is gathered goes at once, and stop completes when the last batch is written. */
    private Promise<Void> drained;

    /** A request gathered for the next batch, and where its answer goes. */
    private record Waiting(IssueDraft draft, Promise<IssueOutcome> answer, Context from) {
    }

    /**
     * @param writer     writes one batch; one completed future per draft, in order
     * @param batchSizes told the size of every batch written (the luot_issue_batch_size metric)
     */
    public IssueBatcher(Function<List<IssueDraft>, Future<List<Future<IssueOutcome>>>> writer,
                        LuotConfig.IssueBatch settings, IntConsumer batchSizes) {
        this.writer = writer;
        this.settings = settings;
        this.batchSizes = batchSizes;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }

    /** Writes what is gathered without waiting, and completes once every batch has been answered. */
    @Override
    public Future<?> stop() {
        drained = Promise.promise();
        startBatches();
        checkDrained();
        return drained.future();
    }

    private void checkDrained() {
        if (drained != null && inFlight == 0 && waiting.isEmpty()) {
            drained.tryComplete();
        }
    }

    /** The ticket once the batch that holds it is committed (or the failure of this draft alone). */
    public Future<IssueOutcome> issue(IssueDraft draft) {
        Promise<IssueOutcome> answer = Promise.promise();
        Waiting request = new Waiting(draft, answer, Vertx.currentContext());
        if (context == null) {
            // Not deployed (yet): nothing to gather with, so the draft is written on its own.
            writer.apply(List.of(draft)).onComplete(written -> reply(request, outcomeOf(written, 0)));
        } else {
            context.runOnContext(v -> arrive(request));
        }
        return answer.future();
    }

    private void arrive(Waiting request) {
        waiting.add(request);
        if (inFlight == 0 || waiting.size() >= settings.maxSize() || settings.window().isZero() || drained != null) {
            startBatches();
        } else if (windowTimer < 0) {
            windowTimer = vertx.setTimer(settings.window().toMillis(), id -> {
                windowTimer = -1;
                startBatches();
            });
        }
    }

    private void startBatches() {
        if (windowTimer >= 0) {
            vertx.cancelTimer(windowTimer);
            windowTimer = -1;
        }
        while (!waiting.isEmpty() && (inFlight < settings.maxInFlight() || drained != null)) {
            List<Waiting> batch = new ArrayList<>();
            while (!waiting.isEmpty() && batch.size() < settings.maxSize()) {
                batch.add(waiting.poll());
            }
            write(batch);
        }
    }

    private void write(List<Waiting> batch) {
        inFlight++;
        batchSizes.accept(batch.size());
        Future<List<Future<IssueOutcome>>> written;
        try {
            written = writer.apply(batch.stream().map(Waiting::draft).toList());
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        written.onComplete(result -> {
            inFlight--;
            for (int i = 0; i < batch.size(); i++) {
                reply(batch.get(i), outcomeOf(result, i));
            }
            startBatches();   // what gathered meanwhile goes now
            checkDrained();
        });
    }

    private static Future<IssueOutcome> outcomeOf(io.vertx.core.AsyncResult<List<Future<IssueOutcome>>> written, int i) {
        return written.succeeded() ? written.result().get(i) : Future.failedFuture(written.cause());
    }

    private static void reply(Waiting request, Future<IssueOutcome> outcome) {
        if (request.from() == null) {
            request.answer().handle(outcome);
        } else {
            request.from().runOnContext(v -> request.answer().handle(outcome));
        }
    }
}
