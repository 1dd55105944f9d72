package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/**
 * A year of tickets (60,000, inserted at once with generate_series, each with its history and a third
 * of them rated) exported as XLSX by the real server process started with a 64 MB heap: the export
 * streams, or it could not finish there. The time and the heap (from the process's GC log) are printed
 * as measurements, not asserted.
 */
@DisplayName("A year of tickets (60,000) exports as XLSX from a server with a 64 MB heap")
class LargeExportTest {
    private static final int TICKETS = YearOfTickets.TICKETS;
    private static final String HEAP = "64m";
    /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 40M->9M(64M) 3.1ms": heap before and after. */
    private static final Pattern GC_LINE = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("The 60,000 rows are all in the file, read back with fastexcel-reader, and the server stays up")
    void yearOfTicketsStreams() throws Exception {
        String database = TestDatabase.fresh();
        int port = freePort();
        Path gcLog = dir.resolve("gc.log");
        start(database, port, gcLog);
        YearOfTickets.insert(database);
        ApiClient api = new ApiClient("http://localhost:" + port);
        String admin = login(api);

        long started = System.nanoTime();
        JsonObject job = Exports.start(api, admin, new JsonObject().put("kind", "tickets").put("format", "xlsx")
                .put("from", "2025-12-01").put("to", "2026-11-30").put("lang", "vi"));
        JsonObject done = Exports.awaitDone(api, admin, job.getString("id"), Duration.ofMinutes(8));
        long exportMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(done.getString("state")).as(done.encode()).isEqualTo("done");
        assertThat(done.getLong("rowsWritten")).isEqualTo(TICKETS);
        Exports.Download file = Exports.download(api, admin, done);

        long rows;
        String firstService;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = workbook.findSheet("Phiếu").orElseThrow();
            try (var stream = sheet.openStream()) {
                List<Row> head = new ArrayList<>();
                rows = stream.peek(r -> {
                    if (head.size() < 2) {
                        head.add(r);
                    }
                }).count();
                firstService = head.get(1).getCellText(3);
            }
        }
        assertThat(rows).isEqualTo(TICKETS + 1);
        assertThat(firstService).isEqualTo("Chứng thực");
        assertThat(server.isAlive()).isTrue();
        assertThat(api.get("/health").status()).isEqualTo(200);

        int[] heap = heapFromGcLog(gcLog);
        System.out.printf("[measure] 60,000-ticket XLSX export: %d ms, %.1f MB file, -Xmx%s; heap before GC at most "
                        + "%d MB, live heap after GC at most %d MB%n", exportMillis, file.body().length / 1e6, HEAP,
                heap[0], heap[1]);
    }

    private void start(String database, int port, Path gcLog) throws IOException, InterruptedException {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(javaBinary, "-Xmx" + HEAP, "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), "vn.luot.core.Main");
        builder.environment().putAll(Map.of("LUOT_PORT", Integer.toString(port),
                "LUOT_DB_URL", database, "LUOT_DATA_DIR", dir.toString(),
                "LUOT_CONFIG", TestServer.shippedConfig().toString(), "LUOT_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD));
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
                // the process ended
            }
        }, "large-export-server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (lines.stream().noneMatch(l -> l.contains("is ready on"))) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not get ready: " + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
    }

    private static String login(ApiClient api) {
        ApiClient.Response r = api.post("/api/v1/auth/login", new JsonObject().put("username", "admin")
                .put("password", TestServer.ADMIN_PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getString("token");
    }

    /** The largest heap before a collection and the largest after one, in MB, over the process's life. */
    private static int[] heapFromGcLog(Path gcLog) throws IOException {
        int before = 0;
        int after = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                before = Math.max(before, Integer.parseInt(m.group(1)));
                after = Math.max(after, Integer.parseInt(m.group(2)));
            }
        }
        return new int[] {before, after};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
