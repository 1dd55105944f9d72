package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("POST /api/v1/tickets and GET /api/v1/tickets/{id}")
class TicketApiTest extends ServerPerClassTest {

    private long tickets() {
        return server.count("SELECT count(*) FROM tickets");
    }

    @Test
    @DisplayName("Taking a ticket returns 201 with its number, place, estimated wait, issue time and tracking link")
    void issuesATicket() {
        Response r = server.api().post("/api/v1/tickets",
                new JsonObject().put("serviceId", "ho-tich").put("siteId", "hac-thanh"));

        assertThat(r.status()).isEqualTo(201);
        JsonObject t = r.json();
        assertThat(t.getString("id")).isNotBlank();
        assertThat(t.getString("number")).matches("B\\d{3}");
        assertThat(t.getString("siteId")).isEqualTo("hac-thanh");
        assertThat(t.getString("serviceId")).isEqualTo("ho-tich");
        assertThat(t.getString("status")).isEqualTo("waiting");
        assertThat(t.getString("channel")).isEqualTo("kiosk");
        assertThat(t.getInteger("position")).isNotNull();
        assertThat(t.containsKey("estimatedWaitMinutes")).isTrue();
        assertThat(t.getString("issuedAt")).endsWith("+07:00");
        assertThat(t.getString("holderSecret")).matches("[A-Za-z0-9_-]{22}");
        assertThat(t.getString("trackingUrl"))
                .isEqualTo("http://localhost:8080/t/" + t.getString("id") + "?s=" + t.getString("holderSecret"));
        assertThat(r.header("Location")).hasValue("/api/v1/tickets/" + t.getString("id"));
    }

