-- Lượt schema, version 8.1: satisfaction ratings after service.

-- The tablet facing the citizen at a counter logs in with a device token an admin issues, as printers do;
-- only its SHA-256 hash is kept. One tablet per counter.
CREATE TABLE rating_tablets (
    counter_id      integer PRIMARY KEY,
    token_hash      text        NOT NULL,
    token_issued_at timestamptz NOT NULL,
    -- The Idempotency-Key of the request that issued the token: a retry must not issue a second one.
    token_key       text
);

-- One rating per served ticket (the primary key refuses a second), tied to what the reports split it by:
-- the ticket's service and site, the counter and the member of staff who completed it.
CREATE TABLE ratings (
    ticket_id   uuid PRIMARY KEY REFERENCES tickets (id),
    level       smallint    NOT NULL CHECK (level BETWEEN 1 AND 4),
    reason      text,
    source      text        NOT NULL CHECK (source IN ('counter', 'phone')),
    site_id     text        NOT NULL,
    service_id  text        NOT NULL,
    counter_id  integer,
    staff       text,
    service_day date        NOT NULL,
    rated_at    timestamptz NOT NULL
);
CREATE INDEX ratings_by_day ON ratings (service_day, site_id);
