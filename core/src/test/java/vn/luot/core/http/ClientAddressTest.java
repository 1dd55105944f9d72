package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.limits.TrustedProxies;
import vn.luot.core.support.TestServer;

/**
 * The limits per address count by the client's address: the TCP peer (this test's own socket on
 * 127.0.0.1), or behind a trusted proxy the client it names in X-Forwarded-For. Here two booking requests
 * a minute per address.
 */
@DisplayName("The client address the limits count by, with and without a trusted proxy")
class ClientAddressTest {
    private static final String SLOTS = "/api/v1/slots?siteId=hac-thanh&serviceId=ho-tich";
    private TestServer server;

    private void start(List<String> trustedProxies) {
        UnaryOperator<LuotConfig> twoAMinute = config -> config
                .withBooking(config.booking().withLimits(config.booking().limits(), 2))
                .withServer(config.server().withTrustedProxies(TrustedProxies.of(trustedProxies)));
        server = TestServer.start(twoAMinute);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int slotsFor(String forwardedFor) {
        return server.api().get(SLOTS, "X-Forwarded-For", forwardedFor).status();
    }

    @Test
    @DisplayName("Behind a trusted proxy each client it names has an allowance of its own, and one client's third request gets 429")
    void behindATrustedProxy() {
        start(List.of("127.0.0.1"));

        assertThat(slotsFor("203.0.113.7")).isEqualTo(200);
        assertThat(slotsFor("203.0.113.7")).isEqualTo(200);
        assertThat(slotsFor("203.0.113.8")).isEqualTo(200);
        assertThat(slotsFor("203.0.113.7")).isEqualTo(429);
        assertThat(slotsFor("198.51.100.1, 203.0.113.8"))
                .as("what the client wrote left of its own address does not give it a new allowance").isEqualTo(200);
        assertThat(slotsFor("198.51.100.2, 203.0.113.8")).isEqualTo(429);
    }

    @Test
    @DisplayName("With no trusted proxy a client that writes X-Forwarded-For itself is still counted by its own address")
    void aClientCannotPickItsAddress() {
        start(List.of());

        assertThat(slotsFor("203.0.113.7")).isEqualTo(200);
        assertThat(slotsFor("203.0.113.8")).isEqualTo(200);
        assertThat(slotsFor("203.0.113.9")).isEqualTo(429);
    }
}
