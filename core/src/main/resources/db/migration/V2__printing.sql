-- Lượt schema, version 2: ticket printers and their print jobs.

-- One row per configured printer (seeded at start). The bridge next to the printer logs in with a
-- device token; only its SHA-256 hash is kept. The state is what the bridge last reported.
CREATE TABLE printers (
    id                    text PRIMARY KEY,
    token_hash            text,
    token_issued_at       timestamptz,
    -- The Idempotency-Key of the request that issued the token: a retry must not issue a second one.
    token_key             text,
    state                 text        NOT NULL DEFAULT 'offline',
    state_since           timestamptz,
    last_seen_at          timestamptz,
    -- The bridge connection that serves the printer now (any node), or null when none does.
    session_id            uuid
);

-- A ticket to print. It is inserted in the same statement as its ticket, so an acknowledged ticket
-- always has its job. The payload holds everything the bridge prints.
CREATE TABLE print_jobs (
    id           uuid PRIMARY KEY,
    -- Insertion order: a printer prints its jobs in the order their tickets were taken.
    seq          bigserial   NOT NULL,
    printer_id   text        NOT NULL REFERENCES printers (id),
    ticket_id    uuid        NOT NULL UNIQUE REFERENCES tickets (id),
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    -- The bridge wrote the job to its disk: from then on it is the bridge's to print.
    received_at  timestamptz,
    finished_at  timestamptz,
    outcome      text CHECK (outcome IN ('printed', 'failed')),
    failure      text,
    sent_count   integer     NOT NULL DEFAULT 0,
    last_sent_at timestamptz
);
-- What a bridge is sent when it connects: every job of its printer not yet reported printed or failed.
CREATE INDEX print_jobs_unfinished ON print_jobs (printer_id, seq) WHERE finished_at IS NULL;

-- Wakes the node that holds the printer's socket, whichever node created the job, once it commits.
CREATE FUNCTION luot_print_job_created() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('luot_print_jobs', NEW.printer_id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER print_jobs_notify AFTER INSERT ON print_jobs
    FOR EACH ROW EXECUTE FUNCTION luot_print_job_created();
