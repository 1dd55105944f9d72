-- Issue 15: a call sends its ticket's claim, the counter's update, the logs and COMMIT in one round trip,
-- without waiting for the claim's answer. A claim that touched no row (another counter called the ticket
-- first) must therefore abort the transaction, so that PostgreSQL answers that COMMIT by rolling back:
-- the claim reads its row count through this function, which raises LR001 (a lost claim) unless it is 1.
CREATE FUNCTION luot_claimed(claimed bigint) RETURNS boolean
    LANGUAGE plpgsql AS $$
BEGIN
    IF claimed <> 1 THEN
        RAISE EXCEPTION 'the ticket was claimed by another counter' USING ERRCODE = 'LR001';
    END IF;
    RETURN true;
END
$$;
