-- Balancing the sites (issue 10): the managers' audit log, notices on the hall displays, and the
-- outcomes of keyed manager actions (so that a retry answers the same and changes nothing).

-- Every manager action: who, what, when, on what, and the state before and after.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- A notice a manager pushes to one site's or both sites' displays and kiosks, until its end time.
CREATE TABLE notices (
    id          uuid        PRIMARY KEY,
    text_vi     text        NOT NULL,
    text_en     text        NOT NULL,
    site_ids    text[]      NOT NULL,
    created_at  timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    created_by  text        NOT NULL
);
CREATE INDEX notices_by_end ON notices (ends_at);

-- The answer of a manager action made under an Idempotency-Key, written in the action's transaction.
CREATE TABLE manager_commands (
    idempotency_key text        PRIMARY KEY,
    scope           text        NOT NULL,
    request_hash    text        NOT NULL,
    answer          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
