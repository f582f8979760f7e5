-- Summaries for the two reports that still read records (docs/reports.md, "Summaries"):
-- * win rate: a histogram of the won deals' cycle time (facts of kind won_cycle, one bucket per dim), so the exact
--   median is found by reading only the won cycles (report_won_cycles) of the bucket that holds the middle rank;
-- * lead sources: contacts created and became-customer counts per channel (facts of kinds contact and customer,
--   maintained by a statement trigger on contacts), and report_won_links, one narrow row per link between a won deal
--   and a contact, carrying what the report filters and counts on, kept exact by triggers on deals, deal_contacts
--   and contacts.

-- The cycle-time bucket of a won deal: ⌊3·∛days⌋ (0 for a deal closed before it was created). Buckets widen with the
-- cycle (about two weeks around the usual 50-day cycle, a month at 250 days), so a histogram has ~25 buckets and the
-- middle bucket holds a few per cent of the deals. Monotonic in the cycle time, so ranks map onto buckets.
CREATE FUNCTION report_cycle_bucket(created_at timestamptz, closed_at timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(3 * cbrt(greatest(extract(epoch FROM closed_at - created_at), 0) / 86400))::integer $$;

-- The deal's facts of V0014 plus won_cycle: a won deal in its cycle-time bucket (dim) on its closing day.
CREATE OR REPLACE FUNCTION report_deal_facts(d deals) RETURNS SETOF report_fact LANGUAGE sql IMMUTABLE AS $$
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
    UNION ALL
    SELECT d.workspace_id, 'won_cycle', report_day(d.closed_at), d.owner_id, d.pipeline_id, NULL, d.currency,
           report_cycle_bucket(d.created_at, d.closed_at)::text, NULL, 1, 0, 0, 0
    WHERE d.archived_at IS NULL AND d.status = 'won' AND d.closed_at IS NOT NULL
$$;

-- The exact values of one bucket: one row per won, live deal with its bucket, closing day and cycle time in days,
-- and what the median's groups and filters need, kept by the deals trigger below. A table of plain columns rather than
-- an expression index on deals: under row-level security a condition on a non-leakproof expression (the bucket, the
-- UTC day) cannot be an index condition, so an expression index would be read whole.
CREATE TABLE report_won_cycles (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    deal_id uuid NOT NULL,
    bucket integer NOT NULL,
    day date NOT NULL,
    owner_id uuid,
    pipeline_id uuid NOT NULL,
    currency char(3),
    days double precision NOT NULL,
    PRIMARY KEY (workspace_id, deal_id)
);
CREATE INDEX report_won_cycles_bucket ON report_won_cycles (workspace_id, bucket, day) INCLUDE (owner_id, pipeline_id, currency, days);
ALTER TABLE report_won_cycles ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON report_won_cycles USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());
GRANT SELECT, INSERT, UPDATE, DELETE ON report_won_cycles TO crm_app;

-- What report_won_cycles holds, computed from the records. days is the win-rate report's value of a deal, as before.
CREATE VIEW report_won_cycles_from_records WITH (security_invoker = true) AS
    SELECT d.workspace_id, d.id AS deal_id, report_cycle_bucket(d.created_at, d.closed_at) AS bucket, report_day(d.closed_at) AS day,
           d.owner_id, d.pipeline_id, d.currency, extract(epoch FROM d.closed_at - d.created_at)::float8 / 86400 AS days
    FROM deals AS d
    WHERE d.status = 'won' AND d.archived_at IS NULL AND d.closed_at IS NOT NULL;
GRANT SELECT ON report_won_cycles_from_records TO crm_app;

-- A contact: created (on its creation day, dim = source channel, null when unknown) and, if it is or was a customer
-- (lifecycle customer, lapsed or churned), a customer on that same day.
CREATE FUNCTION report_contact_facts(c contacts) RETURNS SETOF report_fact LANGUAGE sql IMMUTABLE AS $$
    SELECT c.workspace_id, 'contact', report_day(c.created_at), c.owner_id, NULL::uuid, NULL::uuid, NULL::char(3), c.source,
           NULL::uuid[], 1::bigint, 0::bigint, 0::numeric, 0::numeric
    WHERE c.archived_at IS NULL
    UNION ALL
    SELECT c.workspace_id, 'customer', report_day(c.created_at), c.owner_id, NULL, NULL, NULL, c.source, NULL, 1, 0, 0, 0
    WHERE c.archived_at IS NULL AND c.lifecycle_stage IN ('customer', 'lapsed', 'churned')
$$;

