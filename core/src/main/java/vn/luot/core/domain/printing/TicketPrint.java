package vn.luot.core.domain.printing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.catalogue.LocalizedText;

/**
 * Everything a printed ticket shows, fixed when the ticket is issued, so the bridge needs no other API
 * and a ticket printed late still shows what the citizen was told at the kiosk.
 *
 * @param priority             the priority group's name, or null for the normal queue
 * @param position             people waiting ahead when the ticket was taken
 * @param estimatedWaitMinutes null when no counter was open for the service, or it would not be reached today
 * @param notBeforeClosing     counters serve it, but would not reach it before the site closes today
 */
public record TicketPrint(UUID jobId, String printerId, UUID ticketId, String number, LocalDate serviceDay,
                          Instant issuedAt, LocalizedText centre, String siteId, LocalizedText site,
                          String serviceId, LocalizedText service, LocalizedText priority, Integer position,
                          Integer estimatedWaitMinutes, String trackingUrl, boolean notBeforeClosing) {
    public TicketPrint {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(number, "number");
    }

    public TicketPrint(UUID jobId, String printerId, UUID ticketId, String number, LocalDate serviceDay,
                       Instant issuedAt, LocalizedText centre, String siteId, LocalizedText site,
                       String serviceId, LocalizedText service, LocalizedText priority, Integer position,
                       Integer estimatedWaitMinutes, String trackingUrl) {
        this(jobId, printerId, ticketId, number, serviceDay, issuedAt, centre, siteId, site, serviceId, service,
                priority, position, estimatedWaitMinutes, trackingUrl, false);
    }
}
