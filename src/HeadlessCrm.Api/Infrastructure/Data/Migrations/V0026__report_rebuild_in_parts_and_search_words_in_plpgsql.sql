-- Two changes for bulk loads (issue #9: the full-size seed under 5 minutes), neither changing a result.
--
-- 1. report_facts_rebuild in independent parts, so that a bulk load (the benchmark seed) can compute them on
-- parallel connections. Each part writes rows no other part writes: the totals of one kind of record (the kinds of
-- facts differ from one record table to the next, so totals grouped per table are the totals grouped over all), the
-- won links, the won cycles. The rebuild itself is unchanged in what it does: under its locks it clears the
-- workspace's summaries and runs every part in turn, in one transaction.

-- The facts of a workspace's records from scratch, of one record table ('activities', 'deals', 'deal_stage_history'
-- or 'contacts'), or of all of them when p_source is null. The condition on p_source is a constant once inlined, so a
-- table that is not asked for is not read.
CREATE FUNCTION report_facts_from_records(p_workspace uuid, p_source text) RETURNS SETOF report_fact LANGUAGE sql STABLE AS $$
    SELECT f.* FROM activities AS a, report_activity_facts(a) AS f
    WHERE (p_source IS NULL OR p_source = 'activities') AND a.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d, report_deal_facts(d) AS f
    WHERE (p_source IS NULL OR p_source = 'deals') AND d.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM deals AS d
        JOIN (SELECT h.deal_id, array_agg(h) AS stays FROM deal_stage_history AS h
              WHERE h.workspace_id = p_workspace GROUP BY h.deal_id) AS s ON s.deal_id = d.id,
        report_history_facts(d, s.stays) AS f
    WHERE (p_source IS NULL OR p_source = 'deal_stage_history') AND d.workspace_id = p_workspace
    UNION ALL
    SELECT f.* FROM contacts AS c, report_contact_facts(c) AS f
    WHERE (p_source IS NULL OR p_source = 'contacts') AND c.workspace_id = p_workspace
$$;

CREATE OR REPLACE FUNCTION report_facts_from_records(p_workspace uuid) RETURNS SETOF report_fact LANGUAGE sql STABLE AS $$
    SELECT * FROM report_facts_from_records(p_workspace, NULL)
$$;

-- The parts of a rebuild, the costliest first (on the 1M dataset: the stage history's totals, then the deals').
CREATE FUNCTION report_facts_rebuild_parts() RETURNS text[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT ARRAY['deal_stage_history', 'deals', 'activities', 'won_links', 'contacts', 'won_cycles'] $$;

-- Adds one part of a workspace's summaries, computed from its records, to summaries that hold none of that part (the
-- caller clears them first, or knows they are empty: a bulk load with triggers off writes none).
CREATE FUNCTION report_facts_rebuild_part(p_workspace uuid, p_part text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CASE p_part
    WHEN 'won_links' THEN
        INSERT INTO report_won_links SELECT * FROM report_won_links_from_records WHERE workspace_id = p_workspace
            ORDER BY workspace_id, contact_created_at;
    WHEN 'won_cycles' THEN
        INSERT INTO report_won_cycles SELECT * FROM report_won_cycles_from_records WHERE workspace_id = p_workspace
            ORDER BY workspace_id, bucket, day;
    WHEN 'activities', 'deals', 'deal_stage_history', 'contacts' THEN
        CREATE TEMP TABLE report_rebuild_days ON COMMIT DROP AS
            SELECT workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path,
                   sum(n) AS n, sum(priced) AS priced, sum(amount) AS amount, sum(seconds) AS seconds
            FROM report_facts_from_records(p_workspace, p_part)
            GROUP BY workspace_id, kind, day, owner_id, pipeline_id, stage_id, currency, dim, path;
        PERFORM report_facts_add_totals('pg_temp.report_rebuild_days');
        DROP TABLE report_rebuild_days;
    ELSE
        RAISE EXCEPTION 'unknown part of the report summaries: %', p_part;
    END CASE;
END
$$;
REVOKE ALL ON FUNCTION report_facts_rebuild_part(uuid, text) FROM PUBLIC;

-- Recomputes a workspace's totals, won links and won cycles from its records. Writers wait meanwhile, so the result is exact.
CREATE OR REPLACE FUNCTION report_facts_rebuild(p_workspace uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part text;
BEGIN
    LOCK TABLE activities, deals, deal_stage_history, contacts, deal_contacts IN SHARE MODE;
    DELETE FROM report_fact_deltas WHERE workspace_id = p_workspace;
    DELETE FROM report_facts WHERE workspace_id = p_workspace;
    DELETE FROM report_won_links WHERE workspace_id = p_workspace;
    DELETE FROM report_won_cycles WHERE workspace_id = p_workspace;
    FOREACH part IN ARRAY report_facts_rebuild_parts()
    LOOP
        PERFORM report_facts_rebuild_part(p_workspace, part);
    END LOOP;
END
$$;

-- 2. The search text of every contact, company and deal (V0011's generated columns) in PL/pgSQL. As SQL functions
-- they were never inlined (an IMMUTABLE SQL function is inlined only if its body is immutable, and unaccent() and
-- array_to_string() are STABLE), so each row ran two nested SQL function calls: ~20 µs a contact (load average 10),
-- a fifth of the contacts' COPY. PL/pgSQL evaluates the same expressions in ~5 µs. Same text for every input (checked
-- on the 2.1M seeded contacts, companies and deals), so the stored columns and their indexes stay valid.
CREATE OR REPLACE FUNCTION crm_search_normalise(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, '')));
END
$$;

CREATE OR REPLACE FUNCTION crm_search_words(parts text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN crm_search_normalise(array_to_string(parts, ' '));
END
$$;
