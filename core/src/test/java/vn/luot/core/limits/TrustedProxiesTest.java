package vn.luot.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whose word is taken for the client's address")
class TrustedProxiesTest {
    private static final TrustedProxies GATEWAY_AND_BALANCERS = TrustedProxies.of(List.of("192.0.2.1", "10.0.0.0/8", "fd00::/8"));

    @Test
    @DisplayName("With no trusted proxy a request comes from its TCP peer, whatever its X-Forwarded-For says")
    void noProxyNoHeader() {
        assertThat(TrustedProxies.NONE.clientOf("198.51.100.20", List.of("203.0.113.7"))).isEqualTo("198.51.100.20");
    }

    @Test
    @DisplayName("A peer that is not a trusted proxy is the client even when it writes X-Forwarded-For: a client cannot pick its address")
    void untrustedPeerIsTheClient() {
        assertThat(GATEWAY_AND_BALANCERS.clientOf("198.51.100.20", List.of("203.0.113.7"))).isEqualTo("198.51.100.20");
    }

    @Test
    @DisplayName("Behind trusted proxies the client is the nearest hop that is not one, read from the header's right end")
    void nearestUntrustedHop() {
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("203.0.113.7, 192.0.2.1"))).isEqualTo("203.0.113.7");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("1.2.3.4, 203.0.113.7, 192.0.2.1")))
                .as("what the client wrote itself, left of its own address, is not believed").isEqualTo("203.0.113.7");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("1.2.3.4", "203.0.113.7")))
                .as("several headers read as one list, in order").isEqualTo("203.0.113.7");
    }

    @Test
    @DisplayName("When every hop is a trusted proxy the left-most is the client; without a header the proxy itself is")
    void allTrusted() {
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("10.9.9.9, 192.0.2.1"))).isEqualTo("10.9.9.9");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    @DisplayName("An entry that is not an IP address ends the walk at the hop that wrote it, and no name is looked up")
    void garbageEndsTheWalk() {
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("localhost"))).isEqualTo("10.0.0.5");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("10.0.0.5", List.of("unknown, 192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    @DisplayName("IPv6 proxies and clients work, with or without brackets")
    void ipv6() {
        assertThat(GATEWAY_AND_BALANCERS.clientOf("fd00::1", List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(GATEWAY_AND_BALANCERS.clientOf("2001:db8::9", List.of("203.0.113.7"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    @DisplayName("A setting that is not an address or a subnet is refused with its place in the list")
    void badEntries() {
        for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x", "", "fd00::/129")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", bad)))
                    .as(bad).isInstanceOfSatisfying(TrustedProxies.BadEntry.class, e -> assertThat(e.index()).isEqualTo(1));
        }
    }
}