-- One row per link between a won, live deal and a live contact: the contact's channel, creation time and owner (the
-- cohort and its visibility), the deal's owner, currency and amount (deal visibility, the currency filter, revenue).
CREATE TABLE report_won_links (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    deal_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    source text,
    contact_created_at timestamptz NOT NULL,
    contact_owner_id uuid,
    deal_owner_id uuid,
    currency char(3),
    amount numeric(19, 4),
    PRIMARY KEY (workspace_id, deal_id, contact_id)
);
CREATE INDEX report_won_links_cohort ON report_won_links (workspace_id, contact_created_at)
    INCLUDE (source, contact_owner_id, deal_owner_id, currency, amount, deal_id, contact_id);
ALTER TABLE report_won_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON report_won_links USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());
GRANT SELECT, INSERT, UPDATE, DELETE ON report_won_links TO crm_app;

-- What report_won_links holds, computed from the records (the caller's row-level security applies).
CREATE VIEW report_won_links_from_records WITH (security_invoker = true) AS
    SELECT d.workspace_id, d.id AS deal_id, c.id AS contact_id, c.source, c.created_at AS contact_created_at,
           c.owner_id AS contact_owner_id, d.owner_id AS deal_owner_id, d.currency, d.amount
    FROM deals AS d
    JOIN deal_contacts AS dc ON dc.workspace_id = d.workspace_id AND dc.deal_id = d.id
    JOIN contacts AS c ON c.workspace_id = dc.workspace_id AND c.id = dc.contact_id
    WHERE d.status = 'won' AND d.archived_at IS NULL AND c.archived_at IS NULL;
GRANT SELECT ON report_won_links_from_records TO crm_app;

-- Recomputes the link rows of the given deals. The deals are locked first, so that a deal change, a link change
-- and a contact change touching one deal take turns and each recomputes from the others' committed result (READ
-- COMMITTED: each statement below sees what committed while this one waited).
CREATE FUNCTION report_won_links_refresh(workspaces uuid[], ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM deals AS d WHERE (d.workspace_id, d.id) IN (SELECT * FROM unnest(workspaces, ids))
        ORDER BY d.id FOR NO KEY UPDATE;
    DELETE FROM report_won_links AS l WHERE (l.workspace_id, l.deal_id) IN (SELECT * FROM unnest(workspaces, ids));
    INSERT INTO report_won_links
    SELECT * FROM report_won_links_from_records AS r WHERE (r.workspace_id, r.deal_id) IN (SELECT * FROM unnest(workspaces, ids));
END
$$;

-- Deals: only a statement that wins, un-wins, or changes a won deal's owner, currency, amount, pipeline, times or
-- archive touches the links and cycles (moving an open deal between stages does not). The deal rows are the
-- statement's, hence already locked.
CREATE FUNCTION report_deals_won_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspaces uuid[];
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.workspace_id), array_agg(n.id) INTO workspaces, ids FROM new_rows AS n WHERE n.status = 'won';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.workspace_id), array_agg(o.id) INTO workspaces, ids FROM old_rows AS o WHERE o.status = 'won';
    ELSE
        SELECT array_agg(n.workspace_id), array_agg(n.id) INTO workspaces, ids
        FROM new_rows AS n JOIN old_rows AS o ON o.workspace_id = n.workspace_id AND o.id = n.id
        WHERE (n.status = 'won' OR o.status = 'won')
          AND (n.status, n.owner_id, n.currency, n.amount, n.archived_at, n.pipeline_id, n.created_at, n.closed_at)
              IS DISTINCT FROM (o.status, o.owner_id, o.currency, o.amount, o.archived_at, o.pipeline_id, o.created_at, o.closed_at);
    END IF;
    IF coalesce(cardinality(ids), 0) > 0 THEN
        DELETE FROM report_won_cycles AS c WHERE (c.workspace_id, c.deal_id) IN (SELECT * FROM unnest(workspaces, ids));
        INSERT INTO report_won_cycles
        SELECT * FROM report_won_cycles_from_records AS r WHERE (r.workspace_id, r.deal_id) IN (SELECT * FROM unnest(workspaces, ids));
    END IF;
    PERFORM report_won_links_refresh(workspaces, ids);
    RETURN NULL;
END
$$;

