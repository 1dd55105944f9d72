package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerTest;

@DisplayName("GET /api/v1/sites, /sites/{id}/queues and /services")
class SiteApiTest extends ServerPerTest {

    @Test
    @DisplayName("The shipped configuration describes Hạc Thành ward: two sites, eight services, eleven counters")
    void describesTheCentre() {
        JsonObject body = server.api().get("/api/v1/sites").json();
        JsonArray sites = body.getJsonArray("sites");

        assertThat(body.getJsonObject("centre").getJsonObject("name").getString("vi"))
                .isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        assertThat(sites).hasSize(2);
        assertThat(sites.getJsonObject(0).getString("id")).isEqualTo("hac-thanh");
        assertThat(sites.getJsonObject(0).getJsonArray("services")).hasSize(8);
        assertThat(sites.getJsonObject(0).getJsonArray("counters")).hasSize(8);
        assertThat(sites.getJsonObject(1).getString("id")).isEqualTo("tinh");
        assertThat(sites.getJsonObject(1).getJsonArray("counters").encode()).isEqualTo("[21,22,23]");
        assertThat(sites.getJsonObject(0).getJsonObject("openingHours").getJsonArray("mon").encode())
                .isEqualTo("[\"07:00-11:30\",\"13:30-17:00\"]");
        assertThat(sites.getJsonObject(1).getJsonObject("openingHours").getJsonArray("sat")).isEmpty();
        assertThat(sites.getJsonObject(0).getBoolean("openNow")).isTrue();
        assertThat(body.getJsonObject("announcements").getInteger("firstCallRepeats")).isEqualTo(2);
    }

    @Test
    @DisplayName("The services come with their prefixes and targets, and the five priority groups with their names")
    void listsServicesAndPriorityGroups() {
        JsonObject body = server.api().get("/api/v1/services").json();

        assertThat(body.getJsonArray("services")).hasSize(8);
        assertThat(body.getJsonArray("services").getJsonObject(0).getString("prefix")).isEqualTo("A");
        assertThat(body.getJsonArray("services").getJsonObject(0).getInteger("targetWaitMinutes")).isEqualTo(15);
        assertThat(body.getJsonArray("priorityGroups")).hasSize(5);
        assertThat(body.getJsonArray("priorityGroups").getJsonObject(0).getJsonObject("name").getString("vi"))
                .isEqualTo("Người cao tuổi");
    }

    @Test
    @DisplayName("An unknown site is a 404")
    void unknownSite() {
        Response r = server.api().get("/api/v1/sites/nowhere/queues");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("site_not_found");
    }

    @Test
    @DisplayName("Each line shows how many wait, since when, and when the two open counters would call a ticket taken now")
    void queuesShowWaitingAndEstimate() {
        String a = server.newStaff("operator");
        String b = server.newStaff("operator");
        server.open(1, a, "chung-thuc");
        server.open(2, b, "chung-thuc");
        JsonObject first = server.issue("hac-thanh", "chung-thuc");
        for (int i = 0; i < 3; i++) {
            server.clock().advance(Duration.ofMinutes(1));
            server.issue("hac-thanh", "chung-thuc");
        }
        server.clock().advance(Duration.ofMinutes(1));
        JsonObject fifth = server.issue("hac-thanh", "chung-thuc");

        assertThat(fifth.getInteger("position")).isEqualTo(4);
        assertThat(fifth.getInteger("estimatedWaitMinutes")).as("called third by either counter: 0, 5, then 10 min").isEqualTo(10);
        JsonObject line = line("hac-thanh", "chung-thuc");
        assertThat(line.getInteger("waiting")).isEqualTo(5);
        assertThat(line.getInteger("countersOpen")).isEqualTo(2);
        assertThat(line.getInteger("estimatedWaitMinutes")).as("sixth call of two counters, 5 min each").isEqualTo(10);
        assertThat(line.getString("oldestQueuedSince")).isEqualTo(first.getString("issuedAt"));
        assertThat(line.getInteger("oldestWaitMinutes")).isEqualTo(4);
        assertThat(line("hac-thanh", "dat-dai").getInteger("estimatedWaitMinutes")).as("no counter open").isNull();
    }

    @Test
    @DisplayName("The mean service time starts from the configured value and follows the service times measured")
    void meanServiceTimeFollowsMeasurements() {
        String a = server.newStaff("operator");
        server.open(1, a, "chung-thuc");
        for (int i = 0; i < 4; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        assertThat(line("hac-thanh", "chung-thuc").getInteger("estimatedWaitMinutes")).as("4 x 5 min").isEqualTo(20);

        server.act(1, "call-next", a);
        server.act(1, "start", a);
        server.clock().advance(Duration.ofMinutes(15));
        server.act(1, "complete", a);

        // The estimate's mean of logarithms moves by 0.1 of (ln 15 - ln 5 + σ²/2), σ² = ln(1 + 0.8²):
        // mean = 5 x e^0.1346 = 5.72 min; 3 waiting on 1 counter: 17.2 min
        assertThat(line("hac-thanh", "chung-thuc").getInteger("estimatedWaitMinutes")).isEqualTo(17);
    }

    private JsonObject line(String site, String service) {
        JsonArray queues = server.api().get("/api/v1/sites/" + site + "/queues").array("queues");
        for (int i = 0; i < queues.size(); i++) {
            if (service.equals(queues.getJsonObject(i).getString("serviceId"))) {
                return queues.getJsonObject(i);
            }
        }
        throw new AssertionError(service);
    }
}
