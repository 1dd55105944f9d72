package vn.luot.core.store;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import vn.luot.core.domain.ticket.Ticket;

/**
 * A print job to create together with a ticket, in the same statement: a ticket that was acknowledged
 * always has its job, and a ticket that was not stored has none.
 *
 * @param payload the job's JSON for the numbered ticket (the number is only known inside the store)
 */
public record PrintOrder(UUID jobId, String printerId, Function<Ticket, String> payload) {
    public PrintOrder {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(payload, "payload");
    }
}
