-- Two search shapes that read far more than their page (issue #8):
--   * typo-only terms ("muler"): the typo tier ranked every record whose search text was word-similar to the query,
--     found through the trigram index (thousands of records over 1M contacts: seconds). It now looks up the words
--     most similar to the query in a dictionary of the workspace's name words (nearest first, through a GiST trigram
--     index), then reads the records having those words through the first- and second-word indexes, in id order.
--   * phone digits ("5551904"): tier 2 went through the search text's trigram index, whose digit trigrams are common
--     to every email address and phone number. A contact query without letters now searches the phone numbers alone,
--     through their own trigram index.

-- The words the typo tier compares with the query: the first two words of a search text (a contact's first and last
-- name, the start of a company's name or a deal's title), the same words the first- and second-word indexes hold.
CREATE FUNCTION crm_search_name_words(search_text text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_remove(ARRAY[split_part(search_text, ' ', 1), split_part(search_text, ' ', 2)], '') $$;

-- Each workspace's distinct name words of its live records, per record type. Written only by the owner's functions
-- below (the triggers are confined to crm_workspace()), read only by crm_search_top: the application has no access.
CREATE TABLE search_words (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    record_type text NOT NULL CHECK (record_type IN ('contacts', 'companies', 'deals')),
    word text NOT NULL,
    PRIMARY KEY (workspace_id, record_type, word)
);
ALTER TABLE search_words ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON search_words USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());
REVOKE ALL ON search_words FROM crm_app;
-- Nearest words first: `word <->> query` is 1 - word_similarity(query, word) (btree_gist for the leading columns).
CREATE INDEX search_words_similar ON search_words USING gist (workspace_id, record_type, word gist_trgm_ops);

-- Forgets those of `words` that no live record of the type in the caller's workspace has any more (through the
-- first- and second-word indexes). Runs as the owner inside the triggers below.
CREATE FUNCTION search_words_forget(record_type text, words text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(words) = 0 THEN RETURN; END IF;
    EXECUTE format(
        'DELETE FROM search_words AS d
         WHERE d.workspace_id = crm_workspace() AND d.record_type = %1$L AND d.word = ANY ($1)
           AND NOT EXISTS (SELECT 1 FROM %1$I AS r WHERE r.workspace_id = d.workspace_id AND r.archived_at IS NULL
                                                     AND split_part(r.search_text, '' '', 1) = d.word)
           AND NOT EXISTS (SELECT 1 FROM %1$I AS r WHERE r.workspace_id = d.workspace_id AND r.archived_at IS NULL
                                                     AND split_part(r.search_text, '' '', 2) = d.word)',
        record_type) USING words;
END
$$;
REVOKE ALL ON FUNCTION search_words_forget(text, text[]) FROM PUBLIC;

-- Keeps the dictionary in step with the records' writes, one statement at a time: the words of records that became
-- live or changed text are added, those of records that stopped being live or changed text are forgotten when no
-- live record has them. SECURITY DEFINER (the application may not touch the dictionary), confined to crm_workspace():
-- rows of any other workspace are ignored, as are writes made with no workspace set (the owner's bulk loads, which
-- call search_words_rebuild).
CREATE FUNCTION search_words_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO search_words (workspace_id, record_type, word)
        SELECT DISTINCT n.workspace_id, TG_TABLE_NAME::text, w.word
        FROM new_rows AS n CROSS JOIN LATERAL unnest(crm_search_name_words(n.search_text)) AS w (word)
        WHERE n.workspace_id = crm_workspace() AND n.archived_at IS NULL
        ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO search_words (workspace_id, record_type, word)
        SELECT DISTINCT n.workspace_id, TG_TABLE_NAME::text, w.word
        FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
             CROSS JOIN LATERAL unnest(crm_search_name_words(n.search_text)) AS w (word)
        WHERE n.workspace_id = crm_workspace() AND n.archived_at IS NULL
          AND (o.archived_at IS NOT NULL OR o.search_text <> n.search_text)
        ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING;
        PERFORM search_words_forget(TG_TABLE_NAME, ARRAY(
            SELECT DISTINCT w.word
            FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                 CROSS JOIN LATERAL unnest(crm_search_name_words(o.search_text)) AS w (word)
            WHERE o.workspace_id = crm_workspace() AND o.archived_at IS NULL
              AND (n.archived_at IS NOT NULL OR n.search_text <> o.search_text)));
    ELSE
        PERFORM search_words_forget(TG_TABLE_NAME, ARRAY(
            SELECT DISTINCT w.word
            FROM old_rows AS o CROSS JOIN LATERAL unnest(crm_search_name_words(o.search_text)) AS w (word)
            WHERE o.workspace_id = crm_workspace() AND o.archived_at IS NULL));
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION search_words_changed() FROM PUBLIC;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contacts', 'companies', 'deals']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed()',
            t || '_search_words_inserted', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed()',
            t || '_search_words_updated', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_words_changed()',
            t || '_search_words_deleted', t);
    END LOOP;
