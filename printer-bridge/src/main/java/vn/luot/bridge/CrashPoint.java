package vn.luot.bridge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places where the crash tests stop the bridge dead, as a power cut would: the system property
 * {@code luot.bridge.crashAt} names one, and the process halts there without any clean-up. Unset (as in
 * every real installation), these do nothing.
 */
final class CrashPoint {
    static final String PROPERTY = "luot.bridge.crashAt";
    /** A job arrived from the core; nothing is on disk yet. */
    static final String JOB_ARRIVED = "job-arrived";
    /** The job is on disk; the core has not been told. */
    static final String JOB_JOURNALED = "job-journaled";
    /** The printer has the ticket's bytes; the journal does not say printed yet. */
    static final String TICKET_SENT = "ticket-sent";
    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

    private CrashPoint() {
    }

    static void at(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            LOG.error("Crash test: halting at '{}'", point);
            Runtime.getRuntime().halt(137);
        }
    }
}
