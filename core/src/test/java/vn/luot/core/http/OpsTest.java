package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("GET /health and /metrics")
class OpsTest extends ServerPerClassTest {

    @Test
    @DisplayName("Health is up while the database answers")
    void healthUp() {
        Response r = server.api().get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("up");
        assertThat(r.json().getString("database")).isEqualTo("up");
    }

    @Test
    @DisplayName("Metrics count tickets per service and site, histogram waits and service times, and count open sockets")
    void metrics() {
        String operator = server.newStaff("operator");
        server.open(3, operator, "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        server.clock().advance(java.time.Duration.ofMinutes(4));
        server.act(3, "call-next", operator);
        server.clock().advance(java.time.Duration.ofMinutes(9));
        server.act(3, "complete", operator);

        try (LiveSocket hall = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"))) {
            hall.next();
            String text = server.api().get("/metrics").body();

            assertThat(text).contains("luot_tickets_issued_total{channel=\"kiosk\",service=\"ho-tich\",site=\"hac-thanh\"} 2.0");
            assertThat(text).contains("luot_ticket_wait_seconds_bucket{service=\"ho-tich\",site=\"hac-thanh\"");
            assertThat(text).contains("luot_ticket_wait_seconds_sum{service=\"ho-tich\",site=\"hac-thanh\"} 240.0");
            assertThat(text).contains("luot_service_time_seconds_count{service=\"ho-tich\",site=\"hac-thanh\"} 1");
            assertThat(text).contains("luot_service_time_seconds_sum{service=\"ho-tich\",site=\"hac-thanh\"} 540.0");
            assertThat(text).contains("luot_websockets_open{kind=\"site\"} 1.0");
            assertThat(text).contains("vertx_http_server_requests_total");
        }
    }
}
