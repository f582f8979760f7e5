-- Incrementally maintained report summaries (docs/reports.md, "Summaries"). Every record contributes "facts" to the
-- reports: an activity counts as a call on a day for its owner, a won deal as one win (with its amount and cycle time)
-- on the day it closed, a deal's stays in a pipeline as one path through that pipeline's funnel, and so on. A fact is
-- a pure function of the record (and, for the funnel and time in stage, of the deal's stage history), written down
-- once in the report_*_facts functions below.
--
-- Writers never update a shared summary row: statement triggers append the change of facts (new facts +1, old facts
-- -1, netted per key) to report_fact_deltas in the writer's own transaction, so concurrent writes by one owner on
-- one day insert separate rows and never wait for each other. Reports read SUM(compacted totals + deltas). A
-- background job (ReportCompaction) moves deltas into report_facts, per day and per month, in batches claimed with
-- FOR UPDATE SKIP LOCKED.

CREATE TYPE report_fact AS (
    workspace_id uuid,
    kind text,          -- activity, task_done, task_late, deal_created, deal_closed, deal_open, funnel, stay
    day date,           -- UTC day the fact belongs to (see each kind)
    owner_id uuid,      -- the record's owner (the deal's for stays and funnel paths): visibility is by owner
    pipeline_id uuid,
    stage_id uuid,
    currency char(3),
    dim text,           -- activity type or deal status (won/lost)
    path uuid[],        -- funnel: the stages a deal entered in the pipeline, sorted
    n bigint,           -- records (deals, activities, stays)
    priced bigint,      -- of them, deals with an amount
    amount numeric,     -- Σ amount
    seconds numeric     -- Σ duration: creation to close for closed deals, entered to left for stays
);

CREATE TABLE report_facts (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    kind text NOT NULL,
    grain char(1) NOT NULL CHECK (grain IN ('d', 'm')),  -- d: the day; m: the whole month starting at day
    day date NOT NULL,
    owner_id uuid,
    pipeline_id uuid,
    stage_id uuid,
    currency char(3),
    dim text,
    path uuid[],
    n bigint NOT NULL,
    priced bigint NOT NULL,
    amount numeric NOT NULL,
    seconds numeric NOT NULL
);
CREATE UNIQUE INDEX report_facts_key ON report_facts
    (workspace_id, kind, grain, day, owner_id, pipeline_id, stage_id, currency, dim, path) NULLS NOT DISTINCT;