-- Links: the deals whose links a statement added, removed or changed. The contacts are share-locked first, so a
-- concurrent change of a linked contact (which refreshes the deals it is linked to) is either seen or sees this link.
CREATE FUNCTION report_deal_contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspaces uuid[];
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(t.workspace_id), array_agg(t.deal_id) INTO workspaces, ids
        FROM (SELECT DISTINCT n.workspace_id, n.deal_id FROM new_rows AS n) AS t;
        PERFORM 1 FROM contacts AS c WHERE (c.workspace_id, c.id) IN (SELECT n.workspace_id, n.contact_id FROM new_rows AS n)
            ORDER BY c.id FOR SHARE;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(t.workspace_id), array_agg(t.deal_id) INTO workspaces, ids
        FROM (SELECT DISTINCT o.workspace_id, o.deal_id FROM old_rows AS o) AS t;
    ELSE
        SELECT array_agg(t.workspace_id), array_agg(t.deal_id) INTO workspaces, ids
        FROM (SELECT n.workspace_id, n.deal_id FROM new_rows AS n UNION SELECT o.workspace_id, o.deal_id FROM old_rows AS o) AS t;
        PERFORM 1 FROM contacts AS c WHERE (c.workspace_id, c.id) IN (SELECT n.workspace_id, n.contact_id FROM new_rows AS n)
            ORDER BY c.id FOR SHARE;
    END IF;
    PERFORM report_won_links_refresh(workspaces, ids);
    RETURN NULL;
END
$$;

-- Contacts changed or deleted: their facts (created, became customer); and, when a contact's channel, creation time,
-- owner or archive changed, the link rows of the deals it is linked to. (Inserts: report_contacts_inserted below.)
CREATE FUNCTION report_contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added report_fact[] := '{}';
    removed report_fact[] := '{}';
    workspaces uuid[];
    ids uuid[];
BEGIN
    IF TG_OP <> 'DELETE' THEN
        added := ARRAY(SELECT f FROM new_rows AS r, report_contact_facts(r::contacts) AS f);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        removed := ARRAY(SELECT f FROM old_rows AS r, report_contact_facts(r::contacts) AS f);
    END IF;
    PERFORM report_record_deltas(added, removed);
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(t.workspace_id), array_agg(t.deal_id) INTO workspaces, ids FROM (
            SELECT DISTINCT dc.workspace_id, dc.deal_id
            FROM new_rows AS n
            JOIN old_rows AS o ON o.workspace_id = n.workspace_id AND o.id = n.id
            JOIN deal_contacts AS dc ON dc.workspace_id = n.workspace_id AND dc.contact_id = n.id
            WHERE (n.source, n.created_at, n.owner_id, n.archived_at) IS DISTINCT FROM (o.source, o.created_at, o.owner_id, o.archived_at)) AS t;
        PERFORM report_won_links_refresh(workspaces, ids);
    END IF;
    RETURN NULL;
END
$$;

-- The create path (issue #9) gets its own lean trigger: report_contact_facts' rules written over the new rows
-- directly, without building each row's composite value and arrays (measured: ~0.2 ms a create instead of ~1.7 ms).
-- The drift check compares the result with report_contact_facts from scratch, so the two cannot part unnoticed.
CREATE FUNCTION report_contacts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_fact_deltas (workspace_id, kind, day, owner_id, dim, n, priced, amount, seconds)
    SELECT n.workspace_id, k.kind, report_day(n.created_at), n.owner_id, n.source, count(*), 0, 0, 0
    FROM new_rows AS n, (VALUES ('contact'), ('customer')) AS k (kind)
    WHERE n.archived_at IS NULL AND (k.kind = 'contact' OR n.lifecycle_stage IN ('customer', 'lapsed', 'churned'))
    GROUP BY 1, 2, 3, 4, 5;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_contacts_inserted AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_inserted();

DO $$
DECLARE
    t text;
    f text;
BEGIN
    EXECUTE 'CREATE TRIGGER report_contacts_changed_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_changed()';
    EXECUTE 'CREATE TRIGGER report_contacts_changed_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_changed()';
    FOR t, f IN VALUES ('deals', 'report_deals_won_links_changed'), ('deal_contacts', 'report_deal_contacts_changed')
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            f || '_insert', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            f || '_update', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
            f || '_delete', t, f);
    END LOOP;
END
$$;

-- Every fact of a workspace's records, computed from scratch: V0014's, plus the contacts'.
CREATE OR REPLACE FUNCTION report_facts_from_records(p_workspace uuid) RETURNS SETOF report_fact LANGUAGE sql STABLE AS $$
    SELECT f.* FROM activities AS a, report_activity_facts(a) AS f WHERE a.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d, report_deal_facts(d) AS f WHERE d.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d
        JOIN (SELECT h.deal_id, array_agg(h) AS stays FROM deal_stage_history AS h
              WHERE h.workspace_id = p_workspace GROUP BY h.deal_id) AS s ON s.deal_id = d.id,
        report_history_facts(d, s.stays) AS f
    WHERE d.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM contacts AS c, report_contact_facts(c) AS f WHERE c.workspace_id = p_workspace
$$;

