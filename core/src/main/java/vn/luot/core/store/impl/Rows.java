package vn.luot.core.store.impl;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import vn.luot.core.domain.counter.Counter;
import vn.luot.core.domain.counter.CounterState;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

/** Maps rows to domain records and back. The column lists here are the only ones the store selects. */
final class Rows {
    static final String TICKET_COLUMNS = "id, number, service_day, site_id, service_id, priority_group, channel, "
            + "status, issued_at, queued_since, counter_id, assigned_counter_id, called_at, serving_at, finished_at, "
            + "call_count, version, note, slot_start";
    static final String COUNTER_COLUMNS = "id, site_id, state, services, opened_by, current_ticket_id, "
            + "priority_streak, version";

    private Rows() {
    }

    static Ticket ticket(Row row) {
        return new Ticket(
                row.getUUID("id"),
                row.getString("number"),
                row.getLocalDate("service_day"),
                row.getString("site_id"),
                row.getString("service_id"),
                row.getString("priority_group"),
                Channel.fromWire(row.getString("channel")).orElseThrow(),
                TicketStatus.fromWire(row.getString("status")).orElseThrow(),
                instant(row, "issued_at"),
                instant(row, "queued_since"),
                row.getInteger("counter_id"),
                row.getInteger("assigned_counter_id"),
                instant(row, "called_at"),
                instant(row, "serving_at"),
                instant(row, "finished_at"),
                row.getInteger("call_count"),
                row.getInteger("version"),
                row.getString("note"),
                instant(row, "slot_start"));
    }

    static Counter counter(Row row) {
        String[] services = row.getArrayOfStrings("services");
        return new Counter(
                row.getInteger("id"),
                row.getString("site_id"),
                CounterState.fromWire(row.getString("state")),
                services == null ? List.of() : Arrays.asList(services),
                row.getString("opened_by"),
                row.getUUID("current_ticket_id"),
                row.getInteger("priority_streak"),
                row.getInteger("version"));
    }

    /** Parameters for {@code UPDATE tickets ... WHERE id = $1 AND version = $13}. */
    static Tuple ticketUpdate(Ticket t, int expectedVersion) {
        return Tuple.wrap(Arrays.asList(t.id(), t.siteId(), t.serviceId(), t.status().wireName(), t.counterId(),
                t.assignedCounterId(), time(t.calledAt()), time(t.servingAt()), time(t.finishedAt()), t.callCount(),
                t.version(), t.note(), expectedVersion));
    }

    /** Parameters for {@code UPDATE counters ... WHERE id = $1 AND version = $9}. */
    static Tuple counterUpdate(Counter c, int expectedVersion, Instant now) {
        return Tuple.wrap(Arrays.asList(c.id(), c.state().wireName(), c.services().toArray(new String[0]),
                c.openedBy(), c.currentTicketId(), c.priorityStreak(), c.version(), time(now), expectedVersion));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
