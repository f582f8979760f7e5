-- Reminders, important dates, inbound capture and automation rules. Claims are UPDATE/DELETE … (… FOR UPDATE SKIP
-- LOCKED) in SECURITY DEFINER functions, so any number of hosts can scan at once and each row goes to exactly one.

ALTER TABLE activities
    ADD COLUMN external_id text,
    ADD COLUMN phone_number text;
-- A telephony or mail system re-delivering the same call or email finds the activity it already made.
CREATE UNIQUE INDEX activities_external_id ON activities (workspace_id, external_id) WHERE external_id IS NOT NULL;

-- Task alerts waiting for their time: 'overdue' at due_at, 'reminder' at reminder_at. Kept by a trigger on
-- activities, so the scheduler never writes the task row (its xmin, the ETag, stays the user's): a row is queued when
-- an open task gets (or changes) the time, is reopened or restored, and dropped when the task is completed or
-- archived; the scheduler deletes the row in the transaction that writes the event.
CREATE TABLE task_alert_queue (
    workspace_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('overdue', 'reminder')),
    fire_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, activity_id, kind),
    FOREIGN KEY (workspace_id, activity_id) REFERENCES activities (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX task_alert_queue_due ON task_alert_queue (fire_at);

CREATE FUNCTION crm_queue_task_alert(p_workspace uuid, p_activity uuid, p_kind text, p_at timestamptz) RETURNS void
    LANGUAGE sql
AS $$
    DELETE FROM task_alert_queue WHERE workspace_id = p_workspace AND activity_id = p_activity AND kind = p_kind;
    INSERT INTO task_alert_queue (workspace_id, activity_id, kind, fire_at)
    SELECT p_workspace, p_activity, p_kind, p_at WHERE p_at IS NOT NULL
    ON CONFLICT (workspace_id, activity_id, kind) DO UPDATE SET fire_at = EXCLUDED.fire_at;
$$;

CREATE FUNCTION crm_track_task_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rearmed boolean := TG_OP = 'INSERT'
        OR (OLD.completed_at IS NOT NULL AND NEW.completed_at IS NULL)
        OR (OLD.archived_at IS NOT NULL AND NEW.archived_at IS NULL);
BEGIN
    IF NEW.type <> 'task' THEN
        RETURN NULL;
    END IF;
    IF NEW.completed_at IS NOT NULL OR NEW.archived_at IS NOT NULL THEN
        DELETE FROM task_alert_queue WHERE workspace_id = NEW.workspace_id AND activity_id = NEW.id;
        RETURN NULL;
    END IF;
    IF rearmed OR NEW.due_at IS DISTINCT FROM OLD.due_at THEN
        PERFORM crm_queue_task_alert(NEW.workspace_id, NEW.id, 'overdue', NEW.due_at);
    END IF;
    IF rearmed OR NEW.reminder_at IS DISTINCT FROM OLD.reminder_at THEN
        PERFORM crm_queue_task_alert(NEW.workspace_id, NEW.id, 'reminder', NEW.reminder_at);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER activities_track_task_alerts AFTER INSERT OR UPDATE OF due_at, reminder_at, completed_at, archived_at ON activities
    FOR EACH ROW EXECUTE FUNCTION crm_track_task_alerts();

-- Open tasks already there: alerts still to come are queued; ones whose time has passed stay quiet (no burst of
-- old overdue events on upgrade).
INSERT INTO task_alert_queue (workspace_id, activity_id, kind, fire_at)
SELECT workspace_id, id, 'overdue', due_at FROM activities
WHERE type = 'task' AND completed_at IS NULL AND archived_at IS NULL AND due_at > now()
UNION ALL
SELECT workspace_id, id, 'reminder', reminder_at FROM activities
WHERE type = 'task' AND completed_at IS NULL AND archived_at IS NULL AND reminder_at > now();

CREATE FUNCTION crm_claim_task_alerts(p_limit integer, p_now timestamptz)
    RETURNS TABLE (workspace_id uuid, activity_id uuid, kind text)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    DELETE FROM task_alert_queue AS q
    USING (SELECT a.workspace_id, a.activity_id, a.kind FROM task_alert_queue AS a
           WHERE a.fire_at <= p_now ORDER BY a.fire_at LIMIT p_limit FOR UPDATE SKIP LOCKED) AS due
    WHERE q.workspace_id = due.workspace_id AND q.activity_id = due.activity_id AND q.kind = due.kind
    RETURNING q.workspace_id, q.activity_id, q.kind
$$;

-- Important dates: "N days before a record's date, give its owner a task".
CREATE TABLE date_reminder_rules (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    record_type text NOT NULL CHECK (record_type IN ('contact', 'company', 'deal')),
    field text NOT NULL,
    days_before integer NOT NULL CHECK (days_before BETWEEN 0 AND 365),
    yearly boolean NOT NULL,
    subject_template text NOT NULL,
    next_scan_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX date_reminder_rules_due ON date_reminder_rules (next_scan_at) WHERE archived_at IS NULL;

-- One row per occurrence that fired: the key makes a reminder fire once per (rule, record, date), whoever scans.
CREATE TABLE date_reminder_firings (
    workspace_id uuid NOT NULL,
    rule_id uuid NOT NULL,
    record_id uuid NOT NULL,
    occurs_on date NOT NULL,
    task_id uuid NOT NULL,
    fired_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, rule_id, record_id, occurs_on),
    FOREIGN KEY (workspace_id, rule_id) REFERENCES date_reminder_rules (workspace_id, id)
);

CREATE FUNCTION crm_claim_date_reminder_rules(p_limit integer, p_now timestamptz, p_interval interval)
    RETURNS TABLE (workspace_id uuid, rule_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE date_reminder_rules AS r SET next_scan_at = p_now + p_interval
    FROM (SELECT d.workspace_id, d.id FROM date_reminder_rules AS d
          WHERE d.archived_at IS NULL AND d.next_scan_at <= p_now
          ORDER BY d.next_scan_at LIMIT p_limit FOR UPDATE SKIP LOCKED) AS due
    WHERE r.workspace_id = due.workspace_id AND r.id = due.id
    RETURNING r.workspace_id, r.id
$$;

-- Web forms: a public key (like a publishable key, it sits in the page) names the form and so the workspace.
CREATE TABLE web_forms (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL,
    form_key text NOT NULL UNIQUE,
    allowed_origins text[] NOT NULL,
    field_map jsonb NOT NULL,
    honeypot_field text,
    default_owner_id uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, default_owner_id) REFERENCES members (workspace_id, id)
);

CREATE FUNCTION crm_resolve_form_key(p_key text)
    RETURNS TABLE (workspace_id uuid, form_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT f.workspace_id, f.id FROM web_forms AS f WHERE f.form_key = p_key AND f.archived_at IS NULL
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['task_alert_queue', 'date_reminder_rules', 'date_reminder_firings', 'web_forms']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION crm_claim_task_alerts(integer, timestamptz),
    crm_claim_date_reminder_rules(integer, timestamptz, interval), crm_resolve_form_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_claim_task_alerts(integer, timestamptz),
    crm_claim_date_reminder_rules(integer, timestamptz, interval), crm_resolve_form_key(text) TO crm_app;

-- Automation rules run from the outbox like webhooks do, with their own claim on each event. An event caused by a
-- rule's action carries depth = its cause's depth + 1; rules do not run on events at the depth limit, so rules that
-- trigger each other stop.
ALTER TABLE outbox_events
    ADD COLUMN depth integer NOT NULL DEFAULT 0,
    ADD COLUMN rules_claimed_until timestamptz,
    ADD COLUMN rules_applied_at timestamptz;
UPDATE outbox_events SET rules_applied_at = occurred_at;
CREATE INDEX outbox_events_rules_pending ON outbox_events (occurred_at) WHERE rules_applied_at IS NULL;

CREATE TABLE automation_rules (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL,
    trigger_event text NOT NULL,
    trigger_field text,
    trigger_equals text,
    actions jsonb NOT NULL,
    round_robin_next integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);

-- A rule runs once per event, whichever host runs it and however often the event is claimed.
CREATE TABLE automation_runs (
    workspace_id uuid NOT NULL,
    rule_id uuid NOT NULL,
    event_id uuid NOT NULL,
    ran_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, rule_id, event_id),
    FOREIGN KEY (workspace_id, rule_id) REFERENCES automation_rules (workspace_id, id)
);

CREATE FUNCTION crm_claim_rule_events(p_limit integer, p_now timestamptz, p_lease interval)
    RETURNS TABLE (workspace_id uuid, event_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE outbox_events AS o SET rules_claimed_until = p_now + p_lease
    FROM (SELECT e.workspace_id, e.id FROM outbox_events AS e
          WHERE e.rules_applied_at IS NULL AND (e.rules_claimed_until IS NULL OR e.rules_claimed_until < p_now)
          ORDER BY e.occurred_at LIMIT p_limit FOR UPDATE SKIP LOCKED) AS due
    WHERE o.workspace_id = due.workspace_id AND o.id = due.id
    RETURNING o.workspace_id, o.id
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['automation_rules', 'automation_runs']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION crm_claim_rule_events(integer, timestamptz, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_claim_rule_events(integer, timestamptz, interval) TO crm_app;
