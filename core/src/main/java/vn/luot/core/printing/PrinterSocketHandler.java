package vn.luot.core.printing;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import vn.luot.core.store.PrintStore;

/**
 * {@code /ws/printers/{printerId}}: where a printer's bridge connects, with its device token as
 * {@code Authorization: Bearer <token>}. A wrong token or an unknown printer is refused before the
 * upgrade, with the usual JSON error (401, 404). See {@link PrinterSession} for the messages.
 */
public final class PrinterSocketHandler {
    private final PrinterService printers;
    private final PrintStore store;
    private final PrinterHub hub;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger open;

    public PrinterSocketHandler(PrinterService printers, PrintStore store, PrinterHub hub, Clock clock, ZoneId zone,
                                AtomicInteger openSockets) {
        this.printers = printers;
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.zone = zone;
        this.open = openSockets;
    }

    public void connect(RoutingContext ctx) {
        String printerId = ctx.pathParam("printerId");
        // The token is checked in the database first; the upgrade must find the request unread then.
        ctx.request().pause();
        printers.authenticate(printerId, bearer(ctx.request().getHeader("Authorization")))
                .compose(printer -> ctx.request().toWebSocket().map(socket -> {
                    new PrinterSession(printer.id(), socket, Vertx.currentContext(), store, hub, clock, zone, open)
                            .start();
                    return socket;
                }))
                .onFailure(ctx::fail);
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
