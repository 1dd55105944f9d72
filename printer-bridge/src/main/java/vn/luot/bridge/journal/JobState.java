package vn.luot.bridge.journal;

import java.util.Locale;

/** Where a job is on the bridge. Each step is on disk before the bridge tells the core about it. */
public enum JobState {
    /** On disk; the core has been (or will be) told so; not yet sent to the printer. */
    RECEIVED,
    /** Bytes are going to the printer; a crash now leaves it unknown whether the ticket came out. */
    PRINTING,
    PRINTED,
    /** Given up for good (an earlier day's ticket, or one that cannot be rendered). */
    FAILED;

    public boolean finished() {
        return this == PRINTED || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
