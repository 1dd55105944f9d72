package vn.luot.core.domain.balancing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.CatalogueRef;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/**
 * Which of the tickets a manager asked to move to the other site do move, and why the others do not.
 * Only a waiting ticket of today, at the site it is moved from, for a service the other site offers,
 * moves; it keeps its number and its original issue time (see {@link Ticket#movedTo}). A ticket that is
 * called, being served or finished never moves.
 */
public final class TicketMoves {
    private TicketMoves() {
    }

    /** Why a ticket stays where it is; the answer says it with its code. */
    public enum Refusal {
        NOT_FOUND, NOT_WAITING, AT_ANOTHER_SITE, SERVICE_NOT_OFFERED_THERE, EARLIER_DAY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param number null when the ticket was not found; status its state now */
    public record NotMoved(UUID ticketId, String number, TicketStatus status, Refusal reason) {
    }

    /** @param moved the tickets after the move, in the order asked; before the same tickets as they were */
    public record Plan(String fromSiteId, String toSiteId, List<Ticket> before, List<Ticket> moved,
                       List<NotMoved> notMoved) {
        public Plan {
            before = List.copyOf(before);
            moved = List.copyOf(moved);
            notMoved = List.copyOf(notMoved);
        }
    }

    /**
     * @param asked the ticket ids asked for, in order (for a move by count: the ids of the tickets found)
     * @param found the tickets found among them, locked for the move
     */
    public static Plan plan(String fromSiteId, SiteDefinition to, List<UUID> asked, List<Ticket> found,
                            LocalDate serviceDay) {
        if (to.id().equals(fromSiteId)) {
            throw new QueueException(Problem.MOVE_TO_SAME_SITE, CatalogueRef.site(to.id()));
        }
        Map<UUID, Ticket> byId = new LinkedHashMap<>();
        found.forEach(t -> byId.put(t.id(), t));
        List<Ticket> before = new ArrayList<>();
        List<Ticket> moved = new ArrayList<>();
        List<NotMoved> notMoved = new ArrayList<>();
        for (UUID id : asked) {
            Ticket ticket = byId.get(id);
            Refusal refusal = ticket == null ? Refusal.NOT_FOUND : refusal(ticket, fromSiteId, to, serviceDay);
            if (refusal != null) {
                notMoved.add(new NotMoved(id, ticket == null ? null : ticket.number(),
                        ticket == null ? null : ticket.status(), refusal));
            } else {
                before.add(ticket);
                moved.add(ticket.movedTo(to.id()));
            }
        }
        return new Plan(fromSiteId, to.id(), before, moved, notMoved);
    }

    private static Refusal refusal(Ticket ticket, String fromSiteId, SiteDefinition to, LocalDate serviceDay) {
        if (ticket.status() != TicketStatus.WAITING) {
            return Refusal.NOT_WAITING;
        }
        if (!ticket.siteId().equals(fromSiteId)) {
            return Refusal.AT_ANOTHER_SITE;
        }
        if (!to.offers(ticket.serviceId())) {
            return Refusal.SERVICE_NOT_OFFERED_THERE;
        }
        if (!ticket.serviceDay().equals(serviceDay)) {
            return Refusal.EARLIER_DAY;
        }
        return null;
    }
}
