package vn.luot.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.TestServer;

/**
 * The live sockets under a hostile visitor: connections dropped the moment they open, and one address
 * opening more sockets than it may. It measures memory and counts, never time.
 */
@DisplayName("Live sockets under a storm of connect-and-drop")
class SocketStormTest {
    private static final int STORM = 3000;
    private static final int STORM_THREADS = 4;
    /** A leaked watch held about 15 KB: the storm would leave some 45 MB behind. */
    private static final long ALLOWED_GROWTH_BYTES = 12L * 1024 * 1024;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("Thousands of phones that drop their ticket socket at once leave no watch behind and the live heap where it was")
    void connectAndDropLeavesNothing() throws Exception {
        server = TestServer.start();
        String ticketId = server.issue("hac-thanh", "chung-thuc").getString("id");
        String path = "/ws/tickets/" + ticketId;

        storm(path, 300);
        waitUntilSettled();
        long before = liveHeapAfterGc();

        storm(path, STORM);
        waitUntilSettled();
        long after = liveHeapAfterGc();

        System.out.printf("SocketStormTest: live heap before %.1f MB, after %d drops %.1f MB (growth %.1f MB)%n",
                before / 1048576.0, STORM, after / 1048576.0, (after - before) / 1048576.0);
        assertThat(after - before).isLessThan(ALLOWED_GROWTH_BYTES);
    }

    @Test
    @DisplayName("One address may hold only its configured number of live sockets; one more is refused with 429 and a JSON reason")
    void socketsPerAddressAreCapped() throws IOException {
        server = TestServer.start(config -> config.withServer(new LuotConfig.Server(config.server().port(),
                config.server().publicUrl(), config.server().maxBodyBytes(), 3)));
        List<LiveSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                LiveSocket hall = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"));
                hall.next();
                held.add(hall);
            }

            RawAnswer refused = upgrade("/ws/sites/hac-thanh");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("too_many_sockets");

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(30)).until(() -> upgrade("/ws/sites/hac-thanh").status() == 101);
        } finally {
            held.forEach(LiveSocket::close);
        }
    }

    /** Opens and drops ticket sockets: each sees the upgrade answered, then resets the connection at once. */
    private void storm(String path, int drops) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STORM_THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < STORM_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < drops / STORM_THREADS; i++) {
                        connectAndDrop(path);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void connectAndDrop(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoLinger(true, 0);   // close with a reset, as a vanished phone does
            socket.getOutputStream().write(upgradeRequest(path));
            socket.getInputStream().read(new byte[64]);
        }
    }

    /** The server has seen every socket close: none open, no ticket watched. */
    private void waitUntilSettled() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String metrics = server.api().get("/metrics").body();
            assertThat(gauge(metrics, "luot_websockets_open{kind=\"ticket\"")).isZero();
            assertThat(gauge(metrics, "luot_live_watched_tickets")).isZero();
        });
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "}")
                        || line.startsWith(name + ","))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static long liveHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private record RawAnswer(int status, String body) {
    }

    private RawAnswer upgrade(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(upgradeRequest(path));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            String body = "";
            int length = head.toLowerCase().indexOf("content-length:");
            if (length >= 0) {
                int end = head.indexOf("\r\n", length);
                int n = Integer.parseInt(head.substring(length + 15, end).trim());
                body = new String(in.readNBytes(n), StandardCharsets.UTF_8);
            }
            return new RawAnswer(status, body);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static byte[] upgradeRequest(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
