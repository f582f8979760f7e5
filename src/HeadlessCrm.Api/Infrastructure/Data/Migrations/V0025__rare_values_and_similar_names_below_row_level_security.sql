-- Tags and multi-select custom fields filtered through their GIN indexes for the application role, when the value is
-- rare. Row-level security keeps PostgreSQL from using a non-leakproof operator (text[] @> and &&, jsonb @>) as an
-- index condition for crm_app, so a rare tag filtered directly read every record of the workspace (~1.5 s over a
-- million contacts). A common one is fast directly (the list walks its ordering index and stops after a page of
-- matches) and slow as a lookup (a primary-key probe per match), so the application first asks this function for at
-- most cap + 1 ids: if it gets cap or fewer the value is rare and the filter becomes `id = ANY (those ids)`; if it
-- gets cap + 1 the value is common and the filter stays direct (docs/data-operations.md).
--
-- As V0020's crm_filter_ids: SECURITY DEFINER, confined to crm_workspace(), ids only (archived records included: the
-- caller's query applies archived state, visibility and every other condition). Only the listed columns and operators
-- are accepted; each operand is a parameter.
--   tags (text[]):           op @> (has all of operands) or && (has any of them)
--   custom_fields (jsonb):   op @> — contains any of the operands, each a JSON document ({"key": ["option"]})
CREATE FUNCTION crm_filter_few_ids(record_type text, column_name text, op text, operands text[], cap integer) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    test text;
    found uuid[];
BEGIN
    IF (record_type, column_name) NOT IN (('contacts', 'tags'), ('companies', 'tags'), ('deals', 'tags'),
            ('contacts', 'custom_fields'), ('companies', 'custom_fields'), ('deals', 'custom_fields'),
            ('activities', 'custom_fields')) THEN
        RAISE EXCEPTION 'crm_filter_few_ids: %.% is not looked up here', record_type, column_name;
    END IF;
    IF column_name = 'tags' AND op IN ('@>', '&&') THEN
        test := format('tags %s $1', op);
    ELSIF column_name = 'custom_fields' AND op = '@>' AND cardinality(operands) >= 1 THEN
        -- One containment per document, OR-ed: each is a condition of the jsonb_path_ops index (a BitmapOr).
        SELECT string_agg(format('custom_fields @> ($1[%s])::jsonb', i), ' OR ') INTO test
        FROM generate_series(1, cardinality(operands)) i;
    ELSE
        RAISE EXCEPTION 'crm_filter_few_ids: % is not a lookup of %', op, column_name;
    END IF;
    IF cap IS NULL OR cap < 0 OR cap > 100000 THEN
        RAISE EXCEPTION 'crm_filter_few_ids: cap % out of range', cap;
    END IF;
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM (SELECT id FROM %I WHERE workspace_id = crm_workspace() AND (%s) LIMIT %s) few',
                   record_type, test, cap + 1)
        INTO found USING operands;
    RETURN found;
END
$$;
REVOKE ALL ON FUNCTION crm_filter_few_ids(text, text, text, text[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_filter_few_ids(text, text, text, text[], integer) TO crm_app;

-- Similar company names (duplicate detection) through the trigram index for the application role. pg_trgm's % is not
-- leakproof, so under row-level security crm_app compared the workspace's companies pairwise (the V0016 finder's
-- plan). This walks the live companies of crm_workspace() in id order after the cursor and probes the index for each
-- one's later similar names, at pg_trgm's threshold 0.5 for this function alone (candidates), keeping pairs of
-- similarity >= min_similarity; at most take pairs, ordered by (a, b). owner_ids (null: the whole workspace) narrows
-- both sides to the records of those owners, as the application's visibility does (as V0021's crm_search_top); the
-- application reads the pairs through its DbContext again, so a wrong list could hide a pair but never show one.
CREATE FUNCTION crm_similar_company_names(owner_ids uuid[], after_a uuid, after_b uuid, min_similarity real, take integer)
    RETURNS TABLE (a uuid, b uuid, score real)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET pg_trgm.similarity_threshold = 0.5
AS $$
    SELECT x.id, y.id, similarity(x.name, y.name)
    FROM companies x
    CROSS JOIN LATERAL (
        SELECT c.id, c.name FROM companies c
        WHERE c.workspace_id = x.workspace_id AND c.name % x.name AND c.id > x.id AND c.archived_at IS NULL
          AND (owner_ids IS NULL OR c.owner_id = ANY (owner_ids))
          AND (after_a IS NULL OR x.id > after_a OR c.id > after_b)
    ) y
    WHERE x.workspace_id = crm_workspace() AND x.archived_at IS NULL
      AND (owner_ids IS NULL OR x.owner_id = ANY (owner_ids))
      AND (after_a IS NULL OR x.id >= after_a)
      AND similarity(x.name, y.name) >= min_similarity
    ORDER BY x.id, y.id
    LIMIT take
$$;
REVOKE ALL ON FUNCTION crm_similar_company_names(uuid[], uuid, uuid, real, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_similar_company_names(uuid[], uuid, uuid, real, integer) TO crm_app;

-- V0016's inlinable % test, which the application role's plan could not take to the index: replaced by the above.
DROP FUNCTION crm_names_similar(text, text);
