-- Lượt schema, version 7.3 (issue 11): how many bookings and remote tickets each phone number and each
-- client address took on a day. Subjects are SHA-256 hashes (of kind, phone or address, and day), so the
-- table holds no phone number or address. A guarded upsert counts, so that the limit holds across nodes.
CREATE TABLE daily_limits (
    day     date    NOT NULL,
    subject text    NOT NULL,
    used    integer NOT NULL CHECK (used >= 0),
    PRIMARY KEY (day, subject)
);

-- The idempotency keys (hashed) of the requests counted on a day: a retry with the same key is a replay of
-- a request already counted, and is not counted (nor refused) again.
CREATE TABLE daily_limit_keys (
    day      date NOT NULL,
    key_hash text NOT NULL,
    PRIMARY KEY (day, key_hash)
);
