-- Issue 12 (hardening): staff tokens die with what they were issued for. Each token carries its
-- account's generation; a password change, a logout or disabling the account moves it on, and every
-- token of the older generation is refused from then on.
ALTER TABLE staff ADD COLUMN token_generation integer NOT NULL DEFAULT 0;