-- Adds facts (grouped per day) to the daily and monthly totals, in key order.
CREATE FUNCTION report_facts_add_totals(p_facts regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO report_facts (workspace_id, kind, grain, day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds)
        SELECT workspace_id, kind, 'd', day, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
        FROM %1$s
        UNION ALL
        SELECT workspace_id, kind, 'm', date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n), sum(priced), sum(amount), sum(seconds)
        FROM %1$s
        GROUP BY workspace_id, kind, date_trunc('month', day)::date, owner_id, pipeline_id, stage_id, currency, dim, path
        ORDER BY 1, 2, 3, 4 $sql$, p_facts);
END
$$;
REVOKE ALL ON FUNCTION report_facts_add_totals(regclass) FROM PUBLIC;

-- Recomputes a workspace's totals, won links and won cycles from its records. Writers wait meanwhile, so the result is exact.
CREATE OR REPLACE FUNCTION report_facts_rebuild(p_workspace uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE activities, deals, deal_stage_history, contacts, deal_contacts IN SHARE MODE;
    DELETE FROM report_fact_deltas WHERE workspace_id = p_workspace;
    DELETE FROM report_facts WHERE workspace_id = p_workspace;
    CREATE TEMP TABLE report_rebuild_days ON COMMIT DROP AS
        SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
               sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds
        FROM report_facts_from_records(p_workspace)
        GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path;
    PERFORM report_facts_add_totals('pg_temp.report_rebuild_days');
    DROP TABLE report_rebuild_days;
    DELETE FROM report_won_links WHERE workspace_id = p_workspace;
    INSERT INTO report_won_links SELECT * FROM report_won_links_from_records WHERE workspace_id = p_workspace
        ORDER BY workspace_id, contact_created_at;
    DELETE FROM report_won_cycles WHERE workspace_id = p_workspace;
    INSERT INTO report_won_cycles SELECT * FROM report_won_cycles_from_records WHERE workspace_id = p_workspace
        ORDER BY workspace_id, bucket, day;
END
$$;
REVOKE ALL ON FUNCTION report_facts_rebuild(uuid) FROM PUBLIC;

-- V0014's drift (summary keys that differ from the facts from scratch) plus the won link and won cycle rows that
-- differ from those computed from the records: 0 when every summary is exact.
CREATE OR REPLACE FUNCTION report_facts_drift(p_workspace uuid) RETURNS bigint LANGUAGE sql STABLE AS $$
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
    ), links AS (
        SELECT *, 1 AS side FROM report_won_links WHERE workspace_id = p_workspace
        UNION ALL
        SELECT *, -1 FROM report_won_links_from_records WHERE workspace_id = p_workspace
    ), cycles AS (
        SELECT *, 1 AS side FROM report_won_cycles WHERE workspace_id = p_workspace
        UNION ALL
        SELECT *, -1 FROM report_won_cycles_from_records WHERE workspace_id = p_workspace
    )
    SELECT (SELECT count(*) FROM (
                SELECT grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
                FROM summed GROUP BY grain, day, kind, owner_id, pipeline_id, stage_id, currency, dim, path, n, priced, amount, seconds
                HAVING count(*) = 1) AS differing)
         + (SELECT count(*) FROM (
                SELECT 1 FROM links
                GROUP BY workspace_id, deal_id, contact_id, source, contact_created_at, contact_owner_id, deal_owner_id, currency, amount
                HAVING sum(side) <> 0) AS differing_links)
         + (SELECT count(*) FROM (
                SELECT 1 FROM cycles
                GROUP BY workspace_id, deal_id, bucket, day, owner_id, pipeline_id, currency, days
                HAVING sum(side) <> 0) AS differing_cycles)
$$;

-- Backfill of what is new (the facts V0014 already holds stay): the contacts' facts and the won deals' cycle
-- histogram, the won links and the won cycles, for every workspace.
LOCK TABLE deals, contacts, deal_contacts IN SHARE MODE;
CREATE TEMP TABLE report_backfill_days ON COMMIT DROP AS
    SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
           sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds
    FROM (
        SELECT f.* FROM contacts AS c, report_contact_facts(c) AS f
        UNION ALL
        SELECT f.* FROM deals AS d, report_deal_facts(d) AS f WHERE d.status = 'won' AND f.kind = 'won_cycle'
    ) AS f
    GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path;
SELECT report_facts_add_totals('pg_temp.report_backfill_days');
DROP TABLE report_backfill_days;
INSERT INTO report_won_links SELECT * FROM report_won_links_from_records ORDER BY workspace_id, contact_created_at;
INSERT INTO report_won_cycles SELECT * FROM report_won_cycles_from_records ORDER BY workspace_id, bucket, day;
