-- One token bucket per caller (workspace + token subject), shared by every host. Unlogged: after a crash the
-- buckets start full again, which is harmless, and nothing here is worth WAL.

CREATE UNLOGGED TABLE rate_limit_buckets (
    workspace_id uuid NOT NULL,
    subject text NOT NULL,
    tokens double precision NOT NULL,
    refilled_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, subject)
);
ALTER TABLE rate_limit_buckets ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON rate_limit_buckets USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());

-- Refill the caller's bucket for the time gone by, then take up to p_want tokens. Returns what was granted and
-- what is left; the row lock makes hosts asking at once take turns.
CREATE FUNCTION crm_take_tokens(p_subject text, p_capacity double precision, p_per_second double precision,
                                p_want integer, p_now timestamptz)
    RETURNS TABLE (granted integer, remaining double precision)
    LANGUAGE plpgsql
AS $$
DECLARE
    available double precision;
    taken integer;
BEGIN
    INSERT INTO rate_limit_buckets AS b (workspace_id, subject, tokens, refilled_at)
    VALUES (crm_workspace(), p_subject, p_capacity, p_now)
    ON CONFLICT (workspace_id, subject) DO UPDATE
        SET tokens = least(p_capacity, b.tokens + greatest(0, extract(epoch FROM p_now - b.refilled_at)) * p_per_second),
            refilled_at = greatest(b.refilled_at, p_now)
    RETURNING tokens INTO available;

    taken := least(p_want, floor(available))::integer;
    UPDATE rate_limit_buckets SET tokens = available - taken
    WHERE workspace_id = crm_workspace() AND subject = p_subject;
    RETURN QUERY SELECT taken, available - taken;
END
$$;
