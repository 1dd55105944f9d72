package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/**
 * Two nodes on one database, as behind a load balancer that sends each request to either: a client's
 * allowance is counted once for both, not once per node.
 */
@DisplayName("Request limits counted once for all the nodes of one database")
class RateLimitsAcrossNodesTest {
    private TestServer first;
    private TestServer second;

    private void startTwoNodes(UnaryOperator<LuotConfig> tweak) {
        String database = TestDatabase.fresh();
        MutableClock clock = MutableClock.workingMorning();
        first = TestServer.start(tweak, database, clock);
        second = TestServer.start(tweak, database, clock);
    }

    @AfterEach
    void stop() {
        for (TestServer server : new TestServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Response slots(ApiClient api) {
        return api.get("/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich");
    }

    @Test
    @DisplayName("Five booking requests a minute: three through one node and two through the other use them up, "
            + "and the sixth gets 429 rate_limited through either")
    void bookingRequestsAMinute() {
        startTwoNodes(config -> config.withBooking(config.booking().withLimits(config.booking().limits(), 5)));
        for (int i = 0; i < 3; i++) {
            assertThat(slots(first.api()).status()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(slots(second.api()).status()).isEqualTo(200);
        }

        Response throughFirst = slots(first.api());
        Response throughSecond = slots(second.api());

        assertThat(throughFirst.status()).isEqualTo(429);
        assertThat(throughFirst.error()).isEqualTo("rate_limited");
        assertThat(throughSecond.status()).isEqualTo(429);
        assertThat(Long.parseLong(throughSecond.header("Retry-After").orElseThrow())).isBetween(1L, 12L);
    }

    @Test
    @DisplayName("Wrong passwords for one account through two nodes fill one bucket: after its burst of 4, "
            + "a login through either node gets 429 too_many_login_attempts, even with the right password")
    void loginAttemptsOfOneAccount() {
        startTwoNodes(config -> config.withSecurity(config.security().withLoginThrottle(
                new LoginThrottle.Limits(4, Duration.ofMinutes(5), 1000, Duration.ofSeconds(1)))));
        for (int i = 0; i < 2; i++) {
            assertThat(login(first.api(), "admin", "wrong-guess-" + i).status()).isEqualTo(401);
            assertThat(login(second.api(), "admin", "wrong-guess-" + i).status()).isEqualTo(401);
        }

        Response refused = login(first.api(), "admin", TestServer.ADMIN_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("too_many_login_attempts");
        assertThat(login(second.api(), "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(429);
        first.clock().advance(Duration.ofMinutes(5));
        assertThat(login(second.api(), "admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    private static Response login(ApiClient api, String username, String password) {
        return api.post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password));
    }
}
