-- Lượt schema, version 7.1 (issue 11): a booking missed by more than its late window may expire.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show', 'expired'));
-- The expiry job looks for bookings still booked whose slot has passed.
CREATE INDEX bookings_still_booked ON bookings (slot_start) WHERE status = 'booked';
