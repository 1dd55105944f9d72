package vn.luot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketIds;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.domain.ticket.TicketStatus;
import vn.luot.core.queue.impl.IssueBatcher;
import vn.luot.core.store.IssueDraft;
import vn.luot.core.store.IssueOutcome;
import vn.luot.core.store.PrintOrder;
import vn.luot.core.store.QueueStore;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestServer;

/**
 * Group commit for issuing (issue 15), on the real store and database: requests gathered while a batch is
 * written go together in the next, and each still gets its own answer.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Group commit of issued tickets")
class GroupCommitTest {
    private static final String SITE = "hac-thanh";
    private static final String SERVICE = "chung-thuc";
    private static final String ALL_TICKETS = "SELECT count(*) FROM tickets";
    private static final String KEY_1_TICKETS = "SELECT count(*) FROM tickets WHERE idempotency_key = 'key-1'";

    private TestServer server;
    private QueueStore store;
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start();
        store = QueueStore.create(server.server().pool());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Requests that arrive while a batch is being written are written together in the next one, each with its own number")
    void gathersWhileABatchIsInFlight(VertxTestContext ctx) {
        Checkpoint numbered = ctx.checkpoint();
        Checkpoint stored = ctx.checkpoint();

        issueGathered(List.of(draft(null), draft(null), draft(null), draft(null)))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(batchSizes).containsExactly(1, 3);
                    List<String> numbers = answers.stream().map(a -> outcome(a).ticket().number()).toList();
                    assertThat(numbers).containsExactly("A001", "A002", "A003", "A004");
                    numbered.flag();
                })))
                .compose(answers -> count(ALL_TICKETS))
                .onComplete(ctx.succeeding(tickets -> ctx.verify(() -> {
                    assertThat(tickets).isEqualTo(4);
                    stored.flag();
                })));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("The same idempotency key twice in one batch gives one ticket and both the same answer; a retry after the commit gets it too")
    void sameKeyTwiceInOneBatch(VertxTestContext ctx) {
        Checkpoint oneTicketInTheBatch = ctx.checkpoint();
        Checkpoint retryReplayed = ctx.checkpoint();

        issueGathered(List.of(draft(null), draft("key-1"), draft("key-1"), draft(null)))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(batchSizes).containsExactly(1, 3);
                    Ticket first = outcome(answers.get(1)).ticket();
                    IssueOutcome second = outcome(answers.get(2));
                    assertThat(second.ticket()).isEqualTo(first);
                    assertThat(second.replayed()).isTrue();
                })))
                .compose(answers -> Future.all(count(ALL_TICKETS), count(KEY_1_TICKETS))
                        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
                            assertThat(counts.<Long>resultAt(0)).isEqualTo(3);
                            assertThat(counts.<Long>resultAt(1)).isEqualTo(1);
                            oneTicketInTheBatch.flag();
                        })))
                        .map(counts -> outcome(answers.get(1)).ticket()))
                .compose(first -> store.issueAll(List.of(draft("key-1"))).compose(written -> written.get(0))
                        .onComplete(ctx.succeeding(retry -> ctx.verify(() -> {
                            assertThat(retry.ticket().id()).isEqualTo(first.id());
                            assertThat(retry.ticket().number()).isEqualTo(first.number());
                            assertThat(retry.replayed()).isTrue();
                        }))))
                .compose(retry -> count(ALL_TICKETS))
                .onComplete(ctx.succeeding(tickets -> ctx.verify(() -> {
                    assertThat(tickets).isEqualTo(3);
                    retryReplayed.flag();
                })));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("A key reused with another request in a batch is refused for that request alone")
    void reusedKeyFailsAlone(VertxTestContext ctx) {
        IssueDraft other = new IssueDraft(draft(null).draft(), "B",
                new TicketRequest(SITE, "ho-tich", null, Channel.KIOSK, null, null, null), "key-2", null, null);
        Checkpoint refused = ctx.checkpoint();
        Checkpoint othersIssued = ctx.checkpoint();

        issueGathered(List.of(draft(null), draft("key-2"), other, draft(null)))
                .onComplete(ctx.succeeding(answers -> {
                    answers.get(2).onComplete(ctx.failing(e -> ctx.verify(() -> {
                        assertThat(e).isInstanceOf(QueueException.class).satisfies(
                                q -> assertThat(((QueueException) q).problem()).isEqualTo(Problem.IDEMPOTENCY_KEY_REUSED));
                        refused.flag();
                    })));
                    ctx.verify(() -> {
                        assertThat(outcome(answers.get(1)).replayed()).isFalse();
                        assertThat(outcome(answers.get(3)).ticket().number()).isNotBlank();
                    });
                }))
                .compose(answers -> count(ALL_TICKETS))
                .onComplete(ctx.succeeding(tickets -> ctx.verify(() -> {
                    assertThat(tickets).isEqualTo(3);
                    othersIssued.flag();
                })));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("A draft the database refuses fails alone: the others in its batch get their tickets, and their print jobs")
    void oneBadDraftDoesNotFailItsNeighbours(VertxTestContext ctx) {
        UUID taken = UUID.fromString(server.issue(SITE, SERVICE).getString("id"));
        IssueDraft clash = withId(draft(null), taken);   // the primary key of a stored ticket: the statement fails
        UUID jobId = UUID.randomUUID();
        IssueDraft printed = new IssueDraft(draft(null).draft(), "A",
                new TicketRequest(SITE, SERVICE, null, Channel.KIOSK, "kiosk-1", null, null), null,
                new PrintOrder(jobId, "kiosk-1", t -> new JsonObject().put("number", t.number()).encode()), 3);
        Checkpoint failedAlone = ctx.checkpoint();
        Checkpoint storedWithJob = ctx.checkpoint();

        issueGathered(List.of(draft(null), draft(null), clash, printed))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(batchSizes).containsExactly(1, 3);
                    assertThat(answers.get(0).succeeded()).isTrue();
                    assertThat(answers.get(1).succeeded()).isTrue();
                    assertThat(answers.get(2).failed()).isTrue();
                    failedAlone.flag();
                })))
                .compose(answers -> {
                    Ticket withJob = outcome(answers.get(3)).ticket();
                    return Future.all(count("SELECT count(*) FROM print_jobs WHERE id = '" + jobId + "' AND ticket_id = '"
                                    + withJob.id() + "' AND payload->>'number' = '" + withJob.number() + "'"),
                            count(ALL_TICKETS), count("SELECT count(DISTINCT number) FROM tickets"));
                })
                .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
                    assertThat(counts.<Long>resultAt(0)).isEqualTo(1);
                    assertThat(counts.<Long>resultAt(1)).isEqualTo(4);
                    assertThat(counts.<Long>resultAt(2)).isEqualTo(4);
                    storedWithJob.flag();
                })));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("Stopping the batcher writes the requests it had gathered and answers them, instead of dropping them")
    void stopAnswersWhatWasGathered(VertxTestContext ctx) {
        Promise<Void> firstBatchMayGo = Promise.promise();
        Promise<Context> firstBatchStarted = Promise.promise();
        IssueBatcher batcher = new IssueBatcher(batch -> {
            if (batchSizes.size() > 1) {
                return store.issueAll(batch);
            }
            firstBatchStarted.complete(Vertx.currentContext());
            return firstBatchMayGo.future().compose(go -> store.issueAll(batch));
        }, new LuotConfig.IssueBatch(Duration.ofSeconds(60), 64, 1), size -> batchSizes.add(size));
        List<Future<IssueOutcome>> answers = new CopyOnWriteArrayList<>();
        Checkpoint allAnswered = ctx.checkpoint();
        Checkpoint stored = ctx.checkpoint();

        server.vertx().deployVerticle(batcher)
                .compose(id -> {
                    answers.add(batcher.issue(draft(null)));
                    return firstBatchStarted.future().compose(context -> {
                        answers.add(batcher.issue(draft(null)));
                        answers.add(batcher.issue(draft(null)));
                        // The batcher's tasks run in order: the stop runs after both arrivals, the first batch after it.
                        Future<Void> stopped = Future.future(p -> context.runOnContext(v -> server.vertx().undeploy(id).onComplete(p)));
                        context.runOnContext(v -> firstBatchMayGo.complete());
                        return stopped;
                    });
                })
                .compose(stopped -> Future.join(answers).otherwiseEmpty())
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(answers).hasSize(3).allSatisfy(a -> assertThat(outcome(a).ticket().number()).startsWith("A"));
                    allAnswered.flag();
                })))
                .compose(all -> count(ALL_TICKETS))
                .onComplete(ctx.succeeding(tickets -> ctx.verify(() -> {
                    assertThat(tickets).isEqualTo(3);
                    stored.flag();
                })));
    }

    @Test
    @DisplayName("Over HTTP, an invalid request among concurrent ones answers 4xx and every other gets its 201 and its own number")
    void invalidRequestAmongConcurrentOnes() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ApiClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String service = i == 17 ? "no-such-service" : SERVICE;
                sent.add(clients.submit(() -> server.api().post("/api/v1/tickets",
                        new JsonObject().put("siteId", SITE).put("serviceId", service))));
            }
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                ApiClient.Response r = sent.get(i).get(60, TimeUnit.SECONDS);
                if (i == 17) {
                    assertThat(r.status()).isBetween(400, 499);
                    assertThat(r.error()).isNotBlank();
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    numbers.add(r.json().getString("number"));
                }
            }
            assertThat(numbers).hasSize(39).doesNotHaveDuplicates();
        } finally {
            clients.shutdownNow();
        }
        String metrics = server.api().get("/metrics").body();
        assertThat(metrics).contains("luot_issue_batch_size_count");
    }

    /**
     * Issues the drafts through a batcher of its own on the real store. The first is written at once and
     * held until the others have arrived, so they gather into the next batch (no timing involved). Completes
     * with every draft's answer once all are answered, failed ones included.
     */
    private Future<List<Future<IssueOutcome>>> issueGathered(List<IssueDraft> drafts) {
        Promise<Void> firstBatchMayGo = Promise.promise();
        Promise<Context> firstBatchStarted = Promise.promise();
        Function<List<IssueDraft>, Future<List<Future<IssueOutcome>>>> writer = batch -> {
            if (batchSizes.size() > 1) {
                return store.issueAll(batch);
            }
            firstBatchStarted.complete(Vertx.currentContext());
            return firstBatchMayGo.future().compose(go -> store.issueAll(batch));
        };
        IssueBatcher batcher = new IssueBatcher(writer,
                new LuotConfig.IssueBatch(Duration.ofSeconds(60), 64, 1), batchSizes::add);
        List<Future<IssueOutcome>> answers = new CopyOnWriteArrayList<>();
        return server.vertx().deployVerticle(batcher)
                .compose(id -> {
                    answers.add(batcher.issue(drafts.get(0)));
                    return firstBatchStarted.future();
                })
                .compose(context -> {
                    drafts.subList(1, drafts.size()).forEach(d -> answers.add(batcher.issue(d)));
                    // The batcher's tasks run in order: this one runs after every arrival above.
                    context.runOnContext(v -> firstBatchMayGo.complete());
                    return Future.join(answers).otherwiseEmpty();
                })
                .map(all -> List.copyOf(answers));
    }

    /** The outcome of an answer that must have succeeded; its cause if it failed. */
    private static IssueOutcome outcome(Future<IssueOutcome> answer) {
        if (answer.failed()) {
            throw new AssertionError("the draft was not issued", answer.cause());
        }
        return answer.result();
    }

    /** Counts rows through the server's own pool, so no event loop waits on a blocking query. */
    private Future<Long> count(String sql) {
        return server.server().pool().query(sql).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private IssueDraft draft(String key) {
        Instant now = server.clock().instant();
        Ticket ticket = new Ticket(TicketIds.next(now), "-", ServiceDay.of(now, server.config().catalogue().timeZone()),
                SITE, SERVICE, null, Channel.KIOSK, TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0,
                null, null);
        return new IssueDraft(ticket, "A", new TicketRequest(SITE, SERVICE, null, Channel.KIOSK, null, null, null),
                key, null, null);
    }

    private static IssueDraft withId(IssueDraft d, UUID id) {
        Ticket t = d.draft();
        return new IssueDraft(new Ticket(id, t.number(), t.serviceDay(), t.siteId(), t.serviceId(), t.priorityGroup(),
                t.channel(), t.status(), t.issuedAt(), t.queuedSince(), null, null, null, null, null, 0, 0, t.note(),
                t.slotStart()), d.prefix(), d.request(), d.idempotencyKey(), d.print(), d.estimateMinutes());
    }
}
