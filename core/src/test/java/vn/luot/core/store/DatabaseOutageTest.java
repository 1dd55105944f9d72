package vn.luot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.CapturedLogs;
import vn.luot.core.support.Eventually;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;

/** A PostgreSQL of its own, so stopping it disturbs no other test. */
@DisplayName("When the database goes down and comes back")
class DatabaseOutageTest {
    @TempDir
    Path dataDir;
    private EmbeddedPostgres postgres;
    private TestServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    @DisplayName("Requests get a clear 503 and change nothing; the server recovers by itself when the database is back")
    void answers503AndRecovers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres(port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE luot");
        }
        server = TestServer.start(UnaryOperator.identity(), "postgresql://postgres@localhost:" + port + "/luot",
                MutableClock.workingMorning());
        String operator = server.newStaff("operator");
        server.open(1, operator, "chung-thuc");
        assertThat(server.issue("hac-thanh", "chung-thuc").getString("number")).isEqualTo("A001");

        postgres.close();
        postgres = null;

        Response issue = server.api().post("/api/v1/tickets",
                new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc"));
        assertThat(issue.status()).isEqualTo(503);
        assertThat(issue.error()).isEqualTo("database_unavailable");
        assertThat(issue.json().getString("message")).contains("nothing was changed");
        assertThat(server.act(1, "call-next", operator).status()).isEqualTo(503);
        assertThat(server.api().get("/api/v1/counters").status()).isEqualTo(503);
        Response health = server.api().get("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().getString("database")).isEqualTo("down");

        postgres = startPostgres(port);

        awaitHealthy();
        JsonObject next = server.issue("hac-thanh", "chung-thuc");
        assertThat(next.getString("number")).as("the refused request used no number").isEqualTo("A002");
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(2);
        assertThat(server.act(1, "call-next", operator).json().getString("number")).isEqualTo("A001");
    }

    @Test
    @DisplayName("During an outage the log says it once, not once per refused request")
    void oneLogLinePerOutage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres(port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE luot");
        }
        server = TestServer.start(UnaryOperator.identity(), "postgresql://postgres@localhost:" + port + "/luot",
                MutableClock.workingMorning());
        postgres.close();
        postgres = null;
        List<ch.qos.logback.classic.spi.ILoggingEvent> lines;
        try (CapturedLogs logs = CapturedLogs.of("vn.luot")) {
            for (int i = 0; i < 200; i++) {
                Response r = server.api().post("/api/v1/tickets",
                        new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc"));
                assertThat(r.status()).isEqualTo(503);
            }
            lines = logs.events();
        }

        assertThat(lines.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)))
                .as("warnings for 200 refused requests").hasSizeBetween(1, 3);
        assertThat(lines).allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack traces").isNull());
    }

    @Test
    @DisplayName("A request stuck behind a frozen table gets its 503 at the statement timeout instead of hanging")
    void statementTimeout() throws Exception {
        server = TestServer.start(config -> config.withDatabase(new vn.luot.core.config.LuotConfig.Database(
                config.database().url(), config.database().poolSize(), config.database().connectTimeout(),
                java.time.Duration.ofSeconds(1))));
        String operator = server.newStaff("operator");
        server.open(1, operator, "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        try (Connection c = java.sql.DriverManager.getConnection(
                vn.luot.core.support.TestDatabase.jdbc(server.databaseUrl()), "postgres", "");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE counters IN ACCESS EXCLUSIVE MODE");

            Response stuck = server.act(1, "call-next", operator);

            assertThat(stuck.status()).isEqualTo(503);
            assertThat(stuck.error()).isEqualTo("database_unavailable");
            c.rollback();
        }
        assertThat(server.act(1, "call-next", operator).status()).isEqualTo(200);
    }

    private void awaitHealthy() {
        Eventually.await("the server answers /health again", () -> server.api().get("/health").status() == 200);
    }
}
