package vn.luot.bench;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketIds;
import vn.luot.core.domain.ticket.TicketRequest;
import vn.luot.core.domain.ticket.TicketStatus;
import vn.luot.core.queue.impl.IssueBatcher;
import vn.luot.core.store.IssueDraft;
import vn.luot.core.store.QueueStore;

/**
 * Ticket issuing through the server's own store and group commit ({@link IssueBatcher} over
 * {@code QueueStore.issueAll}), open loop, straight against the server's PostgreSQL: the database's share
 * of issuing, without HTTP and without the live hub, to set beside the raw insert ceiling of the same run.
 * Its tickets belong to a service day far ahead ({@link #DAY}), so no counter, board or report of today
 * sees them, and they are deleted afterwards.
 */
final class StoreIssueLoad {
    static final LocalDate DAY = LocalDate.of(2099, 1, 1);
    private static final String[][] MIX = {{"hac-thanh", "chung-thuc", "A"}, {"hac-thanh", "ho-tich", "B"},
            {"tinh", "chung-thuc", "A"}, {"tinh", "tra-ket-qua", "H"}};

    private StoreIssueLoad() {
    }

    /** One step per rate, with group commit as configured ({@code settings}) or every ticket alone (maxSize 1). */
    static List<Report.StoreStep> run(Vertx vertx, String databaseUrl, int connections, LuotConfig.IssueBatch settings,
                                      int[] rates, Duration warmup, Duration measure) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(connections)).connectingTo(databaseUrl)
                .using(vertx).build();
        List<Report.StoreStep> steps = new CopyOnWriteArrayList<>();
        try {
            // Not reported: the first tickets create the far day's sequences, and the batch path and this
            // load generator start interpreted; without it the first step measures the JIT.
            IssueBatcher warming = new IssueBatcher(QueueStore.create(pool)::issueAll, settings, size -> { });
            String warmingId = vertx.deployVerticle(warming).await(30, TimeUnit.SECONDS);
            step(vertx, warming, rates[0], warmup, warmup.multipliedBy(2));
            vertx.undeploy(warmingId).await(30, TimeUnit.SECONDS);
            for (int rate : rates) {
                List<Integer> sizes = new CopyOnWriteArrayList<>();
                IssueBatcher batcher = new IssueBatcher(QueueStore.create(pool)::issueAll, settings, sizes::add);
                String id = vertx.deployVerticle(batcher).await(30, TimeUnit.SECONDS);
                Report.IssueStep step = step(vertx, batcher, rate, warmup, measure);
                vertx.undeploy(id).await(30, TimeUnit.SECONDS);
                double mean = sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
                int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
                steps.add(new Report.StoreStep(settings.maxSize(), step, mean, max));
                BenchMain.log("  store, batches up to %d: %,d/s -> achieved %,.0f/s, p50 %.1f ms, p99 %.1f ms, "
                                + "errors %d, tickets per batch mean %.1f, max %d", settings.maxSize(), rate,
                        step.achievedRate(), step.p50Ms(), step.p99Ms(), step.errors(), mean, max);
                boolean knee = step.achievedRate() < 0.9 * rate || step.errors() > 0;
                if (knee) {
                    break;
                }
            }
            pool.preparedQuery("DELETE FROM tickets WHERE service_day = $1").execute(io.vertx.sqlclient.Tuple.of(DAY))
                    .compose(deleted -> pool.query("DROP SEQUENCE IF EXISTS ticket_seq_20990101_a, "
                            + "ticket_seq_20990101_b, ticket_seq_20990101_h").execute())
                    .await(60, TimeUnit.SECONDS);
            return steps;
        } catch (Exception e) {
            throw new IllegalStateException("store issuing failed: " + e.getMessage(), e);
        } finally {
            pool.close();
        }
    }

    private static Report.IssueStep step(Vertx vertx, IssueBatcher batcher, int rate, Duration warmup,
                                         Duration measure) {
        return OpenLoop.run(vertx, rate, warmup, measure,
                i -> batcher.issue(draft(MIX[(int) (i % MIX.length)])).map(outcome -> true));
    }

    /** A kiosk ticket of the far day, as the issue use case drafts it. */
    private static IssueDraft draft(String[] kind) {
        Instant now = Instant.now();
        Ticket ticket = new Ticket(TicketIds.next(now), "-", DAY, kind[0], kind[1], null, Channel.KIOSK,
                TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null);
        return new IssueDraft(ticket, kind[2], new TicketRequest(kind[0], kind[1], null, Channel.KIOSK, null, null,
                null), null, null, 2);
    }
}
