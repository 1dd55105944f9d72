package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("A retried counter action is recognised whatever the order of its fields")
class IdempotentRetryTest extends ServerPerClassTest {

    @Test
    @DisplayName("The same Idempotency-Key with the same fields in another order is the same transfer, done once")
    void keyOrderDoesNotMatter() {
        String operator = server.newStaff("operator");
        server.issue("hac-thanh", "dat-dai");
        server.open(5, operator, "dat-dai");
        server.act(5, "call-next", operator);
        String[] headers = {"Authorization", "Bearer " + operator, "Idempotency-Key", "transfer-retry-1"};

        Response first = server.api().postRaw("/api/v1/counters/5/transfer",
                "{\"siteId\":\"tinh\",\"note\":\"hồ sơ đất\"}", headers);
        Response retry = server.api().postRaw("/api/v1/counters/5/transfer",
                "{\"note\":\"hồ sơ đất\",\"siteId\":\"tinh\"}", headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE event = 'ticket.transferred'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM command_log WHERE length(request_hash) = 64")).isPositive();
    }
}
