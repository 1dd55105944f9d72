package vn.luot.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestServer;

/**
 * The real program, as {@code scripts/run} starts it: a separate JVM with its own embedded PostgreSQL
 * (fsync and synchronous_commit on) under a data directory, killed without warning.
 */
@DisplayName("The server process (Main)")
class ServerProcessTest {
    @TempDir
    Path dataDir;
    private Process server;

    @AfterEach
    void killLeftovers() {
        if (server != null) {
            server.destroyForcibly();
        }
        killPostgresOf(dataDir);
    }

    @Test
    @DisplayName("No acknowledged ticket is lost when the server and its database are killed right after the 201")
    void acknowledgedTicketsSurviveAKill() throws Exception {
        int port = freePort();
        List<String> log = start(port);
        assertThat(log).anyMatch(line -> line.contains("PostgreSQL durability: fsync=on, synchronous_commit=on"));
        ApiClient api = new ApiClient("http://localhost:" + port);

        JsonObject first = issue(api);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // the JVM only: its PostgreSQL is orphaned
        start(port);
        assertThat(api.get("/api/v1/tickets/" + first.getString("id")).json().getString("number"))
                .isEqualTo(first.getString("number"));

        JsonObject second = issue(api);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        killPostgresOf(dataDir); // and now the database too, with SIGKILL: no chance to flush anything
        start(port);

        assertThat(api.get("/api/v1/tickets/" + first.getString("id")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + second.getString("id")).json().getString("number"))
                .isEqualTo(second.getString("number"));
        // PostgreSQL logs sequences 32 values ahead, so after a crash the numbering may skip ahead; it never repeats.
        String third = issue(api).getString("number");
        assertThat(vn.luot.core.domain.ticket.TicketNumbering.READING_ORDER.compare(third, second.getString("number")))
                .as("%s comes after %s", third, second.getString("number")).isPositive();
    }

    @Test
    @DisplayName("Killed during batched issuing (group commit), the server and its database lose no acknowledged ticket and repeat no number")
    void batchedIssuingSurvivesAKill() throws Exception {
        int port = freePort();
        start(port);
        ApiClient api = new ApiClient("http://localhost:" + port);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();   // ticket id -> number, from each 201
        AtomicBoolean issuing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        for (int c = 0; c < 16; c++) {
            clients.submit(() -> {
                while (issuing.get()) {
                    try {
                        ApiClient.Response r = api.post("/api/v1/tickets",
                                new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc"));
                        if (r.status() == 201) {
                            acknowledged.put(r.json().getString("id"), r.json().getString("number"));
                        }
                    } catch (RuntimeException e) {
                        // the server was killed under this request: it was never acknowledged
                    }
                }
            });
        }
        // Until batches of more than one ticket have been committed, and enough tickets acknowledged.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!(acknowledged.size() >= 200 && batchesOfMoreThanOne(api) > 0)) {
            assertThat(System.nanoTime()).as("batched issuing within 180 s").isLessThan(deadline);
            Thread.sleep(50);   // polling a condition, not synchronising
        }
        long batched = batchesOfMoreThanOne(api);
        server.destroyForcibly();      // with requests in flight
        killPostgresOf(dataDir);
        issuing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        server.waitFor(30, TimeUnit.SECONDS);
        Map<String, String> before = Map.copyOf(acknowledged);

        start(port);
        for (Map.Entry<String, String> ticket : before.entrySet()) {
            ApiClient.Response r = api.get("/api/v1/tickets/" + ticket.getKey());
            assertThat(r.status()).as("acknowledged ticket %s", ticket.getValue()).isEqualTo(200);
            assertThat(r.json().getString("number")).isEqualTo(ticket.getValue());
        }
        assertThat(new java.util.HashSet<>(before.values())).hasSize(before.size());
        System.out.printf("ServerProcessTest: %d tickets acknowledged before the kill, %d batches of more than one "
                + "ticket committed, every one found after the restart%n", before.size(), batched);
        String last = before.values().stream().max(vn.luot.core.domain.ticket.TicketNumbering.READING_ORDER).orElseThrow();
        String next = issue(api).getString("number");
        assertThat(vn.luot.core.domain.ticket.TicketNumbering.READING_ORDER.compare(next, last))
                .as("%s comes after %s", next, last).isPositive();
    }

    /** Batches of issued tickets committed with more than one ticket, from luot_issue_batch_size's buckets. */
    private static long batchesOfMoreThanOne(ApiClient api) {
        String metrics = api.get("/metrics").body();
        return sample(metrics, "luot_issue_batch_size_count") - sample(metrics, "luot_issue_batch_size_bucket{le=\"1.0\"");
    }

    private static long sample(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0L);
    }

    @Test
    @DisplayName("A restart, with the logging set up beside the configuration and the database started beside Vert.x, answers /health and logs where its start time went")
    void restartAnswersHealthAndLogsItsPhases() throws Exception {
        int port = freePort();
        start(port);
        server.destroy(); // a clean stop, as at the end of a day: the shutdown hook stops the database too
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> log = start(port);

        assertThat(log).anyMatch(line -> line.contains("is ready on") && line.contains("phases: jvm ")
                && line.contains("waiting for the database") && line.contains("migrations check")
                && line.contains("boards loaded") && line.contains("http listen")
                && line.contains("beside them: ") && line.contains("database start ")
                && line.contains("logging and database preparation "));
        assertThat(new ApiClient("http://localhost:" + port).get("/health").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("A bad configuration file stops the start with exit status 2 and a message naming the key")
    void badConfigurationStopsTheStart() throws Exception {
        Path bad = dataDir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(TestServer.shippedConfig())
                .replaceFirst("targetWaitMinutes: 15", "targetWaitMinutes: fifteen"));
        ProcessBuilder builder = java(Map.of("LUOT_CONFIG", bad.toString(), "LUOT_PORT", "0"));
        builder.redirectErrorStream(true);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("services[0].targetWaitMinutes: must be a whole number, got 'fifteen'");
    }

    private static JsonObject issue(ApiClient api) {
        ApiClient.Response r = api.post("/api/v1/tickets",
                new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc"));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    /** Starts Main and waits for its "ready" line; returns what it logged until then. */
    private List<String> start(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = java(Map.of("LUOT_PORT", Integer.toString(port), "LUOT_DATA_DIR", dataDir.toString(),
                "LUOT_CONFIG", TestServer.shippedConfig().toString(), "LUOT_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD,
                "LUOT_NUMBERS_AT_ANY_HOUR", "true"));   // the real clock: the test may run at night
        builder.redirectErrorStream(true);
        server = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.contains("is ready on"))) {
                return lines;
            }
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not get ready: " + String.join("\n", lines));
    }

    private static ProcessBuilder java(Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "vn.luot.core.Main");
        builder.environment().putAll(env);
        return builder;
    }

    /** SIGKILL for every process that runs on this data directory: the postmaster and its backends. */
    private static void killPostgresOf(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir) && c.contains("postgres")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.isRegularFile(pid)) {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.onExit().join();
                });
            }
        } catch (IOException | NumberFormatException e) {
            // nothing left to kill
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
