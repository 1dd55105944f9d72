-- Lượt schema, version 1: counters, tickets, their history, staff, and the log that makes retries harmless.

CREATE TABLE counters (
    id                integer PRIMARY KEY,
    site_id           text        NOT NULL,
    state             text        NOT NULL DEFAULT 'closed',
    services          text[]      NOT NULL DEFAULT '{}',
    opened_by         text,
    current_ticket_id uuid,
    priority_streak   integer     NOT NULL DEFAULT 0,
    version           integer     NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
    id                  uuid PRIMARY KEY,
    number              text        NOT NULL,
    seq_no              integer     NOT NULL,
    service_day         date        NOT NULL,
    site_id             text        NOT NULL,
    service_id          text        NOT NULL,
    priority_group      text,
    channel             text        NOT NULL,
    status              text        NOT NULL,
    issued_at           timestamptz NOT NULL,
    -- The original issue time: a returned or transferred ticket keeps its place by it.
    queued_since        timestamptz NOT NULL,
    counter_id          integer,
    assigned_counter_id integer,
    called_at           timestamptz,
    serving_at          timestamptz,
    finished_at         timestamptz,
    call_count          integer     NOT NULL DEFAULT 0,
    version             integer     NOT NULL DEFAULT 1,
    note                text,
    -- For notifications to citizens who gave one (guidance desk, phone booking); never shown publicly.
    phone               text,
    printer_id          text,
    idempotency_key     text,
    request_hash        text,
    CONSTRAINT tickets_number_once_a_day UNIQUE (service_day, number)
);

-- A kiosk double tap or a retried request finds the ticket it already made.
CREATE UNIQUE INDEX tickets_idempotency_key ON tickets (idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The heads of the lines a counter calls from.
CREATE INDEX tickets_waiting_lines ON tickets (site_id, service_id, (priority_group IS NULL), queued_since, seq_no)
    WHERE status = 'waiting';
CREATE INDEX tickets_waiting_for_counter ON tickets (assigned_counter_id, queued_since)
    WHERE status = 'waiting' AND assigned_counter_id IS NOT NULL;
CREATE INDEX tickets_by_day ON tickets (service_day, site_id, called_at);

-- Every staff action and citizen cancellation, for reports and audits.
CREATE TABLE queue_history (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    event      text        NOT NULL,
    ticket_id  uuid,
    counter_id integer,
    actor      text,
    site_id    text
);
CREATE INDEX queue_history_ticket ON queue_history (ticket_id);

-- Staff actions already done, by the idempotency key the client sent with them.
CREATE TABLE command_log (
    idempotency_key text PRIMARY KEY,
    scope           text        NOT NULL,
    request_hash    text        NOT NULL,
    event           text        NOT NULL,
    counter_id      integer,
    ticket_id       uuid,
    created_at      timestamptz NOT NULL
);

CREATE TABLE staff (
    username      text PRIMARY KEY,
    display_name  text        NOT NULL,
    role          text        NOT NULL,
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
