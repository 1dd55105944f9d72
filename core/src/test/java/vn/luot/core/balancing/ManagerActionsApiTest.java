package vn.luot.core.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("Managers balance the sites: move tickets, change a counter's services, push notices, all in the audit log")
class ManagerActionsApiTest extends ServerPerClassTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private static String[] manager(String token, String key) {
        return new String[] {"Authorization", "Bearer " + token, "Idempotency-Key", key};
    }

    private static JsonObject until(LiveSocket socket, Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject m = socket.next(PATIENCE);
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching message within " + PATIENCE);
    }

    private static Predicate<JsonObject> type(String type) {
        return m -> type.equals(m.getString("type"));
    }

    @Test
    @DisplayName("An operator gets 403 for every manager action, and nothing changes")
    void operatorsAreRefused() {
        String operator = server.newStaff("operator");
        String[] auth = TestServer.bearer(operator);
        long audited = server.count("SELECT count(*) FROM audit_log");

        assertThat(server.api().post("/api/v1/notices", new JsonObject(), auth).status()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/audit", auth).status()).isEqualTo(403);
        assertThat(server.api().post("/api/v1/sites/hac-thanh/move-tickets", new JsonObject(), auth).status())
                .isEqualTo(403);
        Response services = server.api().put("/api/v1/counters/4/services",
                new JsonObject().put("services", new JsonArray().add("ho-tich")), auth);
        assertThat(services.status()).isEqualTo(403);
        assertThat(services.error()).isEqualTo("forbidden");
        assertThat(server.count("SELECT count(*) FROM audit_log")).isEqualTo(audited);
    }

    @Test
    @DisplayName("The newest waiting tickets of a service move to the other site with their numbers and issue times, take their place there by issue time, reach both halls in gapless sequence, tell their holders, and a retry moves nothing more")
    void movesTheNewestWaitingTickets() {
        String manager = server.newStaff("manager");
        List<JsonObject> hereTickets = new ArrayList<>();
        hereTickets.add(server.issue("hac-thanh", "dat-dai"));
        server.clock().advance(Duration.ofMinutes(1));
        JsonObject atTinh = server.issue("tinh", "dat-dai");
        for (int i = 0; i < 3; i++) {
            server.clock().advance(Duration.ofMinutes(1));
            hereTickets.add(server.issue("hac-thanh", "dat-dai"));
        }
        JsonObject newest = hereTickets.get(3);

        try (LiveSocket hall = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"));
             LiveSocket tinh = LiveSocket.open(server.wsUrl("/ws/sites/tinh"));
             LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + newest.getString("id")))) {
            long hallSeq = hall.next().getLong("seq");
            long tinhSeq = tinh.next().getLong("seq");
            until(phone, type("ticket"));

            String key = UUID.randomUUID().toString();
            JsonObject body = new JsonObject().put("serviceId", "dat-dai").put("count", 2).put("toSiteId", "tinh");
            Response r = server.api().post("/api/v1/sites/hac-thanh/move-tickets", body, manager(manager, key));

            assertThat(r.status()).isEqualTo(200);
            JsonArray moved = r.json().getJsonArray("moved");
            assertThat(moved).hasSize(2);
            assertThat(moved.stream().map(o -> ((JsonObject) o).getString("number")).toList())
                    .containsExactlyInAnyOrder(hereTickets.get(3).getString("number"), hereTickets.get(2).getString("number"));
            JsonObject movedNewest = moved.stream().map(JsonObject.class::cast)
                    .filter(m -> m.getString("id").equals(newest.getString("id"))).findFirst().orElseThrow();
            assertThat(movedNewest.getString("issuedAt")).isEqualTo(newest.getString("issuedAt"));
            assertThat(movedNewest.getString("siteId")).isEqualTo("tinh");
            assertThat(r.json().getJsonArray("notMoved")).isEmpty();

            JsonObject leaving = until(hall, m -> !"heartbeat".equals(m.getString("type")));
            assertThat(leaving.getString("type")).isEqualTo("tickets.leaving");
            assertThat(leaving.getLong("seq")).isEqualTo(++hallSeq);
            assertThat(leaving.getJsonObject("message").getString("vi")).startsWith("Các số ")
                    .contains("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh");
            for (int i = 0; i < 2; i++) {
                JsonObject here = until(hall, m -> !"heartbeat".equals(m.getString("type")));
                assertThat(here.getString("type")).isEqualTo("ticket.moved");
                assertThat(here.getLong("seq")).isEqualTo(++hallSeq);
                JsonObject there = until(tinh, m -> !"heartbeat".equals(m.getString("type")));
                assertThat(there.getString("type")).isEqualTo("ticket.moved");
                assertThat(there.getLong("seq")).isEqualTo(++tinhSeq);
                assertThat(there.getString("fromSiteId")).isEqualTo("hac-thanh");
            }
            JsonObject told = until(phone, type("moved"));
            assertThat(told.getString("toSiteId")).isEqualTo("tinh");
            assertThat(told.getInteger("travelMinutes")).isEqualTo(10);
            assertThat(told.getJsonObject("message").getString("vi"))
                    .startsWith("Số thứ tự " + newest.getString("number") + " đã được chuyển sang")
                    .contains("Mời Ông/Bà đến đó (khoảng 10 phút đi lại)");

            Response again = server.api().post("/api/v1/sites/hac-thanh/move-tickets", body, manager(manager, key));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(r.json());
        }

        assertThat(server.count("SELECT count(*) FROM tickets WHERE site_id = 'tinh' AND service_id = 'dat-dai' "
                + "AND status = 'waiting'")).as("the retry moved nothing more").isEqualTo(3);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE site_id = 'hac-thanh' AND service_id = 'dat-dai' "
                + "AND status = 'waiting'")).isEqualTo(2);
        // Order at tinh by original issue time: the ticket taken there at minute 1 comes before those moved.
        JsonObject tinhQueue = server.api().get("/api/v1/sites/tinh/queues").json().getJsonArray("queues").stream()
                .map(JsonObject.class::cast).filter(q -> q.getString("serviceId").equals("dat-dai")).findFirst().orElseThrow();
        assertThat(tinhQueue.getInteger("waiting")).isEqualTo(3);
        assertThat(tinhQueue.getString("oldestQueuedSince")).isEqualTo(atTinh.getString("issuedAt"));
        JsonObject newestNow = server.api().get("/api/v1/tickets/" + newest.getString("id")).json();
        assertThat(newestNow.getString("siteId")).isEqualTo("tinh");
        assertThat(newestNow.getString("number")).isEqualTo(newest.getString("number"));
        assertThat(newestNow.getInteger("position")).as("behind the two issued earlier").isEqualTo(2);

        JsonArray audit = server.api().get("/api/v1/audit", TestServer.bearer(manager)).json().getJsonArray("entries");
        JsonObject line = audit.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals("tickets.moved")).findFirst().orElseThrow();
        assertThat(line.getString("actor")).startsWith("manager-");
        assertThat(line.getJsonObject("before").getJsonArray("tickets")).hasSize(2);
        assertThat(line.getJsonObject("after").getJsonArray("tickets").getJsonObject(0).getString("siteId"))
                .isEqualTo("tinh");
    }

    @Test
    @DisplayName("A ticket that is called is never moved: the answer says which moved and why the others did not")
    void calledTicketsStay() {
        String manager = server.newStaff("manager");
        String operator = server.newStaff("operator");
        JsonObject first = server.issue("hac-thanh", "ho-tich");
        JsonObject second = server.issue("hac-thanh", "ho-tich");
        server.open(3, operator, "ho-tich");
        assertThat(server.act(3, "call-next", operator).json().getString("id"))
                .isEqualTo(first.getString("id"));

        JsonObject body = new JsonObject().put("toSiteId", "tinh").put("ticketIds", new JsonArray()
                .add(first.getString("id")).add(second.getString("id")).add(UUID.randomUUID().toString()));
        Response r = server.api().post("/api/v1/sites/hac-thanh/move-tickets", body,
                manager(manager, UUID.randomUUID().toString()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("moved")).singleElement()
                .satisfies(m -> assertThat(((JsonObject) m).getString("id")).isEqualTo(second.getString("id")));
        JsonArray notMoved = r.json().getJsonArray("notMoved");
        assertThat(notMoved).hasSize(2);
        assertThat(notMoved.getJsonObject(0).getString("reason")).isEqualTo("not_waiting");
        assertThat(notMoved.getJsonObject(0).getString("status")).isEqualTo("called");
        assertThat(notMoved.getJsonObject(0).getJsonObject("message").getString("vi"))
                .startsWith("Số " + first.getString("number") + " không còn chờ");
        assertThat(notMoved.getJsonObject(1).getString("reason")).isEqualTo("not_found");
        assertThat(server.api().get("/api/v1/tickets/" + first.getString("id")).json().getString("status"))
                .isEqualTo("called");

        Response same = server.api().post("/api/v1/sites/tinh/move-tickets", new JsonObject().put("toSiteId", "tinh")
                .put("serviceId", "ho-tich").put("count", 1), manager(manager, UUID.randomUUID().toString()));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.error()).isEqualTo("move_to_same_site");
        Response neither = server.api().post("/api/v1/sites/hac-thanh/move-tickets",
                new JsonObject().put("toSiteId", "tinh"), manager(manager, UUID.randomUUID().toString()));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.error()).isEqualTo("invalid_field");
    }

    @Test
    @DisplayName("A counter's new services take effect at its next call; the ticket it serves is not disturbed; the change is audited with before and after")
    void servicesChangeAtTheNextCall() {
        String manager = server.newStaff("manager");
        String operator = server.newStaff("operator");
        JsonObject certification = server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        JsonObject results = server.issue("hac-thanh", "tra-ket-qua");
        server.open(2, operator, "chung-thuc");
        server.act(2, "call-next", operator);
        server.act(2, "start", operator);

        Response r = server.api().put("/api/v1/counters/2/services",
                new JsonObject().put("services", new JsonArray().add("tra-ket-qua")),
                manager(manager, UUID.randomUUID().toString()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("services")).containsExactly("tra-ket-qua");
        assertThat(server.api().get("/api/v1/tickets/" + certification.getString("id")).json().getString("status"))
                .isEqualTo("serving");
        assertThat(server.act(2, "complete", operator).status()).isEqualTo(200);
        JsonObject next = server.act(2, "call-next", operator).json();
        assertThat(next.getString("id")).as("the next call follows the new services").isEqualTo(results.getString("id"));

        JsonObject line = server.api().get("/api/v1/audit", TestServer.bearer(manager)).json().getJsonArray("entries")
                .stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals("counter.services_changed")).findFirst().orElseThrow();
        assertThat(line.getString("target")).isEqualTo("counter:2");
        assertThat(line.getJsonObject("before").getJsonArray("services")).containsExactly("chung-thuc");
        assertThat(line.getJsonObject("after").getJsonArray("services")).containsExactly("tra-ket-qua");
        Response wrong = server.api().put("/api/v1/counters/2/services",
                new JsonObject().put("services", new JsonArray().add("kinh-doanh-x")), TestServer.bearer(manager));
        assertThat(wrong.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A manager pausing another's counter is in the audit log, an operator pausing their own is not")
    void managersCounterActionsAreAudited() {
        String manager = server.newStaff("manager");
        String operator = server.newStaff("operator");
        server.open(7, operator, "kinh-doanh");
        server.act(7, "pause", operator);
        server.act(7, "resume", operator);
        long before = server.count("SELECT count(*) FROM audit_log WHERE target = 'counter:7'");
        assertThat(before).isZero();

        assertThat(server.act(7, "pause", manager).status()).isEqualTo(200);

        assertThat(server.count("SELECT count(*) FROM audit_log WHERE target = 'counter:7' AND action = 'counter.paused'"))
                .isEqualTo(1);
        assertThat(server.api().get("/api/v1/audit?date=yesterday", TestServer.bearer(manager)).error())
                .isEqualTo("invalid_field");
    }

    @Test
    @DisplayName("A notice shows at once on its site's stream and in snapshots, a retry posts it once, it ends at its end time, and a restart keeps it")
    void notices() {
        TestServer own = TestServer.start();
        TestServer restarted = null;
        try {
            String manager = own.newStaff("manager");
            Instant endsAt = own.clock().instant().plus(Duration.ofHours(1));
            JsonObject body = new JsonObject()
                    .put("text", new JsonObject().put("vi", "Quầy 5 tạm nghỉ đến 14:00").put("en", "Counter 5 is closed until 14:00"))
                    .put("siteIds", new JsonArray().add("tinh"))
                    .put("endsAt", endsAt.toString());
            String key = UUID.randomUUID().toString();
            String noticeId;
            try (LiveSocket tinh = LiveSocket.open(own.wsUrl("/ws/sites/tinh"));
                 LiveSocket hall = LiveSocket.open(own.wsUrl("/ws/sites/hac-thanh"))) {
                long seq = tinh.next().getLong("seq");
                assertThat(hall.next().getJsonArray("notices")).isEmpty();

                Response r = own.api().post("/api/v1/notices", body, manager(manager, key));
                assertThat(r.status()).isEqualTo(201);
                noticeId = r.json().getString("id");
                JsonObject posted = until(tinh, type("notice.posted"));
                assertThat(posted.getLong("seq")).isEqualTo(seq + 1);
                assertThat(posted.getJsonObject("notice").getJsonObject("text").getString("vi"))
                        .isEqualTo("Quầy 5 tạm nghỉ đến 14:00");

                Response again = own.api().post("/api/v1/notices", body, manager(manager, key));
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().getString("id")).isEqualTo(noticeId);
                assertThat(own.count("SELECT count(*) FROM notices")).isEqualTo(1);
                assertThat(own.count("SELECT count(*) FROM audit_log WHERE action = 'notice.posted'")).isEqualTo(1);
            }
            Response past = own.api().post("/api/v1/notices", body.copy().put("endsAt",
                    own.clock().instant().minusSeconds(60).toString()), TestServer.bearer(manager));
            assertThat(past.status()).isEqualTo(400);
            assertThat(past.error()).isEqualTo("notice_end_time");
            String database = own.databaseUrl();
            MutableClock clock = own.clock();
            own.close();
            own = null;

            restarted = TestServer.start(UnaryOperator.identity(), database, clock);
            try (LiveSocket tinh = LiveSocket.open(restarted.wsUrl("/ws/sites/tinh"))) {
                JsonArray shown = tinh.next().getJsonArray("notices");
                assertThat(shown).singleElement().satisfies(n -> assertThat(((JsonObject) n).getString("id"))
                        .isEqualTo(noticeId));
                restarted.clock().advance(Duration.ofHours(2));
                JsonObject ended = until(tinh, type("notice.ended"));
                assertThat(ended.getString("noticeId")).isEqualTo(noticeId);
            }
            try (LiveSocket tinh = LiveSocket.open(restarted.wsUrl("/ws/sites/tinh"))) {
                assertThat(tinh.next().getJsonArray("notices")).isEmpty();
            }
        } finally {
            if (own != null) {
                own.close();
            }
            if (restarted != null) {
                restarted.close();
            }
        }
    }
}
