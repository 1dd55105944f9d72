package vn.luot.core.domain.report;

/**
 * Every figure a report shows. Each has a stable key (in JSON and exports) and a one-line definition in
 * the report bundles ({@code i18n/reports_*.properties}, key {@code kpi.<key>}), shown beside it, so two
 * people reading the same report agree on what it means. Times are in minutes, shares between 0 and 1.
 * Ratings per reason are not a fixed figure (the reasons are configured): see {@link Figures#reasons()}.
 */
public enum Kpi {
    ISSUED("issued"),
    ISSUED_KIOSK("issuedKiosk"),
    ISSUED_DESK("issuedDesk"),
    ISSUED_BOOKING("issuedBooking"),
    ISSUED_REMOTE("issuedRemote"),
    SERVED("served"),
    NO_SHOWS("noShows"),
    CANCELLED("cancelled"),
    TRANSFERRED("transferred"),
    MOVED_BETWEEN_SITES("movedBetweenSites"),
    ABANDONED("abandoned"),
    WAIT_MEAN("waitMeanMinutes"),
    WAIT_MEDIAN("waitMedianMinutes"),
    WAIT_P90("waitP90Minutes"),
    WAIT_MAX("waitMaxMinutes"),
    SERVICE_MEAN("serviceMeanMinutes"),
    SERVICE_P90("serviceP90Minutes"),
    WITHIN_TARGET_SHARE("withinTargetShare"),
    BOOKINGS_IN_WINDOW_SHARE("bookingsInWindowShare"),
    ESTIMATE_WITHIN_5_SHARE("estimateWithin5Share"),
    ESTIMATE_MEAN_ABSOLUTE_ERROR("estimateMeanAbsoluteErrorMinutes"),
    TIME_OPEN("timeOpenMinutes"),
    IDLE_WHILE_WAITING("idleWhileCitizensWaitedMinutes"),
    RATINGS("ratings"),
    RATING_MEAN("ratingMean"),
    SATISFIED_SHARE("satisfiedShare");

    private final String key;

    Kpi(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The key of its definition in the report bundles. */
    public String definitionKey() {
        return "kpi." + key;
    }

    /** Counts are whole numbers; the rest are minutes, shares or the mean rating (1 to 4). */
    public boolean isCount() {
        return ordinal() <= ABANDONED.ordinal() || this == RATINGS;
    }
}
