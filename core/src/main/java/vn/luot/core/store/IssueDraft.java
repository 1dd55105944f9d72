package vn.luot.core.store;

import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketRequest;

/**
 * One ticket to issue, as {@link QueueStore#issue} takes it, so that several can be written together
 * ({@link QueueStore#issueAll}).
 *
 * @param draft           a waiting ticket whose number the store assigns
 * @param prefix          the prefix of its service: the day's sequence it is numbered from
 * @param request         what was asked: its printer and phone are stored, its fingerprint guards the key
 * @param idempotencyKey  the client's key, or null
 * @param print           the print job to create with the ticket, or null
 * @param estimateMinutes the wait promised at issue, kept for the reports; null when none
 */
public record IssueDraft(Ticket draft, String prefix, TicketRequest request, String idempotencyKey,
                         PrintOrder print, Integer estimateMinutes) {
}
