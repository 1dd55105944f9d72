-- Lượt schema, version 13: report exports shared by every node.
-- A manager's page starts an export on one node and may follow it, and download its file, through another
-- behind the same address: the job and its file live here, not in one node's memory or temporary folder.

CREATE TABLE report_exports (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    format          text        NOT NULL,
    file_name       text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    rows_total      bigint      NOT NULL DEFAULT 0,
    rows_written    bigint      NOT NULL DEFAULT 0,
    file_bytes      bigint,
    -- The node writing a running export touches it at least every few seconds; one not touched for a
    -- minute lost its node (a crash, a kill) and is reported as failed.
    touched_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    -- The Idempotency-Key the export was started with, and a hash of what was asked: a retry gets the same job.
    idempotency_key text UNIQUE,
    request_hash    text        NOT NULL
);
CREATE INDEX report_exports_by_expiry ON report_exports (expires_at);

-- The finished file, in pieces of at most a few hundred kilobytes, so that neither writing nor reading a
-- year's export holds more than one piece in memory.
CREATE TABLE report_export_parts (
    export_id uuid    NOT NULL REFERENCES report_exports (id) ON DELETE CASCADE,
    part      integer NOT NULL,
    bytes     bytea   NOT NULL,
    PRIMARY KEY (export_id, part)
);
