package vn.luot.bridge;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.journal.JobJournal;
import vn.luot.bridge.journal.JournalEntry;
import vn.luot.bridge.printer.PrinterPort;
import vn.luot.bridge.render.EscPosTicket;

/**
 * The bridge: keeps a WebSocket to the core open ({@code /ws/printers/{printerId}}, with the device
 * token), writes each job it receives to the journal before acknowledging it, and hands it to the
 * {@link PrintLoop}. Reconnects with backoff when the core is unreachable; jobs already on disk keep
 * printing meanwhile, and their results are reported when the core sends them again.
 *
 * <p>Messages to the core: {@code received} (the job is on disk), {@code printed} / {@code failed},
 * {@code status} (the printer's state, at least every {@code statusIntervalSeconds}).
 */
public final class BridgeVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeVerticle.class);
    /** The core sends a heartbeat every 5 s; this long without a word, the connection is dead. */
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(30);
    private static final Duration FINISHED_JOBS_KEPT = Duration.ofDays(3);

    private final BridgeConfig config;
    private final Clock clock;
    private JobJournal journal;
    private PrintLoop printing;
    private WebSocketClient client;
    private WebSocket socket;
    private Duration reconnectDelay;
    private long watchdog = -1;
    private boolean stopping;
    /** Journal writes under way: a stop waits for them, so no job is left half-received. */
    private final java.util.Set<Future<?>> journalWrites = new java.util.HashSet<>();

    public BridgeVerticle(BridgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.reconnectDelay = config.retry().initial();
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            JobJournal opened = JobJournal.open(config.journal(), clock);
            int pruned = opened.prune(FINISHED_JOBS_KEPT);
            if (pruned > 0) {
                LOG.info("Removed {} finished jobs older than {} from the journal", pruned, FINISHED_JOBS_KEPT);
            }
            return opened;
        }).map(opened -> {
            journal = opened;
            BridgeConfig.Printer printer = config.printer();
            printing = new PrintLoop(vertx, journal, PrinterPort.of(printer),
                    new EscPosTicket(printer.text(), printer.codePage(), printer.paperWidthDots()), config.retry(),
                    this::send);
            for (JournalEntry entry : journal.unfinished()) {
                LOG.info("Job {} from the journal is not printed yet ({})", entry.jobId(), entry.state().wireName());
                printing.enqueue(entry.jobId());
            }
            client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setConnectTimeout((int) Duration.ofSeconds(10).toMillis()));
            vertx.setPeriodic(1, config.statusEvery().toMillis(), id -> printing.checkWhenIdle());
            connect();
            return null;
        });
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        Future<Void> closed = socket == null ? Future.succeededFuture() : socket.close();
        return closed.recover(e -> Future.succeededFuture())
                .compose(done -> Future.join(java.util.List.copyOf(journalWrites)).otherwiseEmpty())
                .compose(done -> printing == null ? Future.succeededFuture() : printing.stop())
                .compose(done -> client == null ? Future.succeededFuture() : client.close());
    }

    private void connect() {
        if (stopping) {
            return;
        }
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(config.printerSocket().toString())
                .putHeader("Authorization", "Bearer " + config.token());
        client.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                LOG.warn("Cannot reach the core at {}: {}; trying again in {} ms", config.printerSocket(),
                        connected.cause().getMessage(), reconnectDelay.toMillis());
                reconnectLater();
                return;
            }
            WebSocket ws = connected.result();
            socket = ws;
            reconnectDelay = config.retry().initial();
            LOG.info("Connected to the core as printer {}", config.printerId());
            ws.textMessageHandler(text -> onMessage(ws, text));
            ws.closeHandler(v -> lost(ws));
            armWatchdog(ws);
            if (printing.lastCondition() != null) {
                send(new JsonObject().put("type", "status").put("state", printing.lastCondition().wireName()));
            }
            printing.checkWhenIdle();
        });
    }

    private void reconnectLater() {
        if (stopping) {
            return;
        }
        long delay = reconnectDelay.toMillis();
        Duration doubled = reconnectDelay.multipliedBy(2);
        reconnectDelay = doubled.compareTo(config.retry().max()) > 0 ? config.retry().max() : doubled;
        vertx.setTimer(delay, id -> connect());
    }

    private void lost(WebSocket ws) {
        if (ws != socket) {
            return;
        }
        socket = null;
        vertx.cancelTimer(watchdog);
        if (!stopping) {
            LOG.warn("Lost the connection to the core; reconnecting");
            reconnectLater();
        }
    }

    private void armWatchdog(WebSocket ws) {
        vertx.cancelTimer(watchdog);
        watchdog = vertx.setTimer(SILENCE_LIMIT.toMillis(), id -> {
            if (ws == socket) {
                LOG.warn("The core has been silent for {}; reconnecting", SILENCE_LIMIT);
                ws.close();
            }
        });
    }

    private void onMessage(WebSocket ws, String text) {
        armWatchdog(ws);
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            LOG.warn("Ignoring a message that is not JSON");
            return;
        }
        String type = String.valueOf(message.getValue("type"));
        switch (type) {
            case "hello", "heartbeat" -> serviceDay(message.getValue("serviceDay"));
            case "job" -> job(message.getJsonObject("job"));
            default -> LOG.debug("Ignoring a '{}' message", type);
        }
    }

    private void serviceDay(Object value) {
        try {
            if (value instanceof String day) {
                printing.serviceDay(LocalDate.parse(day));
            }
        } catch (DateTimeParseException e) {
            LOG.warn("Ignoring a service day that is not a date: {}", value);
        }
    }

    /** Disk first, then the acknowledgement: a job the core has seen acknowledged is never lost. */
    private void job(JsonObject job) {
        String jobId = job == null ? null : job.getString("jobId");
        if (jobId == null) {
            LOG.warn("Ignoring a job without an id");
            return;
        }
        CrashPoint.at(CrashPoint.JOB_ARRIVED);
        Future<JobJournal.Acceptance> write = vertx.executeBlocking(() -> journal.accept(jobId, job), true);
        journalWrites.add(write);
        write.onComplete(accepted -> {
            journalWrites.remove(write);
            if (accepted.failed()) {
                // Not on disk, so not acknowledged: the core sends it again on the next connection.
                LOG.error("Cannot write job {} to the journal", jobId, accepted.cause());
                return;
            }
            CrashPoint.at(CrashPoint.JOB_JOURNALED);
            JournalEntry entry = accepted.result().entry();
            if (entry.state().finished()) {
                send(new JsonObject().put("type", entry.state().wireName()).put("jobId", jobId)
                        .put("reason", entry.reason()));
                return;
            }
            send(new JsonObject().put("type", "received").put("jobId", jobId));
            printing.enqueue(jobId);
        });
    }

    private void send(JsonObject message) {
        WebSocket ws = socket;
        if (ws != null && !ws.isClosed()) {
            ws.writeTextMessage(message.encode());
        }
    }
}
