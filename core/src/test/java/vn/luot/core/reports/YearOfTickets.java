package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import vn.luot.core.support.TestDatabase;

/**
 * A year of served tickets inserted at once with generate_series: 200 a day for 300 days from 1 December
 * 2025 (to 26 September 2026), each called at once by counter 2 and completed, with its history, and a
 * third of them rated. Large enough that exporting it takes seconds, not milliseconds.
 */
final class YearOfTickets {
    static final int TICKETS = 60_000;
    static final String FIRST_DAY = "2025-12-01";
    static final String LAST_DAY = "2026-09-26";

    private YearOfTickets() {
    }

    static void insert(String database) {
        TestDatabase.execute(database, "INSERT INTO tickets (id, number, seq_no, service_day, site_id, service_id, "
                + "channel, status, issued_at, queued_since, called_at, serving_at, finished_at, counter_id, "
                + "call_count, version, issued_estimate_minutes) "
                + "SELECT gen_random_uuid(), 'A' || lpad((g / 300)::text, 3, '0'), g / 300, x.day, 'hac-thanh', "
                + "'chung-thuc', 'kiosk', 'completed', y.at, y.at, y.at + interval '12 minutes', "
                + "y.at + interval '12 minutes', y.at + interval '18 minutes', 2, 1, 4, 10 "
                + "FROM generate_series(0, " + (TICKETS - 1) + ") g "
                + "CROSS JOIN LATERAL (SELECT date '" + FIRST_DAY + "' + (g % 300) AS day) x "
                + "CROSS JOIN LATERAL (SELECT (x.day + time '08:00' + (g / 300) * interval '2 minutes') "
                + "AT TIME ZONE 'Asia/Ho_Chi_Minh' AS at) y");
        TestDatabase.execute(database, "INSERT INTO queue_history (at, event, ticket_id, counter_id, actor, site_id) "
                + "SELECT called_at, 'ticket.called', id, 2, 'lan.nguyen', site_id FROM tickets UNION ALL "
                + "SELECT finished_at, 'ticket.completed', id, 2, 'lan.nguyen', site_id FROM tickets");
        TestDatabase.execute(database, "INSERT INTO ratings (ticket_id, level, source, site_id, service_id, "
                + "counter_id, staff, service_day, rated_at) SELECT id, 1 + seq_no % 4, 'counter', site_id, "
                + "service_id, 2, 'lan.nguyen', service_day, finished_at FROM tickets WHERE seq_no % 3 = 0");
        TestDatabase.execute(database, "ANALYZE");
        assertThat(TestDatabase.count(database, "SELECT count(*) FROM tickets")).isEqualTo(TICKETS);
    }
}
