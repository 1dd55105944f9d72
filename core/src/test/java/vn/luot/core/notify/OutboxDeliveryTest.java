package vn.luot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Eventually.await;
import static vn.luot.core.support.TestServer.bearer;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.notify.RetryPolicy;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

/**
 * Messages to citizens go through the outbox to a real HTTP gateway (a small server in the test) that is
 * down for an hour and then recovers: every message arrives, exactly once, signed, with the phone in the
 * international form. The server's clock starts on Thursday 26/11/2026 at 08:30 and the test moves it.
 */
@DisplayName("The outbox and the webhook gateway: no message lost, none sent twice")
class OutboxDeliveryTest {
    private static final String SECRET = "a-gateway-secret-for-tests";
    private final AtomicBoolean down = new AtomicBoolean(true);
    /** Every request the gateway got, by idempotency key. */
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    /** The requests it accepted (answered 200), in order. */
    private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private TestServer server;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!("sha256=" + sign(body)).equals(exchange.getRequestHeaders().getFirst("X-Luot-Signature"))) {
                badSignatures.add(key);
            }
            seen.merge(key, 1, Integer::sum);
            int status;
            synchronized (this) {
                boolean duplicate = accepted.stream().anyMatch(a -> a.getString("idempotencyKey").equals(key));
                status = down.get() ? 503 : 200;
                if (status == 200 && !duplicate) {
                    accepted.add(new JsonObject(new String(body, StandardCharsets.UTF_8)));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
    }

    private void startServer(int maxAttempts) {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
        server = TestServer.start(config -> config
                .withMessages(config.messages().withWebhook(url, SECRET, Duration.ofMillis(200),
                        new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), maxAttempts)))
                .withBooking(config.booking().withMissed(config.booking().missed(), Duration.ofMillis(300))));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        gateway.stop(0);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Pending messages whose tries the sender has recorded at least this many times. */
    private long triedInOutbox(int attempts) {
        return server.count("SELECT count(*) FROM notification_outbox WHERE status = 'pending' AND attempts >= "
                + attempts);
    }

    private String book(String slot, String phone) {
        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", slot).put("name", "Trần Thị Bình").put("phone", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("code");
    }

    @Test
    @DisplayName("A gateway down for an hour gets every message once when it returns: bookings made, a cancellation "
            + "and the reminder an hour before the slot, each signed, with the phone as 84…")
    void downForAnHourThenEveryMessageOnce() {
        startServer(12);
        book("2026-11-26T09:00:00+07:00", "0912 345 678");          // made; too late for a reminder
        String tomorrow = book("2026-11-27T09:00:00+07:00", "0987 654 321"); // made, reminder tomorrow 08:00
        String cancelled = book("2026-11-27T10:00:00+07:00", "0901 234 567"); // made, then cancelled
        server.api().post("/api/v1/bookings/cancel", new JsonObject().put("code", cancelled).put("phone", "0901234567"));
        assertThat(server.count("SELECT count(*) FROM notification_outbox WHERE status = 'pending'")).isEqualTo(5);

        // Each wait below also waits for the sender to record the try: the clock must not move while an
        // answer is on its way, or the next try would be planned from the moved clock (a test race, not a loss).
        await("the gateway was tried for the 4 messages due now", () -> seen.size() == 4 && triedInOutbox(1) == 4);
        server.clock().advance(Duration.ofMinutes(61));
        await("each was tried again during the hour", () -> seen.values().stream().allMatch(n -> n >= 2)
                && triedInOutbox(2) == 4);
        assertThat(accepted).isEmpty();

        down.set(false);
        server.clock().advance(Duration.ofHours(2));
        await("the 4 messages were delivered", () -> accepted.size() == 4
                && server.count("SELECT count(*) FROM notification_outbox WHERE status = 'sent'") == 4);
        server.clock().set(java.time.Instant.parse("2026-11-27T01:00:00Z"));    // 08:00 on the 27th
        await("the reminder was delivered", () -> accepted.size() == 5
                && server.count("SELECT count(*) FROM notification_outbox WHERE status = 'sent'") == 5);

        assertThat(accepted).extracting(a -> a.getString("template")).containsExactlyInAnyOrder(
                "booking_made", "booking_made", "booking_made", "booking_cancelled", "reminder");
        assertThat(accepted).extracting(a -> a.getString("idempotencyKey")).doesNotHaveDuplicates();
        JsonObject reminder = accepted.stream().filter(a -> a.getString("template").equals("reminder")).findFirst().orElseThrow();
        assertThat(reminder.getString("phone")).isEqualTo("84987654321");
        assertThat(reminder.getJsonObject("fields").getString("code")).isEqualTo(tomorrow);
        assertThat(reminder.getJsonObject("fields").getString("time")).isEqualTo("09:00 27/11/2026");
        assertThat(reminder.getString("text")).contains(tomorrow).contains("09:00 27/11/2026");
        assertThat(badSignatures).isEmpty();
        assertThat(server.count("SELECT count(*) FROM notification_outbox WHERE status = 'dropped' AND kind = 'reminder'"))
                .as("the cancelled booking's reminder is dropped").isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM notification_outbox WHERE status = 'pending'")).isZero();
    }

    @Test
    @DisplayName("A message that fails every try is marked failed and shown to managers with the phone masked")
    void failedForGoodIsShownToManagers() {
        startServer(2);
        book("2026-11-27T09:30:00+07:00", "0912 345 678");
        String manager = server.newStaff("manager");
        String operator = server.newStaff("operator");

        await("the first try, recorded by the sender", () -> !seen.isEmpty() && triedInOutbox(1) == 1);
        server.clock().advance(Duration.ofMinutes(1));
        await("failed for good", () -> server.count("SELECT count(*) FROM notification_outbox WHERE status = 'failed'") == 1);

        Response failed = server.api().get("/api/v1/notifications/failed", bearer(manager));
        assertThat(failed.status()).isEqualTo(200);
        JsonObject item = failed.json().getJsonArray("failed").getJsonObject(0);
        assertThat(item.getString("kind")).isEqualTo("booking_made");
        assertThat(item.getString("phone")).isEqualTo("09xx xxx 678");
        assertThat(item.getInteger("attempts")).isEqualTo(2);
        assertThat(item.getString("lastError")).contains("503");
        assertThat(failed.body()).doesNotContain("912345678");
        assertThat(server.api().get("/api/v1/notifications/failed", bearer(operator)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("A remote ticket's holder gets one turn-near message when 3 or fewer are ahead")
    void turnNearOnce() {
        down.set(false);
        startServer(12);
        String manager = server.newStaff("manager");
        server.open(5, manager, "dat-dai");
        for (int i = 0; i < 4; i++) {
            server.issue("hac-thanh", "dat-dai");
        }
        Response remote = server.api().post("/api/v1/remote-tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "dat-dai").put("phone", "0912 345 678").put("travelMinutes", 10));
        assertThat(remote.status()).as(remote.body()).isEqualTo(201);

        server.act(5, "call-next", manager);
        await("the turn-near message was delivered", () -> accepted.stream().anyMatch(a -> a.getString("template").equals("turn_near")));
        server.act(5, "complete", manager);
        server.act(5, "call-next", manager);
        await("the watcher has looked again", () -> server.count(
                "SELECT count(*) FROM notification_outbox WHERE kind = 'turn_near' AND status = 'sent'") == 1);

        JsonObject near = accepted.stream().filter(a -> a.getString("template").equals("turn_near")).findFirst().orElseThrow();
        assertThat(near.getJsonObject("fields").getString("number")).isEqualTo(remote.json().getString("number"));
        assertThat(near.getJsonObject("fields").getString("ahead")).isEqualTo("3");
        assertThat(near.getString("phone")).isEqualTo("84912345678");
        assertThat(server.count("SELECT count(*) FROM notification_outbox WHERE kind = 'turn_near'")).isEqualTo(1);
    }
}
