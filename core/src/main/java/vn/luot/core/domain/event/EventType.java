package vn.luot.core.domain.event;

/** Everything that happens in a hall, as announced to displays, phones and other nodes. */
public enum EventType {
    TICKET_ISSUED("ticket.issued"),
    TICKET_CALLED("ticket.called"),
    TICKET_RECALLED("ticket.recalled"),
    TICKET_SERVING("ticket.serving"),
    TICKET_COMPLETED("ticket.completed"),
    TICKET_NO_SHOW("ticket.no_show"),
    TICKET_RETURNED("ticket.returned"),
    TICKET_TRANSFERRED("ticket.transferred"),
    TICKET_CANCELLED("ticket.cancelled"),
    TICKET_MOVED("ticket.moved"),                          // a manager moved it to the other site (issue 10)
    COUNTER_SERVICES_CHANGED("counter.services_changed"),  // a manager changed what it serves (issue 10)
    COUNTER_OPENED("counter.opened"),
    COUNTER_PAUSED("counter.paused"),
    COUNTER_RESUMED("counter.resumed"),
    COUNTER_CLOSED("counter.closed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Calls and recalls are what hall displays flash and announce. */
    public boolean isCall() {
        return this == TICKET_CALLED || this == TICKET_RECALLED;
    }
}
