package vn.luot.core.store.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.SocketException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which database failures are 'unavailable, try again' (503)")
class StoreFailuresTest {

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }

    @Test
    @DisplayName("A reset or dropped connection, a cancelled statement, too many connections and a deadlock are all 503")
    void badLuckIsUnavailable() {
        assertThat(StoreFailures.isUnavailable(new SocketException("Connection reset"))).isTrue();
        assertThat(StoreFailures.isUnavailable(new VertxException(new SocketException("Connection reset")))).isTrue();
        assertThat(StoreFailures.isUnavailable(new VertxException("Connection reset by peer", true))).isTrue();
        assertThat(StoreFailures.isUnavailable(pg("57014"))).as("statement timeout").isTrue();
        assertThat(StoreFailures.isUnavailable(pg("57P01"))).as("admin shutdown").isTrue();
        assertThat(StoreFailures.isUnavailable(pg("53300"))).as("too many connections").isTrue();
        assertThat(StoreFailures.isUnavailable(pg("40001"))).as("serialization failure").isTrue();
        assertThat(StoreFailures.isUnavailable(pg("40P01"))).as("deadlock").isTrue();
        assertThat(StoreFailures.isUnavailable(pg("08006"))).as("connection failure").isTrue();
    }

    @Test
    @DisplayName("A broken query or a constraint is a fault of ours, not bad luck")
    void faultsAreNot() {
        assertThat(StoreFailures.isUnavailable(pg("42703"))).isFalse();
        assertThat(StoreFailures.isUnavailable(pg("23505"))).isFalse();
        assertThat(StoreFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
