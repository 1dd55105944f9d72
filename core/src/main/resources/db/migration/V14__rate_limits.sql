-- Lượt schema, version 14: the request rate limits (the booking routes' requests a minute per address, the
-- login throttle by account and by address) shared by every node of one database, so that N nodes behind one
-- address do not give a client N times its allowance. One row per limited subject, in the terms of the
-- generic cell rate algorithm (domain/limit/RateRule): the instant, in microseconds since 1970, at which its
-- bucket is full again. Subjects are SHA-256 hashes of the scope and of the address or account, so the table
-- holds no address. A row whose instant has passed is a full bucket, the same as no row, and is deleted.
--
-- UNLOGGED: a limit is not worth a disk flush per request. After a crash of PostgreSQL the table comes back
-- empty (every bucket full), which is all a crash can cost here.
CREATE UNLOGGED TABLE rate_limits (
    scope      text    NOT NULL,
    subject    text    NOT NULL,
    full_at    bigint  NOT NULL,
    -- Whether the last request this row counted was allowed: the one upsert answers with it.
    allowed    boolean NOT NULL,
    PRIMARY KEY (scope, subject)
);