CREATE TABLE report_fact_deltas (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id bigint GENERATED ALWAYS AS IDENTITY,
    kind text NOT NULL,
    day date NOT NULL,
    owner_id uuid,
    pipeline_id uuid,
    stage_id uuid,
    currency char(3),
    dim text,
    path uuid[],
    n bigint NOT NULL,
    priced bigint NOT NULL,
    amount numeric NOT NULL,
    seconds numeric NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX report_fact_deltas_day ON report_fact_deltas (workspace_id, kind, day);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['report_facts', 'report_fact_deltas']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON report_facts, report_fact_deltas TO crm_app;

CREATE FUNCTION report_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;

-- An activity: calls, meetings, emails and notes on the day they happened; a task on the day it was completed, and,
-- if it was not done by its due time (open, or done late), on its due day ("overdue" once that day has passed).
CREATE FUNCTION report_activity_facts(a activities) RETURNS SETOF report_fact LANGUAGE sql IMMUTABLE AS $$
    SELECT a.workspace_id, 'activity', report_day(a.timeline_at), a.owner_id, NULL::uuid, NULL::uuid, NULL::char(3), a.type,
           NULL::uuid[], 1::bigint, 0::bigint, 0::numeric, 0::numeric
    WHERE a.archived_at IS NULL AND a.type <> 'task'
    UNION ALL
    SELECT a.workspace_id, 'task_done', report_day(a.completed_at), a.owner_id, NULL, NULL, NULL, NULL, NULL, 1, 0, 0, 0
    WHERE a.archived_at IS NULL AND a.type = 'task' AND a.completed_at IS NOT NULL
    UNION ALL
    SELECT a.workspace_id, 'task_late', report_day(a.due_at), a.owner_id, NULL, NULL, NULL, NULL, NULL, 1, 0, 0, 0
    WHERE a.archived_at IS NULL AND a.type = 'task' AND a.due_at IS NOT NULL AND (a.completed_at IS NULL OR a.completed_at > a.due_at)
$$;

-- A deal by itself: created (on its creation day), closed (on its closing day, won or lost, with its cycle time) and,
-- while open with an amount and an expected close date, forecast on that date in its current stage.
CREATE FUNCTION report_deal_facts(d deals) RETURNS SETOF report_fact LANGUAGE sql IMMUTABLE AS $$
    SELECT d.workspace_id, 'deal_created', report_day(d.created_at), d.owner_id, d.pipeline_id, NULL::uuid, d.currency, NULL::text,
           NULL::uuid[], 1::bigint, (d.amount IS NOT NULL)::int::bigint, coalesce(d.amount, 0)::numeric, 0::numeric
    WHERE d.archived_at IS NULL
    UNION ALL
    SELECT d.workspace_id, 'deal_closed', report_day(d.closed_at), d.owner_id, d.pipeline_id, NULL, d.currency, d.status, NULL,
           1, (d.amount IS NOT NULL)::int, coalesce(d.amount, 0), extract(epoch FROM d.closed_at - d.created_at)
    WHERE d.archived_at IS NULL AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL
    UNION ALL
    SELECT d.workspace_id, 'deal_open', d.expected_close_date, d.owner_id, d.pipeline_id, d.stage_id, d.currency, NULL, NULL,
           1, 1, d.amount, 0
    WHERE d.archived_at IS NULL AND d.status = 'open' AND d.amount IS NOT NULL AND d.expected_close_date IS NOT NULL
$$;

-- A deal with its stays: per pipeline it stayed in, one funnel path (the set of stages entered) on its creation day;
-- once it is closed, every stay it left, on its closing day, with the time spent.
CREATE FUNCTION report_history_facts(d deals, stays deal_stage_history[]) RETURNS SETOF report_fact LANGUAGE sql IMMUTABLE AS $$
    SELECT d.workspace_id, 'funnel', report_day(d.created_at), d.owner_id, s.pipeline_id, NULL::uuid, d.currency, NULL::text,
           array_agg(DISTINCT s.stage_id ORDER BY s.stage_id), 1::bigint, (d.amount IS NOT NULL)::int::bigint,
           coalesce(d.amount, 0)::numeric, 0::numeric
    FROM unnest(stays) AS s
    WHERE d.archived_at IS NULL
    GROUP BY s.pipeline_id
    UNION ALL
    SELECT d.workspace_id, 'stay', report_day(d.closed_at), d.owner_id, s.pipeline_id, s.stage_id, d.currency, NULL, NULL,
           1, 0, 0, extract(epoch FROM s.left_at - s.entered_at)
    FROM unnest(stays) AS s
    WHERE d.archived_at IS NULL AND d.status IN ('won', 'lost') AND d.closed_at IS NOT NULL AND s.left_at IS NOT NULL
$$;

-- Appends the difference between the facts a statement added and removed, netted per key: an edit that changes no
-- fact (a subject, a tag) writes nothing.
CREATE FUNCTION report_record_deltas(added report_fact[], removed report_fact[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_fact_deltas (workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds)
    SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
           sum(sign * n), sum(sign * priced), sum(sign * amount), sum(sign * seconds)
    FROM (SELECT 1 AS sign, * FROM unnest(added) UNION ALL SELECT -1, * FROM unnest(removed)) AS f
    GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path
    HAVING sum(sign * n) <> 0 OR sum(sign * priced) <> 0 OR sum(sign * amount) <> 0 OR sum(sign * seconds) <> 0
$$;

CREATE FUNCTION report_activities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added report_fact[] := '{}';
    removed report_fact[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        added := ARRAY(SELECT f FROM new_rows AS r, report_activity_facts(r::activities) AS f);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        removed := ARRAY(SELECT f FROM old_rows AS r, report_activity_facts(r::activities) AS f);
    END IF;
    PERFORM report_record_deltas(added, removed);
    RETURN NULL;
END
$$;

-- A deal statement: the deal's own facts, and its funnel paths and stays under its old and new values (owner,
-- currency, amount, status, archive...) with the stays as they are now (this statement did not change them).
CREATE FUNCTION report_deals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added report_fact[] := '{}';
    removed report_fact[] := '{}';
BEGIN
    IF TG_OP <> 'DELETE' THEN
        added := ARRAY(
            SELECT f FROM new_rows AS r, report_deal_facts(r::deals) AS f
            UNION ALL
            SELECT f FROM new_rows AS r,
                LATERAL (SELECT array_agg(h) AS stays FROM deal_stage_history AS h WHERE h.workspace_id = r.workspace_id AND h.deal_id = r.id) AS s,
                report_history_facts(r::deals, s.stays) AS f);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        removed := ARRAY(
            SELECT f FROM old_rows AS r, report_deal_facts(r::deals) AS f
            UNION ALL
            SELECT f FROM old_rows AS r,
                LATERAL (SELECT array_agg(h) AS stays FROM deal_stage_history AS h WHERE h.workspace_id = r.workspace_id AND h.deal_id = r.id) AS s,
                report_history_facts(r::deals, s.stays) AS f);
    END IF;
    PERFORM report_record_deltas(added, removed);
    RETURN NULL;
END
$$;

-- A stage-history statement: for each deal it touched, the deal's funnel paths and stays with its stays before the
-- statement (now, less the rows it wrote, plus the rows it replaced or deleted) and after. The deal's row is locked
-- first, so two transactions changing one deal's history take turns and each sees the other's stays.
CREATE FUNCTION report_stage_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspaces uuid[];
    ids uuid[];
    added report_fact[] := '{}';
    removed report_fact[] := '{}';
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(workspace_id), array_agg(deal_id) INTO workspaces, ids FROM (SELECT DISTINCT workspace_id, deal_id FROM new_rows) AS t;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(workspace_id), array_agg(deal_id) INTO workspaces, ids FROM (SELECT DISTINCT workspace_id, deal_id FROM old_rows) AS t;
    ELSE
        SELECT array_agg(workspace_id), array_agg(deal_id) INTO workspaces, ids
        FROM (SELECT workspace_id, deal_id FROM new_rows UNION SELECT workspace_id, deal_id FROM old_rows) AS t;
    END IF;
    IF ids IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM deals AS d WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids))
        ORDER BY d.id FOR NO KEY UPDATE;

    added := ARRAY(
        SELECT f FROM deals AS d,
            LATERAL (SELECT array_agg(h) AS stays FROM deal_stage_history AS h WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id) AS s,
            report_history_facts(d, s.stays) AS f
        WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids)));
    IF TG_OP = 'INSERT' THEN
        removed := ARRAY(
            SELECT f FROM deals AS d,
                LATERAL (SELECT array_agg(h) AS stays FROM deal_stage_history AS h
                         WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id
                           AND h.id NOT IN (SELECT n.id FROM new_rows AS n WHERE n.deal_id = d.id)) AS s,
                report_history_facts(d, s.stays) AS f
            WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids)));
    ELSIF TG_OP = 'UPDATE' THEN
        removed := ARRAY(
            SELECT f FROM deals AS d,
                LATERAL (SELECT array_agg(x.h) AS stays FROM (
                    SELECT h FROM deal_stage_history AS h
                    WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id
                      AND h.id NOT IN (SELECT n.id FROM new_rows AS n WHERE n.deal_id = d.id)
                    UNION ALL
                    SELECT o::deal_stage_history FROM old_rows AS o WHERE o.workspace_id = d.workspace_id AND o.deal_id = d.id) AS x) AS s,
                report_history_facts(d, s.stays) AS f
            WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids)));
    ELSE
        removed := ARRAY(
            SELECT f FROM deals AS d,
                LATERAL (SELECT array_agg(x.h) AS stays FROM (
                    SELECT h FROM deal_stage_history AS h WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id
                    UNION ALL
                    SELECT o::deal_stage_history FROM old_rows AS o WHERE o.workspace_id = d.workspace_id AND o.deal_id = d.id) AS x) AS s,
                report_history_facts(d, s.stays) AS f
            WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids)));
    END IF;
    PERFORM report_record_deltas(added, removed);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
    f text;
