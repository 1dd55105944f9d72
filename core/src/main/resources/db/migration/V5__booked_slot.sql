-- A ticket checked in from a booking keeps its booked slot, so the call policy can call booked
-- citizens at their time and the reports can tell whether they were served within their window.
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS slot_start timestamptz;
