package vn.luot.core.printing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.printing.DeviceToken;
import vn.luot.core.domain.printing.PrinterDefinition;
import vn.luot.core.domain.printing.PrinterHealth;
import vn.luot.core.store.PrintStore;
import vn.luot.core.store.PrintStore.PrinterRecord;

/** The printers' use cases: device tokens for their bridges, and their status for kiosks and managers. */
public final class PrinterService {
    private final LuotConfig.Printing printing;
    private final PrintStore store;
    private final PrinterHealth health;
    private final Clock clock;

    public PrinterService(LuotConfig.Printing printing, PrintStore store, Clock clock) {
        this.printing = printing;
        this.store = store;
        this.health = new PrinterHealth(printing.bridgeSilenceLimit());
        this.clock = clock;
    }

    /** A new device token; shown once. */
    public record IssuedToken(String printerId, String token, Instant issuedAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + printerId + ", " + issuedAt + "]";
        }
    }

    public PrinterDefinition printer(String printerId) {
        return printing.findPrinter(printerId)
                .orElseThrow(() -> new QueueException(Problem.PRINTER_NOT_FOUND, printerId));
    }

    /**
     * Issues a device token for a printer's bridge; the previous token stops working. The token is
     * returned once and never stored: a retry with the same idempotency key is refused rather than
     * issuing a second token behind the first one's back.
     */
    public Future<IssuedToken> issueToken(String printerId, String idempotencyKey) {
        PrinterDefinition printer = printer(printerId);
        String token = DeviceToken.generate();
        Instant now = clock.instant();
        return store.replaceToken(printer.id(), DeviceToken.hash(token), idempotencyKey, now).map(replaced -> {
            if (!replaced) {
                throw new QueueException(Problem.PRINTER_TOKEN_ALREADY_ISSUED, printer.id());
            }
            return new IssuedToken(printer.id(), token, now);
        });
    }

    /** Checks a bridge's device token; fails with a 401 problem when it is missing or wrong. */
    public Future<PrinterDefinition> authenticate(String printerId, String token) {
        PrinterDefinition printer = printer(printerId);
        if (token == null || token.isBlank()) {
            return Future.failedFuture(new QueueException(Problem.MISSING_TOKEN));
        }
        return store.tokenHash(printer.id()).map(hash -> {
            if (!DeviceToken.matches(token, hash.orElse(null))) {
                throw new QueueException(Problem.INVALID_TOKEN, "device token");
            }
            return printer;
        });
    }

    public Future<List<PrinterStatus>> statuses() {
        return store.printers().map(records -> {
            Map<String, PrinterRecord> byId = new HashMap<>();
            records.forEach(r -> byId.put(r.id(), r));
            List<PrinterStatus> statuses = new ArrayList<>();
            for (PrinterDefinition printer : printing.printers()) {
                statuses.add(status(printer, byId.get(printer.id())));
            }
            return statuses;
        });
    }

    public Future<PrinterStatus> status(String printerId) {
        PrinterDefinition printer = printer(printerId);
        return store.printer(printer.id()).map(record -> status(printer, record.orElse(null)));
    }

    private PrinterStatus status(PrinterDefinition printer, PrinterRecord record) {
        if (record == null) {
            record = new PrinterRecord(printer.id(), vn.luot.core.domain.printing.PrinterState.OFFLINE, null, null,
                    false, 0, null, null);
        }
        return new PrinterStatus(printer, health.effective(record.reportedState(), record.connected(),
                record.lastSeenAt(), clock.instant()), record);
    }
}
