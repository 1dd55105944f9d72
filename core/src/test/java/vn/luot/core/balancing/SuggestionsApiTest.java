package vn.luot.core.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

@DisplayName("GET /api/v1/suggestions and POST /api/v1/suggestions/{id}/accept")
class SuggestionsApiTest extends ServerPerClassTest {

    private static JsonObject suggestion(String token, String id) {
        return server.api().get("/api/v1/suggestions", TestServer.bearer(token)).json().getJsonArray("suggestions")
                .stream().map(JsonObject.class::cast).filter(s -> s.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion " + id));
    }

    private static Response accept(String token, String id, String key) {
        return server.api().post("/api/v1/suggestions/" + id + "/accept", null, "Authorization", "Bearer " + token,
                "Idempotency-Key", key);
    }

    @Test
    @DisplayName("A long land line here and a land counter free at the provincial point: moving the newest is suggested with its effect, accepting moves them once, and a retry answers the same")
    void moveSuggestion() {
        String manager = server.newStaff("manager");
        server.open(6, server.newStaff("operator"), "dat-dai");
        server.open(23, server.newStaff("operator"), "dat-dai");
        for (int i = 0; i < 8; i++) {
            server.issue("hac-thanh", "dat-dai");
        }

        JsonObject move = suggestion(manager, "move:hac-thanh:dat-dai:tinh");
        int count = move.getInteger("count");
        assertThat(count).isPositive();
        assertThat(move.getLong("minutesSaved")).isPositive();
        JsonObject here = move.getJsonArray("effects").getJsonObject(0);
        assertThat(here.getInteger("minutesAfter")).isLessThan(here.getInteger("minutesBefore"));
        assertThat(move.getJsonObject("title").getString("vi"))
                .startsWith("Chuyển " + count + " số Đất đai mới nhất sang Điểm tiếp nhận");

        String key = UUID.randomUUID().toString();
        Response accepted = accept(manager, move.getString("id"), key);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().getJsonArray("moved")).hasSize(count);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE site_id = 'tinh' AND service_id = 'dat-dai'"))
                .isEqualTo(count);

        Response retry = accept(manager, move.getString("id"), key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(accepted.json());
        assertThat(server.count("SELECT count(*) FROM tickets WHERE site_id = 'tinh' AND service_id = 'dat-dai'"))
                .isEqualTo(count);
    }

    @Test
    @DisplayName("An idle counter also serving a long line is suggested; accepted once it changes the counter, and accepted again it is 409 with the reason")
    void serveSuggestion() {
        String manager = server.newStaff("manager");
        server.open(1, server.newStaff("operator"), "chung-thuc");
        server.open(4, server.newStaff("operator"), "chinh-sach");
        for (int i = 0; i < 10; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }

        JsonObject serve = suggestion(manager, "serve:4:chung-thuc");
        assertThat(serve.getString("kind")).isEqualTo("serve_also");
        assertThat(serve.getJsonObject("title").getString("vi")).startsWith("Cho quầy 4 nhận thêm Chứng thực: chờ ");
        Response accepted = accept(manager, "serve:4:chung-thuc", UUID.randomUUID().toString());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().getJsonArray("services")).containsExactly("chinh-sach", "chung-thuc");

        Response again = server.api().post("/api/v1/suggestions/serve:4:chung-thuc/accept", null, "Authorization",
                "Bearer " + manager, "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "vi");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("suggestion_no_longer_valid");
        assertThat(again.json().getString("message")).startsWith("Gợi ý không còn phù hợp: ");
        assertThat(server.api().post("/api/v1/suggestions/nonsense/accept", null, TestServer.bearer(manager)).status())
                .isEqualTo(404);
        assertThat(server.api().get("/api/v1/suggestions", TestServer.bearer(server.newStaff("operator"))).status())
                .isEqualTo(403);
    }
}
