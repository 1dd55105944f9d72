package vn.luot.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("Many counters calling at the same instant")
class ConcurrentCallTest extends ServerPerClassTest {
    private static final int COUNTERS = 8;
    private static final int TICKETS = 2_000;

    @Test
    @DisplayName("8 counters serving the same lines call 2,000 tickets with no ticket ever called twice")
    void noTicketIsCalledTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(COUNTERS);
        try {
            issueAll(pool);
            List<String> operators = new ArrayList<>();
            for (int counter = 1; counter <= COUNTERS; counter++) {
                String token = server.newStaff("operator");
                server.open(counter, token, "chung-thuc", "ho-tich");
                operators.add(token);
            }
            ConcurrentLinkedQueue<String> called = new ConcurrentLinkedQueue<>();
            CyclicBarrier together = new CyclicBarrier(COUNTERS);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < COUNTERS; i++) {
                int counter = i + 1;
                String token = operators.get(i);
                workers.add(pool.submit(() -> {
                    together.await();
                    int mine = 0;
                    while (true) {
                        Response r = server.act(counter, "call-next", token);
                        if (r.status() == 204) {
                            return mine;
                        }
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        called.add(r.json().getString("id"));
                        mine++;
                        assertThat(server.act(counter, "complete", token).status()).isEqualTo(200);
                    }
                }));
            }
            int total = 0;
            int busiest = 0;
            for (Future<Integer> worker : workers) {
                int calls = worker.get(5, TimeUnit.MINUTES);
                total += calls;
                busiest = Math.max(busiest, calls);
            }

            Set<String> distinct = new HashSet<>(called);
            assertThat(called).hasSize(TICKETS);
            assertThat(distinct).hasSize(TICKETS);
            assertThat(total).isEqualTo(TICKETS);
            assertThat(busiest).as("every counter took part").isLessThan(TICKETS);
            assertThat(server.count("SELECT count(*) FROM tickets WHERE status = 'completed'")).isEqualTo(TICKETS);
            assertThat(server.count("SELECT count(*) FROM (SELECT ticket_id FROM queue_history "
                    + "WHERE event = 'ticket.called' GROUP BY ticket_id HAVING count(*) > 1) twice")).isZero();
            assertThat(server.count("SELECT count(*) FROM queue_history WHERE event = 'ticket.called'"))
                    .as("a call lost to a race leaves no row behind").isEqualTo(TICKETS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void issueAll(ExecutorService pool) throws Exception {
        List<Future<?>> issuers = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            int lane = i;
            issuers.add(pool.submit(() -> {
                for (int n = lane; n < TICKETS; n += COUNTERS) {
                    JsonObject request = new JsonObject().put("siteId", "hac-thanh")
                            .put("serviceId", n % 3 == 0 ? "ho-tich" : "chung-thuc");
                    if (n % 7 == 0) {
                        request.put("priority", "elderly");
                    }
                    server.issue(request);
                }
                return null;
            }));
        }
        for (Future<?> issuer : issuers) {
            issuer.get(5, TimeUnit.MINUTES);
        }
    }
}
