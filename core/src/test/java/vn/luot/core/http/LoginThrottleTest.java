package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.limits.LoginThrottle;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.TestServer;

@DisplayName("Login throttling by account and by client address")
class LoginThrottleTest {
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(LoginThrottle.Limits limits) {
        server = TestServer.start(config -> config.withSecurity(config.security().withLoginThrottle(limits)));
    }

    private Response login(String username, String password) {
        return server.api().post("/api/v1/auth/login",
                new JsonObject().put("username", username).put("password", password));
    }

    @Test
    @DisplayName("After its burst of wrong passwords an account gets 429 with Retry-After, and its operator logs in again one refill later")
    void throttlesAnAccountForOneRefillOnly() {
        start(new LoginThrottle.Limits(3, Duration.ofSeconds(60), 1000, Duration.ofSeconds(1)));
        server.newStaff("operator");
        String username = server.api().get("/api/v1/staff", TestServer.bearer(server.adminToken()))
                .json().getJsonArray("staff").stream().map(o -> ((JsonObject) o).getString("username"))
                .filter(u -> u.startsWith("operator-")).findFirst().orElseThrow();

        for (int i = 0; i < 3; i++) {
            assertThat(login(username, "wrong-guess-" + i).status()).isEqualTo(401);
        }
        Response refused = login(username, "wrong-guess-3");
        Response rightButThrottled = login(username, TestServer.STAFF_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("too_many_login_attempts");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(rightButThrottled.status()).isEqualTo(429);

        server.clock().advance(Duration.ofSeconds(60));
        assertThat(login(username, TestServer.STAFF_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("One address guessing over many accounts is throttled too")
    void throttlesAnAddress() {
        start(new LoginThrottle.Limits(100, Duration.ofSeconds(1), 4, Duration.ofSeconds(60)));

        for (int i = 0; i < 4; i++) {
            assertThat(login("nobody-" + i, "wrong-password").status()).isEqualTo(401);
        }
        Response refused = login("nobody-4", "wrong-password");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    @DisplayName("Staff who type their password right are never throttled, however often they log in")
    void rightPasswordsAreNotCounted() {
        start(new LoginThrottle.Limits(2, Duration.ofHours(1), 2, Duration.ofHours(1)));

        for (int i = 0; i < 10; i++) {
            assertThat(login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }
}
