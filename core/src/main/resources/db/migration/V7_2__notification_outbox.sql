-- Lượt schema, version 7.2 (issue 11): messages to citizens (SMS or Zalo), written in the same
-- transaction as the change that causes them, and delivered by the outbox sender with retries.
CREATE TABLE notification_outbox (
    -- Also the idempotency key the gateway receives: a message delivered again is recognised there.
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    -- International form (84912345678); erased with the booking's personal data.
    phone           text,
    fields          jsonb       NOT NULL,
    booking_id      uuid,
    ticket_id       uuid,
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- A sender claims a message by moving this ahead (a lease); other nodes skip it meanwhile.
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);

CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_outbox_failed ON notification_outbox (created_at) WHERE status = 'failed';
CREATE INDEX notification_outbox_booking ON notification_outbox (booking_id) WHERE booking_id IS NOT NULL;
