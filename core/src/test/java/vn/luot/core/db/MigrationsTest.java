package vn.luot.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Futures.join;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestDatabase;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Migrations at start, on a real PostgreSQL")
class MigrationsTest {
    private Vertx vertx;
    private String url;
    private Pool pool;

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        url = TestDatabase.fresh();
        pool = DatabasePool.create(vertx, url, new LuotConfig.Database(url, 4, Duration.ofSeconds(3)));
    }

    @AfterAll
    void stop() {
        pool.close();
        vertx.close().await();
    }

    @Test
    @DisplayName("On an empty database every script is applied once, and on an up-to-date one a start takes no lock: "
            + "it comes through while another node holds the migrations' lock")
    void upToDateStartTakesNoLock() throws Exception {
        join(Migrations.run(pool));
        assertThat(TestDatabase.count(url, "SELECT count(*) FROM schema_migrations")).isEqualTo(Migrations.SCRIPTS.size());

        try (Connection otherNode = DriverManager.getConnection(TestDatabase.jdbc(url), "postgres", "");
             Statement statement = otherNode.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + Migrations.LOCK_KEY + ")");
            join(Migrations.run(pool));
        }
        assertThat(TestDatabase.count(url, "SELECT count(*) FROM schema_migrations")).isEqualTo(Migrations.SCRIPTS.size());
    }
}