BEGIN
    FOR t, f IN VALUES ('activities', 'report_activities_changed'), ('deals', 'report_deals_changed'),
                       ('deal_stage_history', 'report_stage_history_changed')
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            t || '_report_insert', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            t || '_report_update', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            t || '_report_delete', t, f);
    END LOOP;
END
$$;

-- Folds up to p_limit deltas (of any workspace) into the totals, per day and per month, and deletes them, in one
-- statement: the claim skips rows another compactor holds, so any number of hosts can run it at once.
CREATE FUNCTION crm_compact_report_facts(p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    folded integer;
    emptied tid[];
BEGIN
    WITH claimed AS (
        DELETE FROM report_fact_deltas AS d
        USING (SELECT workspace_id, id FROM report_fact_deltas LIMIT p_limit FOR UPDATE SKIP LOCKED) AS c
        WHERE d.workspace_id = c.workspace_id AND d.id = c.id
        RETURNING d.*
    ), per_day AS (
        SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds, count(*) AS deltas
        FROM claimed
        GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path
    ), folded AS (
        INSERT INTO report_facts (workspace_id, kind, grain, day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds)
        SELECT workspace_id, kind, 'd', day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds FROM per_day
        UNION ALL
        SELECT workspace_id, kind, 'm', date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n), sum(priced), sum(amount), sum(seconds)
        FROM per_day
        GROUP BY workspace_id, kind, date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path
        ON CONFLICT (workspace_id, kind, grain, day, owner_id, pipeline_id, stage_id, currency, dim, path)
        DO UPDATE SET n = report_facts.n + excluded.n, priced = report_facts.priced + excluded.priced,
                      amount = report_facts.amount + excluded.amount, seconds = report_facts.seconds + excluded.seconds
        RETURNING report_facts.ctid AS row_id, (report_facts.n = 0 AND report_facts.priced = 0
                  AND report_facts.amount = 0 AND report_facts.seconds = 0) AS empty
    )
    SELECT (SELECT coalesce(sum(deltas), 0) FROM per_day), (SELECT array_agg(row_id) FROM folded WHERE empty)
    INTO folded, emptied;
    -- Totals that came back to nothing (a record moved away and back) are no longer needed.
    DELETE FROM report_facts WHERE ctid = ANY (emptied);
    RETURN folded;
