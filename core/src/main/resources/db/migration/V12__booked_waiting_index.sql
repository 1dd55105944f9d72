-- The booked tickets that may be due at a counter, the third part of a call's line heads (PgQueueStore):
-- without it every call read all of its lines' waiting walk-ins to find the few with a slot.
CREATE INDEX tickets_waiting_booked ON tickets (site_id, service_id, slot_start, queued_since, seq_no)
    WHERE status = 'waiting' AND slot_start IS NOT NULL AND priority_group IS NULL AND assigned_counter_id IS NULL;
