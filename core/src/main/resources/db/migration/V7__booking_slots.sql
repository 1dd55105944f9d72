-- Lượt schema, version 7 (issue 11): the places taken in each booking slot.
--
-- One row per slot of a service at a site that somebody booked. A booking takes a place with a guarded
-- UPDATE (taken = taken + 1 ... WHERE taken < places) in the same transaction as its INSERT, so that two
-- citizens booking the last place at the same instant are serialised on the row: one gets it, the other
-- a 409. Cancelling or moving a booking gives its place back in the same way.
CREATE TABLE booking_slots (
    site_id     text        NOT NULL,
    service_id  text        NOT NULL,
    slot_start  timestamptz NOT NULL,
    taken       integer     NOT NULL DEFAULT 0 CHECK (taken >= 0),
    PRIMARY KEY (site_id, service_id, slot_start)
);

-- Bookings made before this version hold their places too.
INSERT INTO booking_slots (site_id, service_id, slot_start, taken)
SELECT site_id, service_id, slot_start, count(*) FROM bookings
WHERE status IN ('booked', 'checked_in')
GROUP BY site_id, service_id, slot_start;
