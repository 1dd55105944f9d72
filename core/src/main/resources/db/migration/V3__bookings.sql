-- Lượt schema, version 3: bookings (appointments), checked in at the desk into tickets.

CREATE TABLE bookings (
    id              uuid PRIMARY KEY,
    -- The short code the citizen shows (6 characters, no 0/O/1/I/L).
    code            text        NOT NULL UNIQUE,
    site_id         text        NOT NULL,
    service_id      text        NOT NULL,
    slot_start      timestamptz NOT NULL,
    -- The slot's day in the centre's time zone: the only day it can be checked in.
    slot_day        date        NOT NULL,
    citizen_name    text        NOT NULL,
    -- Digits only, national form (0912345678): what staff search by. Never shown publicly.
    phone           text        NOT NULL,
    procedure_note  text,
    status          text        NOT NULL DEFAULT 'booked'
                    CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
    -- The ticket it became: at most one, ever.
    ticket_id       uuid UNIQUE REFERENCES tickets (id),
    created_at      timestamptz NOT NULL,
    checked_in_at   timestamptz,
    version         integer     NOT NULL DEFAULT 1,
    idempotency_key text,
    request_hash    text
);

CREATE UNIQUE INDEX bookings_idempotency_key ON bookings (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX bookings_by_phone ON bookings (phone, slot_day);
CREATE INDEX bookings_by_day ON bookings (slot_day, site_id, slot_start);

-- The workstation's figures of the day: what one counter finished since midnight.
CREATE INDEX tickets_finished_by_counter ON tickets (counter_id, finished_at) WHERE finished_at IS NOT NULL;
