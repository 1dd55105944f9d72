package vn.luot.core.printing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.luot.core.domain.printing.PrinterState;
import vn.luot.core.domain.ticket.ServiceDay;
import vn.luot.core.store.PrintStore;

/**
 * One bridge's connection ({@code /ws/printers/{printerId}}). Everything here runs on the socket's
 * event loop.
 *
 * <p>Core to bridge: {@code hello} (printer id, service day), then {@code job} for every job not yet
 * printed or failed, oldest first, then new ones as they come; {@code heartbeat} every few seconds with
 * the service day. Bridge to core: {@code received} once the job is on the bridge's disk, then
 * {@code printed} or {@code failed}; {@code status} with the printer's state. A job is sent once per
 * connection; a new connection is sent again every unfinished job, which the bridge recognises by id.
 */
final class PrinterSession {
    static final short REPLACED = 4409;
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(PrinterSession.class);

    private final String printerId;
    private final UUID id = UUID.randomUUID();
    private final ServerWebSocket socket;
    private final Context context;
    private final PrintStore store;
    private final PrinterHub hub;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger openSockets;
    private final Set<UUID> sent = new HashSet<>();
    private boolean fetching;
    private boolean fetchAgain;
    private boolean closed;

    PrinterSession(String printerId, ServerWebSocket socket, Context context, PrintStore store, PrinterHub hub,
                   Clock clock, ZoneId zone, AtomicInteger openSockets) {
        this.printerId = printerId;
        this.socket = socket;
        this.context = context;
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.zone = zone;
        this.openSockets = openSockets;
    }

    String printerId() {
        return printerId;
    }

    void start() {
        openSockets.incrementAndGet();
        socket.textMessageHandler(this::onMessage);
        socket.closeHandler(v -> onClose());
        store.attach(printerId, id, clock.instant()).onComplete(attached -> {
            if (attached.failed()) {
                LOG.warn("Printer {}: cannot record the connection: {}", printerId, attached.cause().getMessage());
                socket.close();
                return;
            }
            hub.register(this);
            send(new JsonObject().put("type", "hello").put("printerId", printerId).put("serviceDay", today().toString()));
            deliver(true);
        });
    }

    /** Asks, from any thread, for the unsent jobs to be sent now. */
    void deliverSoon() {
        context.runOnContext(v -> deliver(false));
    }

    /** From any thread: heartbeat, check that this connection still holds the printer, send what was missed. */
    void tick() {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            send(new JsonObject().put("type", "heartbeat").put("serviceDay", today().toString()));
            store.stillAttached(printerId, id).onSuccess(mine -> {
                if (!mine) {
                    replaced();
                } else {
                    deliver(true);
                }
            });
        });
    }

    void replaced() {
        context.runOnContext(v -> {
            if (!closed) {
                socket.close(REPLACED, "a newer connection serves this printer");
            }
        });
    }

    void close() {
        context.runOnContext(v -> {
            if (!closed) {
                socket.close();
            }
        });
    }

    private void deliver(boolean expireFirst) {
        if (closed) {
            return;
        }
        if (fetching) {
            fetchAgain = true;
            return;
        }
        fetching = true;
        Instant now = clock.instant();
        Future<Integer> expired = expireFirst
                ? store.expireBefore(printerId, today().atStartOfDay(zone).toInstant(), now)
                : Future.succeededFuture(0);
        expired.compose(n -> store.unfinishedJobs(printerId, Set.copyOf(sent), BATCH))
                .compose(jobs -> {
                    List<UUID> ids = new ArrayList<>();
                    for (PrintStore.PendingJob job : jobs) {
                        if (closed || socket.writeQueueFull()) {
                            break;
                        }
                        socket.writeTextMessage(new JsonObject().put("type", "job")
                                .put("job", new JsonObject(job.payload())).encode());
                        sent.add(job.id());
                        ids.add(job.id());
                    }
                    return store.markSent(ids, now);
                })
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.warn("Printer {}: could not send jobs: {}", printerId, done.cause().getMessage());
                    }
                    fetching = false;
                    if (fetchAgain) {
                        fetchAgain = false;
                        deliver(false);
                    }
                });
    }

    private void onMessage(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            return;
        }
        Instant now = clock.instant();
        String type = String.valueOf(message.getValue("type"));
        UUID jobId = jobId(message);
        Future<Void> recorded = switch (type) {
            case "received" -> jobId == null ? null : store.received(printerId, jobId, now);
            case "printed" -> jobId == null ? null : store.finished(printerId, jobId, true, null, now);
            case "failed" -> jobId == null ? null
                    : store.finished(printerId, jobId, false, shortText(message.getValue("reason")), now);
            case "status" -> PrinterState.fromWire(String.valueOf(message.getValue("state")))
                    .map(state -> store.seen(printerId, state, now)).orElse(null);
            default -> null;
        };
        if (recorded != null && ("printed".equals(type) || "failed".equals(type))) {
            // Forget it only once the database says finished, or the next look would send it again.
            recorded.onSuccess(done -> sent.remove(jobId));
        }
        // Whatever the bridge says shows it is alive; a status message records that itself.
        Future<Void> alive = recorded == null ? store.seen(printerId, null, now)
                : "status".equals(type) ? recorded : recorded.compose(done -> store.seen(printerId, null, now));
        alive.onFailure(e -> LOG.warn("Printer {}: could not record '{}': {}", printerId, type, e.getMessage()));
    }

    private void onClose() {
        closed = true;
        openSockets.decrementAndGet();
        hub.unregister(this);
        store.detach(printerId, id)
                .onFailure(e -> LOG.warn("Printer {}: could not record the disconnection: {}", printerId, e.getMessage()));
    }

    private void send(JsonObject message) {
        if (!closed && !socket.isClosed() && !socket.writeQueueFull()) {
            socket.writeTextMessage(message.encode());
        }
    }

    private LocalDate today() {
        return ServiceDay.of(clock.instant(), zone);
    }

    private static UUID jobId(JsonObject message) {
        try {
            Object raw = message.getValue("jobId");
            return raw instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shortText(Object value) {
        String text = value == null ? "unknown" : value.toString();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
