package vn.luot.core.domain.ticket;

import java.util.Objects;

/**
 * A citizen's request for a ticket, as checked by {@link vn.luot.core.domain.catalogue.Catalogue}.
 *
 * @param priorityGroup null for the normal queue
 * @param printerId     the kiosk or desk printer that should print it, or null
 * @param note          a short note for the counter, from the guidance desk, or null
 * @param phone         a phone number for notifications, or null
 * @param slotStart     the booked slot's start, for a ticket checked in from a booking, or null
 */
public record TicketRequest(String siteId, String serviceId, String priorityGroup, Channel channel,
                            String printerId, String note, String phone, java.time.Instant slotStart) {
    /** Digits with an optional leading +, spaces, dots or dashes between: 8 to 15 digits in all. */
    public static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 .-]{6,18}[0-9]");

    /** A walk-in's request: no booked slot. */
    public TicketRequest(String siteId, String serviceId, String priorityGroup, Channel channel,
                         String printerId, String note, String phone) {
        this(siteId, serviceId, priorityGroup, channel, printerId, note, phone, null);
    }

    public TicketRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(channel, "channel");
    }

    /** A fingerprint of what was asked, so that an idempotency key reused for another request is caught. */
    public String fingerprint() {
        return String.join("|", siteId, serviceId, String.valueOf(priorityGroup), channel.wireName(),
                String.valueOf(printerId), String.valueOf(note), String.valueOf(phone), String.valueOf(slotStart));
    }
}
