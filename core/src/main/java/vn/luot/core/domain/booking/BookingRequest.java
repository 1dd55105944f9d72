package vn.luot.core.domain.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * What a citizen (or staff on their behalf) asks for when booking: a service at a site at a time.
 *
 * @param procedure what the citizen said they come for, in their words ("sao y sổ hộ khẩu"), or null
 */
public record BookingRequest(String siteId, String serviceId, Instant slotStart, String citizenName, String phone,
                             String procedure) {
    public static final int MAX_NAME_LENGTH = 100;

    public BookingRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(citizenName, "citizenName");
        Objects.requireNonNull(phone, "phone");
    }

    /** A fingerprint of what was asked, so that an idempotency key reused for another booking is caught. */
    public String fingerprint() {
        return String.join("|", siteId, serviceId, slotStart.toString(), citizenName, phone,
                String.valueOf(procedure));
    }
}
