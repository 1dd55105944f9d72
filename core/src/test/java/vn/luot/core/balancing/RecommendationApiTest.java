package vn.luot.core.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Eventually.await;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("GET /api/v1/recommendation")
class RecommendationApiTest extends ServerPerClassTest {

    @Test
    @DisplayName("A long line here and an empty one at the provincial point: go there, with waits, travel, the sum and the reason in both languages")
    void goesToTheFasterSite() {
        server.open(1, server.newStaff("operator"), "dat-dai");
        server.open(21, server.newStaff("operator"), "dat-dai");
        for (int i = 0; i < 9; i++) {
            server.issue("hac-thanh", "dat-dai");
        }

        JsonObject answer = settled("/api/v1/recommendation?serviceId=dat-dai&from=hac-thanh", "go_elsewhere");

        assertThat(answer.getString("recommendedSiteId")).isEqualTo("tinh");
        JsonObject here = answer.getJsonArray("sites").getJsonObject(0);
        JsonObject there = answer.getJsonArray("sites").getJsonObject(1);
        assertThat(here.getString("siteId")).isEqualTo("hac-thanh");
        assertThat(here.getInteger("waiting")).isEqualTo(9);
        assertThat(here.getInteger("countersOpen")).isEqualTo(1);
        assertThat(here.getInteger("travelMinutes")).isZero();
        assertThat(there.getInteger("travelMinutes")).isEqualTo(10);
        assertThat(there.getInteger("totalMinutes")).isEqualTo(there.getInteger("estimatedWaitMinutes") + 10);
        int saved = here.getInteger("totalMinutes") - there.getInteger("totalMinutes");
        assertThat(answer.getInteger("minutesSaved")).isEqualTo(saved);
        assertThat(answer.getJsonObject("reason").getString("vi"))
                .startsWith("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh: chờ khoảng 0 phút")
                .contains("cộng 10 phút đi lại").endsWith("nhanh hơn " + saved + " phút");
        assertThat(answer.getJsonObject("reason").getString("en")).contains("10 minutes to get there");
    }

    @Test
    @DisplayName("Ten minutes here against none there plus ten minutes of travel is about the same: nobody is sent across town")
    void aboutTheSame() {
        server.open(3, server.newStaff("operator"), "ho-tich");
        server.open(22, server.newStaff("operator"), "ho-tich");
        server.issue("tinh", "ho-tich");

        JsonObject answer = settled("/api/v1/recommendation?serviceId=ho-tich&from=tinh", "about_the_same");

        assertThat(answer.getString("recommendedSiteId")).isEqualTo("tinh");
        assertThat(answer.getJsonObject("reason").getString("vi")).contains("không cần đi lại");
    }

    /**
     * The answer once the hall's estimate has caught up with the tickets just issued. On a loaded machine a
     * play of the hall can take longer than it may on the hub's thread; it then runs on the forecast worker
     * and the kept forecast answers until it is back (SiteBoard), so the first answer may still be the
     * estimate from before the last ticket.
     */
    private JsonObject settled(String path, String verdict) {
        AtomicReference<JsonObject> answer = new AtomicReference<>();
        await("the recommendation is " + verdict, () -> {
            answer.set(server.api().get(path).json());
            return verdict.equals(answer.get().getString("verdict"));
        });
        return answer.get();
    }

    @Test
    @DisplayName("A service offered at one site only, and one with no counter open anywhere, are answered plainly")
    void oneSiteOrNone() {
        JsonObject business = server.api().get("/api/v1/recommendation?serviceId=kinh-doanh").json();
        assertThat(business.getJsonArray("sites")).hasSize(1);
        assertThat(business.getString("verdict")).isEqualTo("none_open");
        assertThat(business.getString("recommendedSiteId")).isNull();
        assertThat(business.getJsonObject("reason").getString("vi")).startsWith("Hiện chưa có quầy nào mở");
    }

    @Test
    @DisplayName("An unknown or missing service, or an unknown site, is a 400 with a message that names it")
    void badInput() {
        Response unknown = server.api().get("/api/v1/recommendation?serviceId=nope", "Accept-Language", "vi");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).isEqualTo("unknown_service");
        assertThat(unknown.json().getString("message")).contains("nope");
        assertThat(server.api().get("/api/v1/recommendation").error()).isEqualTo("unknown_service");
        Response site = server.api().get("/api/v1/recommendation?serviceId=ho-tich&from=mars");
        assertThat(site.status()).isEqualTo(400);
        assertThat(site.error()).isEqualTo("unknown_site");
    }
}
