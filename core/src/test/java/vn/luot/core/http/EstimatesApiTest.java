package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.estimate.PlayedTimes;
import vn.luot.core.domain.estimate.ServiceTimeAverages;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerTest;

@DisplayName("The estimates the server shows are the HallEstimator's")
class EstimatesApiTest extends ServerPerTest {

    @Test
    @DisplayName("After issuing and calling, the tickets, the lines and the site socket show what the estimator computes from the hall")
    void apiAndSocketShowTheEstimator() {
        String lan = server.newStaff("operator");
        String minh = server.newStaff("operator");
        server.open(1, lan, "chung-thuc", "tra-ket-qua");
        server.open(2, minh, "chung-thuc");
        List<JsonObject> issued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            issued.add(server.issue("hac-thanh", "chung-thuc"));
            server.clock().advance(Duration.ofMinutes(1));
        }
        issued.add(server.issue(new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc")
                .put("priority", "elderly")));
        issued.add(server.issue("hac-thanh", "tra-ket-qua"));
        issued.add(server.issue("hac-thanh", "tra-ket-qua"));
        JsonObject calledBy1 = server.act(1, "call-next", lan).json();
        server.clock().advance(Duration.ofMinutes(2));
        JsonObject calledBy2 = server.act(2, "call-next", minh).json();
        server.clock().advance(Duration.ofMinutes(1));

        List<Ticket> waiting = new ArrayList<>();
        for (JsonObject t : issued) {
            JsonObject now = server.api().get("/api/v1/tickets/" + t.getString("id")).json();
            if ("waiting".equals(now.getString("status"))) {
                waiting.add(ticket(now));
            }
        }
        HallState hall = hallWith(waiting, calledBy1, calledBy2);
        HallEstimator estimator = estimator(server.config());
        // Nothing completed yet: the learnt means are the configured ones, played as the server plays them.
        PlayedTimes times = new ServiceTimeAverages(server.config().catalogue().services(),
                server.config().queue().serviceTimeSmoothing(), server.config().queue().serviceTimeLogSmoothing(),
                server.config().simulation().serviceTimeVariation()).playedTimes();

        for (Ticket t : waiting) {
            Integer expected = estimator.estimate(hall, t, times).minutes();
            assertThat(server.api().get("/api/v1/tickets/" + t.id()).json().getInteger("estimatedWaitMinutes"))
                    .as(t.number()).isNotNull().isEqualTo(expected);
        }
        JsonArray lines = server.api().get("/api/v1/sites/hac-thanh/queues").array("queues");
        try (LiveSocket socket = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            JsonArray snapshotLines = socket.nextMatching(m -> "snapshot".equals(m.getString("type")))
                    .getJsonArray("queues");
            for (String service : List.of("chung-thuc", "tra-ket-qua")) {
                Integer expected = estimator.estimate(hall, newTicket(service, hall.now()), times).minutes();
                assertThat(line(lines, service).getInteger("estimatedWaitMinutes")).as(service).isEqualTo(expected);
                assertThat(line(snapshotLines, service).getInteger("estimatedWaitMinutes")).as(service)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("A ticket the open counter cannot reach before 17:00 is told so, with no minutes, and so is the line")
    void notBeforeClosing() {
        server.clock().set(java.time.ZonedDateTime.of(2026, 11, 26, 16, 40, 0, 0,
                server.config().catalogue().timeZone()).toInstant());
        String lan = server.newStaff("operator");
        server.open(5, lan, "dat-dai");
        JsonObject first = server.issue("hac-thanh", "dat-dai");
        JsonObject second = server.issue("hac-thanh", "dat-dai");

        assertThat(first.getInteger("estimatedWaitMinutes")).isZero();
        assertThat(first.getBoolean("notBeforeClosing")).isFalse();
        assertThat(second.getInteger("estimatedWaitMinutes")).as("20-minute service, closing at 17:00").isNull();
        assertThat(second.getBoolean("notBeforeClosing")).isTrue();
        assertThat(line(server.api().get("/api/v1/sites/hac-thanh/queues").array("queues"), "dat-dai")
                .getBoolean("notBeforeClosing")).isTrue();
    }

    private HallState hallWith(List<Ticket> waiting, JsonObject calledBy1, JsonObject calledBy2) {
        Catalogue catalogue = server.config().catalogue();
        Instant now = server.clock().instant();
        LocalDate today = now.atZone(catalogue.timeZone()).toLocalDate();
        return new HallState(now,
                HallState.periodsOn(catalogue.site("hac-thanh").openingHours(), today, catalogue.timeZone()),
                List.of(new HallState.OpenCounter(1, List.of("chung-thuc", "tra-ket-qua"),
                                calledBy1.getString("priority") == null ? 0 : 1, calledBy1.getString("serviceId"),
                                instant(calledBy1.getString("calledAt"))),
                        new HallState.OpenCounter(2, List.of("chung-thuc"), calledBy2.getString("priority") == null ? 0 : 1,
                                calledBy2.getString("serviceId"), instant(calledBy2.getString("calledAt")))),
                waiting);
    }

    private static HallEstimator estimator(LuotConfig config) {
        return new HallEstimator(new CallPolicy(config.queue().maxPriorityCallsInRow()),
                id -> config.catalogue().service(id).targetWait());
    }

    private static Ticket ticket(JsonObject json) {
        Instant issued = instant(json.getString("issuedAt"));
        return new Ticket(UUID.fromString(json.getString("id")), json.getString("number"), null,
                json.getString("siteId"), json.getString("serviceId"), json.getString("priority"), Channel.KIOSK,
                TicketStatus.WAITING, issued, instant(json.getString("queuedSince")), null, null, null, null, null,
                0, json.getInteger("version"), null, null);
    }

    /** A ticket taken now, after every real one. */
    private static Ticket newTicket(String service, Instant now) {
        return new Ticket(UUID.randomUUID(), "~".repeat(20), null, "hac-thanh", service, null, Channel.KIOSK,
                TicketStatus.WAITING, now, now, null, null, null, null, null, 0, 0, null, null);
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static JsonObject line(JsonArray lines, String service) {
        for (int i = 0; i < lines.size(); i++) {
            if (service.equals(lines.getJsonObject(i).getString("serviceId"))) {
                return lines.getJsonObject(i);
            }
        }
        throw new AssertionError(service);
    }
}