    @Test
    @DisplayName("A ticket can be read back with where it stands")
    void readsATicketBack() {
        JsonObject issued = server.issue("tinh", "dat-dai");

        Response r = server.api().get("/api/v1/tickets/" + issued.getString("id"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("number")).isEqualTo(issued.getString("number"));
        assertThat(r.json().getString("status")).isEqualTo("waiting");
        assertThat(r.json().getInteger("position")).isEqualTo(issued.getInteger("position"));
    }

    @Test
    @DisplayName("The same Idempotency-Key returns the same ticket and never creates a second one")
    void idempotencyKeyReturnsTheSameTicket() {
        JsonObject body = new JsonObject().put("serviceId", "chung-thuc").put("siteId", "hac-thanh");
        String key = UUID.randomUUID().toString();
        long before = tickets();

        Response first = server.api().post("/api/v1/tickets", body, "Idempotency-Key", key);
        Response retry = server.api().post("/api/v1/tickets", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(retry.json().getString("number")).isEqualTo(first.json().getString("number"));
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("A kiosk double tap (two requests with one key at the same instant) makes exactly one ticket")
    void concurrentDoubleTapMakesOneTicket() throws Exception {
        JsonObject body = new JsonObject().put("serviceId", "tra-ket-qua").put("siteId", "tinh");
        long before = tickets();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                String key = UUID.randomUUID().toString();
                List<Callable<Response>> taps = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    taps.add(() -> server.api().post("/api/v1/tickets", body, "Idempotency-Key", key));
                }
                List<String> ids = new ArrayList<>();
                for (Future<Response> f : pool.invokeAll(taps)) {
                    assertThat(f.get().status()).isEqualTo(201);
                    ids.add(f.get().json().getString("id"));
                }
                assertThat(ids).containsOnly(ids.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets()).isEqualTo(before + 10);
    }

    @Test
    @DisplayName("Reusing an Idempotency-Key for a different request is refused with 422 and creates nothing")
    void reusedKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        server.api().post("/api/v1/tickets", new JsonObject().put("serviceId", "ho-tich").put("siteId", "hac-thanh"),
                "Idempotency-Key", key);
        long before = tickets();

        Response r = server.api().post("/api/v1/tickets",
                new JsonObject().put("serviceId", "dat-dai").put("siteId", "hac-thanh"), "Idempotency-Key", key);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("idempotency_key_reused");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    @DisplayName("A priority group, a channel and a note are kept on the ticket; a phone number is stored but never shown")
    void keepsPriorityChannelNoteAndPhone() {
        JsonObject t = server.issue(new JsonObject().put("serviceId", "chinh-sach").put("siteId", "hac-thanh")
                .put("priority", "elderly").put("channel", "desk").put("note", "cần hỗ trợ điền tờ khai")
                .put("phone", "0912 345 678"));

        assertThat(t.getString("priority")).isEqualTo("elderly");
        assertThat(t.getString("channel")).isEqualTo("desk");
        assertThat(t.getString("note")).isEqualTo("cần hỗ trợ điền tờ khai");
        assertThat(t.encode()).doesNotContain("0912");
        assertThat(server.count("SELECT count(*) FROM tickets WHERE phone = '0912 345 678'")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown service                | {\"serviceId\":\"nope\",\"siteId\":\"hac-thanh\"}                 | 400 | unknown_service",
        "an unknown site                   | {\"serviceId\":\"ho-tich\",\"siteId\":\"nowhere\"}                | 400 | unknown_site",
        "a service the site does not offer | {\"serviceId\":\"kinh-doanh\",\"siteId\":\"tinh\"}               | 400 | service_not_offered",
        "an unknown priority group         | {\"serviceId\":\"ho-tich\",\"siteId\":\"tinh\",\"priority\":\"vip\"} | 400 | unknown_priority_group",
        "an unknown channel                | {\"serviceId\":\"ho-tich\",\"siteId\":\"tinh\",\"channel\":\"fax\"}  | 400 | unknown_channel",
        "a missing service                 | {\"siteId\":\"tinh\"}                                           | 400 | invalid_field",
        "a number where text belongs       | {\"serviceId\":42,\"siteId\":\"tinh\"}                           | 400 | invalid_field",
        "a list where text belongs         | {\"serviceId\":[\"ho-tich\"],\"siteId\":\"tinh\"}                  | 400 | invalid_field",
        "malformed JSON                    | {\"serviceId\": \"ho-tich\",                                     | 400 | malformed_json",
        "a JSON array instead of an object | [1,2,3]                                                        | 400 | malformed_json",
        "an empty body                     | ''                                                             | 400 | invalid_field",
        "a phone number that is not one    | {\"serviceId\":\"ho-tich\",\"siteId\":\"tinh\",\"phone\":\"call me\"} | 400 | invalid_field",
    })
    @DisplayName("Bad input gets a 4xx JSON error naming the problem, and creates no ticket")
    void badInputIsRefusedAndChangesNothing(String why, String body, int status, String error) {
        long before = tickets();

        Response r = server.api().postRaw("/api/v1/tickets", body);

        assertThat(r.status()).as(why).isEqualTo(status);
        assertThat(r.error()).as(why).isEqualTo(error);
        assertThat(r.json().getString("message")).as(why).isNotBlank();
        assertThat(tickets()).as(why).isEqualTo(before);
    }

    @Test
    @DisplayName("A body over 64 KB is refused with 413 and creates no ticket")
    void oversizedBodyIsRefused() {
        long before = tickets();
        String huge = new JsonObject().put("serviceId", "ho-tich").put("siteId", "tinh")
                .put("note", "x".repeat(70_000)).encode();

        Response r = server.api().postRaw("/api/v1/tickets", huge);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isEqualTo("body_too_large");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    @DisplayName("Error messages come in Vietnamese when the client asks for it")
    void errorsInVietnamese() {
        Response r = server.api().post("/api/v1/tickets",
                new JsonObject().put("serviceId", "nope").put("siteId", "hac-thanh"), "Accept-Language", "vi-VN");

        assertThat(r.json().getString("message")).isEqualTo("Không có dịch vụ 'nope'.");
    }

    @Test
    @DisplayName("Error messages name sites and services by their names in the reader's language, not by their ids")
    void errorsNameThings() {
        JsonObject body = new JsonObject().put("serviceId", "kinh-doanh").put("siteId", "tinh");

        Response vi = server.api().post("/api/v1/tickets", body, "Accept-Language", "vi");
        Response en = server.api().post("/api/v1/tickets", body, "Accept-Language", "en");

        assertThat(vi.json().getString("message")).isEqualTo(
                "Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh không tiếp nhận dịch vụ Đăng ký hộ kinh doanh.");
        assertThat(en.json().getString("message")).isEqualTo(
                "Reception point at the provincial centre does not offer Household business registration.");
    }

    @Test
    @DisplayName("The language of an error follows the weights of Accept-Language as the router reads them, not its first letters")
    void errorLanguageFollowsTheWeights() {
        JsonObject body = new JsonObject().put("serviceId", "kinh-doanh").put("siteId", "tinh");

        Response preferred = server.api().post("/api/v1/tickets", body, "Accept-Language", "en;q=0.5, vi;q=0.9");
        Response refused = server.api().post("/api/v1/tickets", body, "Accept-Language", "vi;q=0, en");
        Response otherFirst = server.api().post("/api/v1/tickets", body, "Accept-Language", "fr-FR, vi-VN;q=0.7");

        assertThat(preferred.json().getString("message")).startsWith("Điểm tiếp nhận tại");
        assertThat(refused.json().getString("message")).startsWith("Reception point");
        assertThat(otherFirst.json().getString("message")).startsWith("Điểm tiếp nhận tại");
    }

    @Test
    @DisplayName("An unknown or malformed ticket id is a 404")
    void unknownTicketIs404() {
        assertThat(server.api().get("/api/v1/tickets/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(server.api().get("/api/v1/tickets/not-a-uuid").error()).isEqualTo("ticket_not_found");
    }

    @Test
    @DisplayName("A citizen can cancel a waiting ticket, and cancelling again changes nothing")
    void cancelsAWaitingTicket() {
        JsonObject t = server.issue("hac-thanh", "xay-dung");

        Response first = server.cancel(t);
        Response again = server.cancel(t);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getString("status")).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getInteger("version")).isEqualTo(first.json().getInteger("version"));
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE event = 'ticket.cancelled' AND ticket_id = '"
                + t.getString("id") + "'")).isEqualTo(1);
    }

    @Test
    @DisplayName("Unknown paths get a JSON 404")
    void unknownPathIsJson404() {
        Response r = server.api().get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("not_found");
    }
}
