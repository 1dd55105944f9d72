package vn.luot.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.domain.booking.SlotSettings;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/**
 * The capacity of a slot holds when many citizens book its last places at the same instant: the
 * places are counted in PostgreSQL with a guarded UPDATE, not in the server's memory.
 */
@DisplayName("Slot capacity under concurrent booking")
class SlotCapacityTest {
    private static final Logger LOG = LoggerFactory.getLogger(SlotCapacityTest.class);
    private static final int CLIENTS = 60;
    private static final int PLACES = 5;
    private static final String SLOT = "2026-11-27T09:00:00+07:00";
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(config -> {
            SlotSettings slots = config.booking().slots();
            // The clients all come from this machine's address: no daily or rate limit here.
            return config.withBooking(config.booking().withSlots(new SlotSettings(slots.slotLength(), slots.openDaysAhead(),
                    slots.closesBefore(), slots.closedDays(), new SlotSettings.Places(PLACES, Map.of())))
                    .withLimits(new DailyLimit(1000, 1000, 1000, 1000), 10_000));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("60 clients booking a 5-place slot at the same instant get exactly 5 bookings; the other 55 get "
            + "409 slot_full with the nearest free slots")
    void exactlyTheCapacity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Response>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String phone = String.format("09%08d", i);
            // One HTTP client each, so that the requests really arrive together on separate connections.
            ApiClient client = new ApiClient(server.api().baseUrl());
            clients.add(() -> {
                ready.countDown();
                go.await();
                return client.post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                        .put("serviceId", "chung-thuc").put("slotStart", SLOT).put("name", "Công dân " + phone)
                        .put("phone", phone));
            });
        }
        List<Future<Response>> answers = new ArrayList<>();
        long started;
        try {
            clients.forEach(c -> answers.add(pool.submit(c)));
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            started = System.nanoTime();
            go.countDown();
            int booked = 0;
            int full = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.status() == 201) {
                    booked++;
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(409);
                    assertThat(r.error()).isEqualTo("slot_full");
                    assertThat(r.json().getJsonArray("nearestFreeSlots")).isNotEmpty();
                    full++;
                }
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.info("Slot capacity: {} clients, {} places: {} booked, {} refused as full, in {} ms",
                    CLIENTS, PLACES, booked, full, millis);
            assertThat(booked).isEqualTo(PLACES);
            assertThat(full).isEqualTo(CLIENTS - PLACES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count("SELECT count(*) FROM bookings WHERE slot_start = '" + SLOT + "'")).isEqualTo(PLACES);
        assertThat(server.count("SELECT taken FROM booking_slots WHERE slot_start = '" + SLOT + "'")).isEqualTo(PLACES);
        Response slots = server.api().get("/api/v1/slots?siteId=hac-thanh&serviceId=chung-thuc&from=2026-11-27&to=2026-11-27");
        JsonObject nine = slots.json().getJsonArray("slots").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("start").equals(SLOT)).findFirst().orElseThrow();
        assertThat(nine.getInteger("free")).isZero();
    }
}
