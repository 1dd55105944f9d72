package vn.luot.core.domain.printing;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what the kiosk and the manager are told about a printer. The bridge reports its printer's
 * state, but only a bridge that is connected and has spoken recently can be believed: a bridge whose
 * PC lost power cannot say so, and a node that died cannot clear the connection it held.
 *
 * @param silenceLimit how long a connected bridge may stay silent before its printer counts as offline
 *                     (bridges report at least every 15 seconds)
 */
public record PrinterHealth(Duration silenceLimit) {

    /**
     * @param reported  the state the bridge last reported
     * @param connected whether a bridge connection serves the printer now
     * @param lastSeen  when the bridge last said anything, or null if never
     */
    public PrinterState effective(PrinterState reported, boolean connected, Instant lastSeen, Instant now) {
        if (!connected || lastSeen == null || Duration.between(lastSeen, now).compareTo(silenceLimit) > 0) {
            return PrinterState.OFFLINE;
        }
        return reported;
    }
}
