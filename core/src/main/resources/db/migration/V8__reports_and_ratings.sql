-- Lượt schema, version 8: reports and satisfaction ratings.

-- The ticket keeps the wait it was promised when it was issued (the estimate printed on it and shown on
-- the kiosk and the tracking page), so reports can say how accurate the printed estimates were. Null
-- when no counter was open for its service at the time (no estimate was given).
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS issued_estimate_minutes integer;

-- Report queries read the counters' history lines of a date range (opening, pauses, calls) by time.
CREATE INDEX IF NOT EXISTS queue_history_at ON queue_history (at);
