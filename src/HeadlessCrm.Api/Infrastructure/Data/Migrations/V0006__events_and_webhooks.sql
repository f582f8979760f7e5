-- The transactional outbox: every change of a record writes its events here, in the same transaction. A trigger
-- NOTIFYs every host (live GraphQL subscriptions), and background workers fan events out to webhook subscriptions
-- and deliver them. Workers on several hosts share the work through row claims (FOR UPDATE SKIP LOCKED) with a
-- lease: a host that dies mid-delivery leaves its claims to lapse and be taken again.

CREATE TABLE outbox_events (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    type text NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    payload jsonb NOT NULL,
    actor text NOT NULL,
    occurred_at timestamptz NOT NULL,
    claimed_until timestamptz,
    fanned_out_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX outbox_events_pending ON outbox_events (occurred_at) WHERE fanned_out_at IS NULL;
CREATE INDEX outbox_events_time ON outbox_events (workspace_id, occurred_at, id);

CREATE FUNCTION crm_notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('crm_events', NEW.workspace_id::text || ':' || NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION crm_notify_event();

CREATE TABLE webhook_subscriptions (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    target_url text NOT NULL,
    event_types text[] NOT NULL,
    pipeline_id uuid,
    owner_id uuid,
    secret text NOT NULL,
    status text NOT NULL CHECK (status IN ('active', 'paused')),
    paused_reason text,
    consecutive_failures integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE webhook_deliveries (
    workspace_id uuid NOT NULL,
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    response_code integer,
    last_error text,
    latency_ms integer,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscription_id) REFERENCES webhook_subscriptions (workspace_id, id),
    FOREIGN KEY (workspace_id, event_id) REFERENCES outbox_events (workspace_id, id)
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (workspace_id, subscription_id, event_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (workspace_id, subscription_id, created_at, id);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (workspace_id, event_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['outbox_events', 'webhook_subscriptions', 'webhook_deliveries']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;

-- Workers serve every workspace. They claim work through these functions, which hand out the ids (and workspaces)
-- of due rows and stamp a lease; the work itself is then done inside that one workspace, under its policies.
CREATE FUNCTION crm_claim_outbox(p_limit integer, p_now timestamptz, p_lease interval)
    RETURNS TABLE (workspace_id uuid, event_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE outbox_events AS o SET claimed_until = p_now + p_lease
    FROM (SELECT e.workspace_id, e.id FROM outbox_events AS e
          WHERE e.fanned_out_at IS NULL AND (e.claimed_until IS NULL OR e.claimed_until < p_now)
          ORDER BY e.occurred_at LIMIT p_limit FOR UPDATE SKIP LOCKED) AS due
    WHERE o.workspace_id = due.workspace_id AND o.id = due.id
    RETURNING o.workspace_id, o.id
$$;

CREATE FUNCTION crm_claim_deliveries(p_limit integer, p_now timestamptz, p_lease interval)
    RETURNS TABLE (workspace_id uuid, delivery_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE webhook_deliveries AS d SET next_attempt_at = p_now + p_lease
    FROM (SELECT w.workspace_id, w.id FROM webhook_deliveries AS w
          WHERE w.status = 'pending' AND w.next_attempt_at <= p_now
          ORDER BY w.next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED) AS due
    WHERE d.workspace_id = due.workspace_id AND d.id = due.id
    RETURNING d.workspace_id, d.id
$$;

REVOKE ALL ON FUNCTION crm_claim_outbox(integer, timestamptz, interval), crm_claim_deliveries(integer, timestamptz, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_claim_outbox(integer, timestamptz, interval), crm_claim_deliveries(integer, timestamptz, interval) TO crm_app;
