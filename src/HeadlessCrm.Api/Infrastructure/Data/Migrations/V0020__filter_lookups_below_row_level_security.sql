-- Filters on near-unique lookup keys (contacts' email and phone keys) through their GIN indexes for the application
-- role. Row-level security keeps PostgreSQL from using a non-leakproof operator (text[] @> and && are not leakproof)
-- as an index condition for crm_app: filtered directly, "the contact with this email" read every contact of the
-- workspace (1.6–3.4 s over a million). As V0016's crm_search_ids and crm_geo_ids, the test runs in a SECURITY DEFINER
-- function confined to crm_workspace() that returns ids alone; the caller's query keeps tenant, visibility, archived
-- state, ordering and paging, and every other condition (and/or/not around it).
--
-- A set-returning function, used as `id IN (SELECT id FROM crm_filter_ids(…))`: the planner runs it once and joins its
-- ids by primary key. (A scalar array in `id = ANY (…)`, as V0016 writes, is re-evaluated for every row whenever the
-- planner prefers to walk another index and filter — a full index search per row.)
--
-- Only the columns and operators listed are accepted. Tags are not looked up this way: a common tag would cost a
-- primary-key probe per match, where filtering directly walks the ordering index and stops at a page (see
-- docs/data-operations.md).
CREATE FUNCTION crm_filter_ids(record_type text, column_name text, op text, keys text[]) RETURNS TABLE (id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 10
AS $$
BEGIN
    IF (record_type, column_name) NOT IN (('contacts', 'email_keys'), ('contacts', 'phone_keys')) THEN
        RAISE EXCEPTION 'crm_filter_ids: %.% is not looked up here', record_type, column_name;
    END IF;
    IF op NOT IN ('@>', '&&') THEN
        RAISE EXCEPTION 'crm_filter_ids: % is not a lookup operator', op;
    END IF;
    RETURN QUERY EXECUTE format('SELECT id FROM %I WHERE workspace_id = crm_workspace() AND %I %s $1',
                                record_type, column_name, op)
        USING keys;
END
$$;
REVOKE ALL ON FUNCTION crm_filter_ids(text, text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_filter_ids(text, text, text, text[]) TO crm_app;

-- A lookup key's GIN search should read a handful of pages, but with fastupdate (the default) every insert since the
-- last vacuum waits in the index's pending list, which each search reads whole: on the benchmark database 241 pages,
-- 18.7 ms per lookup against 0.3 ms once flushed. Keys go straight into the index instead (a little more work per
-- contact written), and what is pending now is flushed.
ALTER INDEX contacts_email_keys SET (fastupdate = off);
ALTER INDEX contacts_phone_keys SET (fastupdate = off);
SELECT gin_clean_pending_list('contacts_email_keys'::regclass);
SELECT gin_clean_pending_list('contacts_phone_keys'::regclass);
