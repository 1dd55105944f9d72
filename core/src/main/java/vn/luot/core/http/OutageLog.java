package vn.luot.core.http;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the log says while the database is away: one line when an outage begins, then one line with a
 * count every {@link #EVERY} while it lasts, never one line per refused request (an outage under load
 * once wrote 218,000 lines in 75 s). An outage is over when no request has met it for that long.
 * Safe from any event loop.
 */
final class OutageLog {
    static final Duration EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);
    private long lastLine = Long.MIN_VALUE;
    private long lastFailure = Long.MIN_VALUE;
    private long countedSinceLastLine;
    private boolean inOutage;

    synchronized void unavailable(String method, String path, Throwable failure) {
        long now = System.nanoTime();
        boolean outageEnded = inOutage && now - lastFailure >= EVERY.toNanos();
        if (outageEnded && countedSinceLastLine > 0) {
            LOG.warn("{} more requests were answered 503 (database unavailable) before that outage ended",
                    countedSinceLastLine);
            countedSinceLastLine = 0;
        }
        lastFailure = now;
        if (!inOutage || outageEnded) {
            inOutage = true;
            lastLine = now;
            LOG.warn("The database is unavailable ({}): {} {} and the requests that need it are answered 503; "
                    + "a count follows every {} s while it lasts", reason(failure), method, path, EVERY.toSeconds());
            return;
        }
        countedSinceLastLine++;
        if (now - lastLine >= EVERY.toNanos()) {
            LOG.warn("The database is still unavailable ({}): {} requests answered 503 in the last {} s",
                    reason(failure), countedSinceLastLine, (now - lastLine) / 1_000_000_000L);
            countedSinceLastLine = 0;
            lastLine = now;
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