END
$$;
REVOKE ALL ON FUNCTION crm_compact_report_facts(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_compact_report_facts(integer) TO crm_app;

-- Every fact of a workspace's records, computed from scratch.
CREATE FUNCTION report_facts_from_records(p_workspace uuid) RETURNS SETOF report_fact LANGUAGE sql STABLE AS $$
    SELECT f.* FROM activities AS a, report_activity_facts(a) AS f WHERE a.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d, report_deal_facts(d) AS f WHERE d.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d
        JOIN (SELECT h.deal_id, array_agg(h) AS stays FROM deal_stage_history AS h
              WHERE h.workspace_id = p_workspace GROUP BY h.deal_id) AS s ON s.deal_id = d.id,
        report_history_facts(d, s.stays) AS f
    WHERE d.workspace_id = p_workspace
$$;

-- Recomputes a workspace's totals from its records (the backfill below; after a bulk load that bypassed triggers,
-- such as the benchmark seed). Writers wait meanwhile, so the result is exact.
CREATE FUNCTION report_facts_rebuild(p_workspace uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE activities, deals, deal_stage_history IN SHARE MODE;
    DELETE FROM report_fact_deltas WHERE workspace_id = p_workspace;
    DELETE FROM report_facts WHERE workspace_id = p_workspace;
    CREATE TEMP TABLE report_rebuild_days ON COMMIT DROP AS
        SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds
        FROM report_facts_from_records(p_workspace)
        GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path;
    INSERT INTO report_facts (workspace_id, kind, grain, day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds)
    SELECT workspace_id, kind, 'd', day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
    FROM report_rebuild_days
    UNION ALL
    SELECT workspace_id, kind, 'm', date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path,
           sum(n), sum(priced), sum(amount), sum(seconds)
    FROM report_rebuild_days
    GROUP BY workspace_id, kind, date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path
    -- In key order, so a report's range of totals sits on few pages.
    ORDER BY 1, 2, 3, 4;
    DROP TABLE report_rebuild_days;
END
$$;
REVOKE ALL ON FUNCTION report_facts_rebuild(uuid) FROM PUBLIC;

-- How many summary keys (daily and monthly) differ between what the reports read (totals + deltas) and the facts
-- computed from scratch: 0 when the summaries are exact. For tests and operators' spot checks.
CREATE FUNCTION report_facts_drift(p_workspace uuid) RETURNS bigint LANGUAGE sql STABLE AS $$
    WITH maintained AS (
        SELECT grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
        FROM report_facts WHERE workspace_id = p_workspace
        UNION ALL
        SELECT g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', d.day)::date ELSE d.day END,
               d.kind, d.owner_id, d.pipeline_id, d.stage_id, d.currency, d.dim, d.path, d.n, d.priced, d.amount, d.seconds
        FROM report_fact_deltas AS d CROSS JOIN (VALUES ('d'), ('m')) AS g (grain) WHERE d.workspace_id = p_workspace
    ), fresh AS (
        SELECT g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', f.day)::date ELSE f.day END AS day,
               f.kind, f.owner_id, f.pipeline_id, f.stage_id, f.currency, f.dim, f.path, f.n, f.priced, f.amount, f.seconds
        FROM report_facts_from_records(p_workspace) AS f CROSS JOIN (VALUES ('d'), ('m')) AS g (grain)
    ), summed AS (
        SELECT source, grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds
        FROM (SELECT 'maintained' AS source, * FROM maintained UNION ALL SELECT 'fresh', * FROM fresh) AS x
        GROUP BY source, grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path
        HAVING sum(n) <> 0 OR sum(priced) <> 0 OR sum(amount) <> 0 OR sum(seconds) <> 0
    )
    SELECT count(*) FROM (
        SELECT grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
        FROM summed GROUP BY grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
        HAVING count(*) = 1
    ) AS differing
$$;

-- Backfill: every existing workspace's totals from its records.
SELECT report_facts_rebuild(id) FROM workspaces;
