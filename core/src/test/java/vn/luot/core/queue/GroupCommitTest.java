package vn.luot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
@DisplayName("Group commit of issued tickets")
class GroupCommitTest {
    private static final String SITE = "hac-thanh";
    private static final String SERVICE = "chung-thuc";

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
    @DisplayName("Requests that arrive while a batch is being written are written together in the next one, each with its own number")
    void gathersWhileABatchIsInFlight() {
        List<Future<IssueOutcome>> answers = issueGathered(List.of(draft(null), draft(null), draft(null), draft(null)));

        assertThat(batchSizes).containsExactly(1, 3);
        List<String> numbers = answers.stream().map(a -> a.await().ticket().number()).toList();
        assertThat(numbers).containsExactly("A001", "A002", "A003", "A004");
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(4);
    }

    @Test
    @DisplayName("The same idempotency key twice in one batch gives one ticket and both the same answer; a retry after the commit gets it too")
    void sameKeyTwiceInOneBatch() {
        List<Future<IssueOutcome>> answers = issueGathered(List.of(draft(null), draft("key-1"), draft("key-1"),
                draft(null)));

        assertThat(batchSizes).containsExactly(1, 3);
        Ticket first = answers.get(1).await().ticket();
        IssueOutcome second = answers.get(2).await();
        assertThat(second.ticket()).isEqualTo(first);
        assertThat(second.replayed()).isTrue();
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(3);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE idempotency_key = 'key-1'")).isEqualTo(1);

        IssueOutcome retry = store.issueAll(List.of(draft("key-1"))).await().get(0).await();
        assertThat(retry.ticket().id()).isEqualTo(first.id());
        assertThat(retry.ticket().number()).isEqualTo(first.number());
        assertThat(retry.replayed()).isTrue();
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(3);
    }

    @Test
    @DisplayName("A key reused with another request in a batch is refused for that request alone")
    void reusedKeyFailsAlone() {
        IssueDraft other = new IssueDraft(draft(null).draft(), "B",
                new TicketRequest(SITE, "ho-tich", null, Channel.KIOSK, null, null, null), "key-2", null, null);
        List<Future<IssueOutcome>> answers = issueGathered(List.of(draft(null), draft("key-2"), other, draft(null)));

        assertThat(answers.get(1).await().replayed()).isFalse();
        assertThat(answers.get(2).cause()).isInstanceOf(QueueException.class)
                .satisfies(e -> assertThat(((QueueException) e).problem()).isEqualTo(Problem.IDEMPOTENCY_KEY_REUSED));
        assertThat(answers.get(3).await().ticket().number()).isNotBlank();
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(3);
    }

    @Test
    @DisplayName("A draft the database refuses fails alone: the others in its batch get their tickets, and their print jobs")
    void oneBadDraftDoesNotFailItsNeighbours() {
        UUID taken = UUID.fromString(server.issue(SITE, SERVICE).getString("id"));
        IssueDraft clash = withId(draft(null), taken);   // the primary key of a stored ticket: the statement fails
        UUID jobId = UUID.randomUUID();
        IssueDraft printed = new IssueDraft(draft(null).draft(), "A",
                new TicketRequest(SITE, SERVICE, null, Channel.KIOSK, "kiosk-1", null, null), null,
                new PrintOrder(jobId, "kiosk-1", t -> new JsonObject().put("number", t.number()).encode()), 3);

        List<Future<IssueOutcome>> answers = issueGathered(List.of(draft(null), draft(null), clash, printed));

        assertThat(batchSizes).containsExactly(1, 3);
        assertThat(answers.get(0).succeeded()).isTrue();
        assertThat(answers.get(1).succeeded()).isTrue();
        assertThat(answers.get(2).failed()).isTrue();
        Ticket withJob = answers.get(3).await().ticket();
        assertThat(server.count("SELECT count(*) FROM print_jobs WHERE id = '" + jobId + "' AND ticket_id = '"
                + withJob.id() + "' AND payload->>'number' = '" + withJob.number() + "'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(4);
        assertThat(server.count("SELECT count(DISTINCT number) FROM tickets")).isEqualTo(4);
    }

    @Test
    @DisplayName("Stopping the batcher writes the requests it had gathered and answers them, instead of dropping them")
    void stopAnswersWhatWasGathered() {
        Promise<Void> firstBatchMayGo = Promise.promise();
        CompletableFuture<Context> firstBatchStarted = new CompletableFuture<>();
        IssueBatcher batcher = new IssueBatcher(batch -> {
            if (batchSizes.size() > 1) {
                return store.issueAll(batch);
            }
            firstBatchStarted.complete(Vertx.currentContext());
            return firstBatchMayGo.future().compose(go -> store.issueAll(batch));
        }, new LuotConfig.IssueBatch(Duration.ofSeconds(60), 64, 1), size -> batchSizes.add(size));
        String id = server.vertx().deployVerticle(batcher).await();
        List<Future<IssueOutcome>> answers = new ArrayList<>();
        answers.add(batcher.issue(draft(null)));
        Context context = firstBatchStarted.orTimeout(60, TimeUnit.SECONDS).join();
        answers.add(batcher.issue(draft(null)));
        answers.add(batcher.issue(draft(null)));

        Future<Void> stopped = Future.future(p -> context.runOnContext(v -> server.vertx().undeploy(id).onComplete(p)));
        context.runOnContext(v -> firstBatchMayGo.complete());
        stopped.await();

        assertThat(answers).allSatisfy(a -> assertThat(a.await().ticket().number()).startsWith("A"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(3);
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
     * held until the others have arrived, so they gather into the next batch (no timing involved).
     */
    private List<Future<IssueOutcome>> issueGathered(List<IssueDraft> drafts) {
        Promise<Void> firstBatchMayGo = Promise.promise();
        CompletableFuture<Context> firstBatchStarted = new CompletableFuture<>();
        Function<List<IssueDraft>, Future<List<Future<IssueOutcome>>>> writer = batch -> {
            if (batchSizes.size() > 1) {
                return store.issueAll(batch);
            }
            firstBatchStarted.complete(Vertx.currentContext());
            return firstBatchMayGo.future().compose(go -> store.issueAll(batch));
        };
        IssueBatcher batcher = new IssueBatcher(writer,
                new LuotConfig.IssueBatch(Duration.ofSeconds(60), 64, 1), batchSizes::add);
        server.vertx().deployVerticle(batcher).await();
        List<Future<IssueOutcome>> answers = new ArrayList<>();
        answers.add(batcher.issue(drafts.get(0)));
        Context context = firstBatchStarted.orTimeout(60, TimeUnit.SECONDS).join();
        drafts.subList(1, drafts.size()).forEach(d -> answers.add(batcher.issue(d)));
        // The batcher's tasks run in order: this one runs after every arrival above.
        context.runOnContext(v -> firstBatchMayGo.complete());
        Future.join(answers).otherwiseEmpty().await();
        return answers;
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
