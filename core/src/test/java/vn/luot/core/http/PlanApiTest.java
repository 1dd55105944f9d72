package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerTest;

@DisplayName("GET /api/v1/plan: the capacity plan for managers")
class PlanApiTest extends ServerPerTest {

    @Test
    @DisplayName("A manager gets, per site and hour, Erlang C and simulated counters and the staff check for a weekday")
    void managerGetsThePlan() {
        String manager = server.newStaff("manager");

        Response r = server.api().get("/api/v1/plan?date=2026-11-26", bearer(manager));

        assertThat(r.status()).isEqualTo(200);
        JsonObject plan = r.json();
        assertThat(plan.getString("dayOfWeek")).isEqualTo("THURSDAY");
        JsonArray services = plan.getJsonArray("services");
        assertThat(services).isNotEmpty();
        for (int i = 0; i < services.size(); i++) {
            JsonObject cell = services.getJsonObject(i);
            assertThat(cell.getInteger("counters")).isGreaterThanOrEqualTo(cell.getInteger("erlangCCounters"));
        }
        JsonArray hours = plan.getJsonArray("hours");
        assertThat(hours).isNotEmpty();
        assertThat(hours.getJsonObject(0).getInteger("staffAvailable")).isEqualTo(12);
        assertThat(plan.getJsonArray("pooled")).isNotEmpty();
    }

    @Test
    @DisplayName("An operator may not see it, and a malformed date is a 400 that names the field")
    void onlyManagersAndWellFormedDates() {
        String operator = server.newStaff("operator");
        String manager = server.newStaff("manager");

        assertThat(server.api().get("/api/v1/plan?date=2026-11-26", bearer(operator)).status()).isEqualTo(403);
        Response bad = server.api().get("/api/v1/plan?date=26/11/2026", bearer(manager));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("invalid_field");
    }
}
