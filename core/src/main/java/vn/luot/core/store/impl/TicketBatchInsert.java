package vn.luot.core.store.impl;

import static vn.luot.core.store.impl.Rows.time;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketNumbering;
import vn.luot.core.store.IssueDraft;

/**
 * The SQL of group commit (issue 15): the numbers of a batch of tickets in one statement, then all its
 * tickets and their print jobs in one more, which PostgreSQL commits once (one disk flush for the batch).
 * Numbers come from the day's sequences in the database, so several nodes can share it.
 */
final class TicketBatchInsert {
    /**
     * The tickets and the print jobs of those that print, from parallel arrays. A ticket whose key a
     * concurrent request already used is not inserted (and so gets no job); its id is missing from the
     * answer, and the caller reads the ticket that request made.
     */
    private static final String INSERT_TICKETS_AND_JOBS = "WITH ticket AS (INSERT INTO tickets (id, number, seq_no, "
            + "service_day, site_id, service_id, priority_group, channel, status, issued_at, queued_since, "
            + "call_count, version, note, printer_id, idempotency_key, request_hash, phone, slot_start, "
            + "issued_estimate_minutes) "
            + "SELECT t.id, t.number, t.seq_no, t.service_day, t.site_id, t.service_id, t.priority_group, t.channel, "
            + "t.status, t.issued_at, t.issued_at, 0, 1, t.note, t.printer_id, t.idempotency_key, t.request_hash, "
            + "t.phone, t.slot_start, t.issued_estimate_minutes "
            + "FROM unnest($1::uuid[], $2::text[], $3::int[], $4::date[], $5::text[], $6::text[], $7::text[], "
            + "$8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::text[], $13::text[], $14::text[], "
            + "$15::text[], $16::timestamptz[], $17::int[]) AS t(id, number, seq_no, service_day, site_id, "
            + "service_id, priority_group, channel, status, issued_at, note, printer_id, idempotency_key, "
            + "request_hash, phone, slot_start, issued_estimate_minutes) "
            + "ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id), "
            + "job AS (INSERT INTO print_jobs (id, printer_id, ticket_id, payload, created_at) "
            + "SELECT j.id, j.printer_id, j.ticket_id, j.payload::jsonb, j.created_at "
            + "FROM unnest($18::uuid[], $19::text[], $20::uuid[], $21::text[], $22::timestamptz[]) "
            + "AS j(id, printer_id, ticket_id, payload, created_at) JOIN ticket ON ticket.id = j.ticket_id) "
            + "SELECT id FROM ticket";

    private TicketBatchInsert() {
    }

    /**
     * One number per draft, from the sequence of its day and prefix, in the drafts' order within each
     * sequence (PostgreSQL may evaluate the rows in any order; the numbers are sorted and handed out again).
     * Fails with SQL state 42P01 when a day's sequence does not exist yet.
     */
    static Future<long[]> numbers(Pool pool, List<IssueDraft> drafts) {
        String[] sequences = drafts.stream()
                .map(d -> TicketNumbering.sequenceName(d.draft().serviceDay(), d.prefix())).toArray(String[]::new);
        return pool.preparedQuery("SELECT s.name, nextval(s.name::regclass) FROM unnest($1::text[]) AS s(name)")
                .execute(Tuple.of(sequences))
                .map(rows -> {
                    Map<String, List<Long>> bySequence = new HashMap<>();
                    for (Row row : rows) {
                        bySequence.computeIfAbsent(row.getString(0), k -> new ArrayList<>()).add(row.getLong(1));
                    }
                    Map<String, ArrayDeque<Long>> inOrder = new HashMap<>();
                    bySequence.forEach((name, values) -> {
                        values.sort(null);
                        inOrder.put(name, new ArrayDeque<>(values));
                    });
                    long[] numbers = new long[sequences.length];
                    for (int i = 0; i < sequences.length; i++) {
                        numbers[i] = inOrder.get(sequences[i]).removeFirst();
                    }
                    return numbers;
                });
    }

    /** The days and prefixes of the drafts, to create their sequences. */
    static Map<LocalDate, Set<String>> prefixesByDay(List<IssueDraft> drafts) {
        Map<LocalDate, Set<String>> days = new HashMap<>();
        drafts.forEach(d -> days.computeIfAbsent(d.draft().serviceDay(), k -> new HashSet<>()).add(d.prefix()));
        return days;
    }

    /**
     * Inserts the numbered tickets (the drafts' i-th ticket is {@code tickets.get(i)}) and their print jobs
     * in one statement; answers the ids of the tickets it inserted.
     */
    static Future<Set<UUID>> insert(Pool pool, List<IssueDraft> drafts, List<Ticket> tickets, long[] numbers) {
        int n = drafts.size();
        UUID[] ids = new UUID[n];
        String[] number = new String[n];
        Integer[] seqNo = new Integer[n];
        LocalDate[] day = new LocalDate[n];
        String[] site = new String[n];
        String[] service = new String[n];
        String[] priority = new String[n];
        String[] channel = new String[n];
        String[] status = new String[n];
        OffsetDateTime[] issuedAt = new OffsetDateTime[n];
        String[] note = new String[n];
        String[] printer = new String[n];
        String[] key = new String[n];
        String[] hash = new String[n];
        String[] phone = new String[n];
        OffsetDateTime[] slot = new OffsetDateTime[n];
        Integer[] estimate = new Integer[n];
        List<UUID> jobIds = new ArrayList<>();
        List<String> jobPrinters = new ArrayList<>();
        List<UUID> jobTickets = new ArrayList<>();
        List<String> jobPayloads = new ArrayList<>();
        List<OffsetDateTime> jobCreated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IssueDraft d = drafts.get(i);
            Ticket t = tickets.get(i);
            ids[i] = t.id();
            number[i] = t.number();
            seqNo[i] = (int) numbers[i];
            day[i] = t.serviceDay();
            site[i] = t.siteId();
            service[i] = t.serviceId();
            priority[i] = t.priorityGroup();
            channel[i] = t.channel().wireName();
            status[i] = t.status().wireName();
            issuedAt[i] = time(t.issuedAt());
            note[i] = t.note();
            printer[i] = d.request().printerId();
            key[i] = d.idempotencyKey();
            hash[i] = d.idempotencyKey() == null ? null : d.request().fingerprint();
            phone[i] = d.request().phone();
            slot[i] = time(t.slotStart());
            estimate[i] = d.estimateMinutes();
            if (d.print() != null) {
                jobIds.add(d.print().jobId());
                jobPrinters.add(d.print().printerId());
                jobTickets.add(t.id());
                jobPayloads.add(d.print().payload().apply(t));
                jobCreated.add(issuedAt[i]);
            }
        }
        List<Object> values = new ArrayList<>(List.of(ids, number, seqNo, day, site, service, priority, channel,
                status, issuedAt, note, printer, key, hash, phone, slot, estimate));
        values.add(jobIds.toArray(new UUID[0]));
        values.add(jobPrinters.toArray(new String[0]));
        values.add(jobTickets.toArray(new UUID[0]));
        values.add(jobPayloads.toArray(new String[0]));
        values.add(jobCreated.toArray(new OffsetDateTime[0]));
        return pool.preparedQuery(INSERT_TICKETS_AND_JOBS).execute(Tuple.wrap(values)).map(rows -> {
            Set<UUID> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add(row.getUUID(0)));
            return inserted;
        });
    }
}
