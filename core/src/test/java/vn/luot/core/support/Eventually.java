package vn.luot.core.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/**
 * Waits for something the server does in the background (a job, the outbox sender, a log line) by
 * looking again until it holds, with a timeout generous enough for a loaded machine. Never a sleep.
 */
public final class Eventually {
    /** How long a background effect may take on two busy cores before the test gives up. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** @param what what is awaited, for the failure's message ("the 4 messages were delivered") */
    public static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
