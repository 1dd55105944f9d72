package vn.luot.core;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.auth.JwtSecret;
import vn.luot.core.config.ConfigException;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.db.EmbeddedDatabase;
import vn.luot.core.metrics.VertxFactory;

/**
 * Starts Lượt: reads the configuration, starts the embedded PostgreSQL (unless LUOT_DB_URL names one),
 * then the server. Exits with status 2 and a message naming the key when the configuration is wrong.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LuotConfig config;
        try {
            config = ConfigLoader.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Lượt cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        EmbeddedDatabase embedded = config.database().embedded() ? EmbeddedDatabase.start(config.dataDir()) : null;
        String databaseUrl = embedded != null ? embedded.url() : config.database().url();
        String jwtSecret = JwtSecret.resolve(config.security().jwtSecret(), config.dataDir());

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = VertxFactory.create(registry);
        LuotServer server;
        try {
            server = LuotServer.start(vertx, config, databaseUrl, jwtSecret, registry, Clock.systemUTC()).await();
        } catch (Exception e) {
            LOG.error("Lượt could not start", e);
            vertx.close().await();
            if (embedded != null) {
                embedded.close();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().compose(stopped -> vertx.close()).await();
                if (embedded != null) {
                    embedded.close();
                }
            } catch (Exception e) {
                LOG.warn("Unclean shutdown: {}", e.getMessage());
            }
        }, "luot-shutdown"));
        long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Lượt is ready on http://localhost:{}/ (started in {} ms; data in {}{}; {} sockets)", server.port(),
                startedMs, config.dataDir().toAbsolutePath(), embedded != null
                        ? ", embedded PostgreSQL on port " + embedded.port() : ", external PostgreSQL",
                vertx.isNativeTransportEnabled() ? "epoll" : "NIO");
    }
}
