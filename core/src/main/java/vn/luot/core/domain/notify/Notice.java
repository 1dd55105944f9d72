package vn.luot.core.domain.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to one citizen, as the outbox keeps it until it is delivered. Its {@code id} is also the
 * idempotency key the gateway receives, so that a message delivered again after a lost answer is
 * recognised and not sent twice.
 *
 * @param phone     the mobile number in its international form ({@code 84912345678})
 * @param fields    the template's fields, by name
 * @param dueAt     not before then (a reminder waits for its time)
 * @param bookingId the booking it is about, or null
 * @param ticketId  the ticket it is about, or null
 */
public record Notice(UUID id, NoticeKind kind, String phone, Map<String, String> fields, Instant dueAt, UUID bookingId,
                     UUID ticketId) {
    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(dueAt, "dueAt");
        fields = Map.copyOf(fields);
    }
}