END
$$;

-- The dictionary of one workspace from its records: for this migration and for bulk loads that bypass the triggers
-- (the benchmark seeder). Owner only.
CREATE FUNCTION search_words_rebuild(p_workspace uuid) RETURNS void LANGUAGE sql AS $$
    DELETE FROM search_words WHERE workspace_id = p_workspace;
    INSERT INTO search_words (workspace_id, record_type, word)
    SELECT DISTINCT p_workspace, r.record_type, w.word
    FROM (SELECT 'contacts' AS record_type, search_text FROM contacts WHERE workspace_id = p_workspace AND archived_at IS NULL
          UNION ALL
          SELECT 'companies', search_text FROM companies WHERE workspace_id = p_workspace AND archived_at IS NULL
          UNION ALL
          SELECT 'deals', search_text FROM deals WHERE workspace_id = p_workspace AND archived_at IS NULL) AS r
         CROSS JOIN LATERAL unnest(crm_search_name_words(r.search_text)) AS w (word);
$$;
REVOKE ALL ON FUNCTION search_words_rebuild(uuid) FROM PUBLIC;
SELECT search_words_rebuild(id) FROM workspaces;

-- A contact's phone numbers as one text of digits (phone_keys are digits only), for substring search. PL/pgSQL, not
-- SQL: a SQL function wrapping the STABLE array_to_string is not inlined and costs an executor start per call, which
-- made the 500-row walk of tier 2 take 7 ms instead of 3.
CREATE FUNCTION crm_search_phone_digits(phone_keys text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$ BEGIN RETURN array_to_string(phone_keys, ' '); END $$;
CREATE INDEX contacts_search_phone_digits ON contacts USING gin (workspace_id, crm_search_phone_digits(phone_keys) gin_trgm_ops)
    WHERE archived_at IS NULL;

-- As V0021, with two changes:
--   * a contact query without letters and with 3 or more digits searches the phone numbers only (tier 2: they contain
--     its digits), through contacts_search_phone_digits; names and emails need letters to be found;
--   * a one-word query reads the trigram index once for tiers 3 and 2 (it read it once for each);
--   * the typo tier (a one-word query only) takes the `typo_words` name words most similar to the query (word
--     similarity at least pg_trgm's 0.6, nearest first) and ranks each record having one of them as its first or
--     second word by its better word's similarity; each (word, position) is read in id order and stops after `take`,
--     so the tier reads at most 2 × typo_words × take records, however many records match.
CREATE OR REPLACE FUNCTION crm_search_top(record_type text, query text, owner_ids uuid[], after_rank double precision,
                                          after_id uuid, take integer) RETURNS TABLE (rank double precision, id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    walk constant integer := 500;
    typo_words constant integer := 50;
    normalised text := crm_search_normalise(query);
    -- The query as a LIKE literal: its own % _ \ match themselves.
    literal text := replace(replace(replace(crm_search_normalise(query), '\', '\\'), '%', '\%'), '_', '\_');
    digits text := CASE WHEN query !~ '[[:alpha:]]' AND length(regexp_replace(query, '\D', '', 'g')) >= 3
                        THEN regexp_replace(query, '\D', '', 'g') END;
    phones_only boolean := record_type = 'contacts' AND digits IS NOT NULL;
    -- One word of 3 or more letters and digits: every record meeting tier 3 contains it, so one read of the trigram
    -- index gives tiers 3 and 2 together.
    one_word boolean := crm_search_normalise(query) ~ '^[[:alnum:]]{3,}$';
    words tsquery := crm_search_query(query);
    starts text;
    word_starts text;
    contains text;
    live text;
    tier record;
    after text;
    found integer;
    newest uuid[];
BEGIN
    IF record_type NOT IN ('contacts', 'companies', 'deals') THEN
        RAISE EXCEPTION 'crm_search_top: % is not searched', record_type;
    END IF;
    IF take < 1 OR (after_rank IS NULL) <> (after_id IS NULL) THEN
        RAISE EXCEPTION 'crm_search_top: take must be positive and the cursor whole';
    END IF;
    starts := format('(search_text LIKE %1$L OR crm_search_second_word_on(search_text) LIKE %1$L)', literal || '%');
    -- Each word of the query is somewhere in the text before the costlier word test is made. With words of 3 or more
    -- characters the trigram index finds those texts, and `IS TRUE` keeps the word index out: its prefix `'zoe':*`
    -- merges one lexeme per email address starting with "zoe" (the parser keeps an address whole), 4 times slower.
    word_starts := CASE WHEN words IS NULL THEN 'false' ELSE (
        SELECT string_agg(format('search_text LIKE %L AND ', '%' || replace(replace(replace(word, '\', '\\'), '%', '\%'), '_', '\_') || '%'), '')
               || format(CASE WHEN min(length(word)) >= 3 THEN '(to_tsvector(''simple'', search_text) @@ %L::tsquery) IS TRUE'
                              ELSE 'to_tsvector(''simple'', search_text) @@ %L::tsquery' END, words)
        FROM regexp_split_to_table(normalised, '[^[:alnum:]]+') AS word WHERE word <> '') END;
    contains := format('search_text LIKE %L', '%' || literal || '%')
        || CASE WHEN digits IS NULL OR digits = normalised THEN ''
                ELSE format(' OR search_text LIKE %L', '%' || digits || '%') END;
    IF phones_only THEN
        starts := 'false';
        word_starts := 'false';
        contains := format('crm_search_phone_digits(phone_keys) LIKE %L', '%' || digits || '%');
    END IF;
    live := format('workspace_id = crm_workspace() AND archived_at IS NULL%s',
        CASE WHEN owner_ids IS NULL THEN '' ELSE format(' AND owner_id = ANY (%L::uuid[])', owner_ids) END);

    FOR tier IN
        SELECT * FROM (VALUES
            (7.0::float8, format('split_part(search_text, '' '', 1) = %L', normalised), 'ordered'),
            (6.0::float8, format('search_text LIKE %L AND split_part(search_text, '' '', 1) <> %L', literal || '%', normalised), 'index'),
            (5.0::float8, format('split_part(search_text, '' '', 2) = %L AND NOT search_text LIKE %L', normalised, literal || '%'), 'ordered'),
            (4.0::float8, format('crm_search_second_word_on(search_text) LIKE %1$L AND NOT search_text LIKE %1$L
                                  AND split_part(search_text, '' '', 2) <> %2$L', literal || '%', normalised), 'index'),
            (3.0::float8, format('(%s) AND NOT %s', word_starts, starts), 'walk'),
            (2.0::float8, format('(%s) AND NOT (%s) AND NOT %s', contains, word_starts, starts), 'walk'))
            AS t (tier_rank, matches, reads)
        WHERE (after_rank IS NULL OR t.tier_rank <= after_rank) AND (NOT phones_only OR t.tier_rank = 2.0)
    LOOP
        after := CASE WHEN tier.tier_rank = after_rank THEN format(' AND id < %L::uuid', after_id) ELSE '' END;
        IF tier.reads = 'walk' THEN
            EXECUTE format(
                'SELECT array_agg(id ORDER BY id DESC) FROM (
                     SELECT id FROM (SELECT * FROM %I WHERE workspace_id = crm_workspace()%s ORDER BY id DESC LIMIT %s) newest
                     WHERE %s AND %s ORDER BY id DESC LIMIT %s) found',
                record_type, after, walk, live, tier.matches, take) INTO newest;
            IF newest IS NOT NULL THEN
                RETURN QUERY SELECT tier.tier_rank, newest[i] FROM generate_subscripts(newest, 1) AS i ORDER BY i;
                take := take - cardinality(newest);
                IF take = 0 THEN RETURN; END IF;
                -- Every match of the tier down to the last one found was in the walk; the rest are older.
                after := format(' AND id < %L::uuid', newest[cardinality(newest)]);
            END IF;
        END IF;
        IF tier.tier_rank = 3.0 AND one_word THEN
            RETURN QUERY EXECUTE format(
                'WITH matches AS MATERIALIZED (SELECT id, %3$s AS word_start FROM %1$I WHERE %2$s AND %4$s AND NOT %5$s)
                 SELECT CASE WHEN word_start THEN 3.0 ELSE 2.0 END::float8, id FROM matches
                 WHERE NOT word_start OR (true%6$s) ORDER BY word_start DESC, id DESC LIMIT %7$s',
                record_type, live, word_starts, contains, starts, after, take);
            GET DIAGNOSTICS found = ROW_COUNT;
            take := take - found;
            IF take = 0 THEN RETURN; END IF;
            EXIT;
        END IF;
        -- 'ordered': the word index gives the ids in order. Otherwise MATERIALIZED: the planner must find the matches
        -- through an index, not walk the primary key in id order hoping to meet `take` of them soon (its estimate for a
        -- prefix, word or substring test is no guide).
        RETURN QUERY EXECUTE format(CASE WHEN tier.reads = 'ordered'
            THEN 'SELECT %5$s::float8, id FROM %1$I WHERE %2$s AND %3$s%4$s ORDER BY id DESC LIMIT %6$s'
            ELSE 'WITH matches AS MATERIALIZED (SELECT id FROM %1$I WHERE %2$s AND %3$s%4$s)
                  SELECT %5$s::float8, id FROM matches ORDER BY id DESC LIMIT %6$s' END,
            record_type, live, tier.matches, after, tier.tier_rank, take);
        GET DIAGNOSTICS found = ROW_COUNT;
        take := take - found;
        IF take = 0 THEN RETURN; END IF;
    END LOOP;
    IF phones_only OR position(' ' IN normalised) > 0 THEN RETURN; END IF;

    -- The typo tier. A record's rank is the better similarity of its two name words; it is read once per word of
    -- the dictionary it has, and kept only from the word that gives its rank (both, when they tie: UNION merges them).
    -- Within a word the rank is constant, so the cursor is an id bound on the word index.
    RETURN QUERY EXECUTE format(
        'WITH close_words AS MATERIALIZED (
             SELECT word, word_similarity(%1$L, word)::float8 AS similarity FROM search_words
             WHERE workspace_id = crm_workspace() AND record_type = %2$L AND word %%> %1$L
             ORDER BY word <->> %1$L, word LIMIT %3$s),
         candidates AS (
             SELECT * FROM close_words WHERE similarity <= %7$s),
         typo AS (
             SELECT s.similarity, r.id FROM candidates AS s CROSS JOIN LATERAL (
                 SELECT id FROM %2$I WHERE %4$s AND split_part(search_text, '' '', 1) = s.word AND %5$s
                 ORDER BY id DESC LIMIT %6$s) AS r
             UNION
             SELECT s.similarity, r.id FROM candidates AS s CROSS JOIN LATERAL (
                 SELECT id FROM %2$I WHERE %4$s AND split_part(search_text, '' '', 2) = s.word AND %5$s
                 ORDER BY id DESC LIMIT %6$s) AS r)
         SELECT similarity, id FROM typo ORDER BY similarity DESC, id DESC LIMIT %6$s',
        normalised, record_type, typo_words, live,
        format('greatest(word_similarity(%1$L, split_part(search_text, '' '', 1)), word_similarity(%1$L, split_part(search_text, '' '', 2)))::float8 = s.similarity
                AND NOT (%2$s) AND NOT (%3$s) AND NOT %4$s%5$s',
            normalised, contains, word_starts, starts,
            CASE WHEN after_rank < 2 THEN format(' AND id < CASE WHEN s.similarity = %L::float8 THEN %L::uuid ELSE ''ffffffff-ffff-ffff-ffff-ffffffffffff''::uuid END',
                                                 after_rank, after_id) ELSE '' END),
        take,
        CASE WHEN after_rank < 2 THEN format('%L::float8', after_rank) ELSE '1' END);
END
$$;
