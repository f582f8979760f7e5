-- Search ranks by tier and returns only the page: the best `take` (rank, id) after the cursor, so a common term ("zoe":
-- 18,000 of a million contacts) no longer visits and ranks every match.
--
-- Tiers, best first (a record is in the best one it meets; ties within a tier go by id, newest first):
--   7  its first word is the query                        "zoe" → Zoe Abbott
--   6  it starts with the query                           "zo" → Zoe Abbott, "zoe" → Zoey Lee, "nora abbott"
--   5  its second word is the query                       "costa" → Ana Costa
--   4  its second word starts with the query              "cost" → Ana Costa
--   3  every word of the query starts a word of it        "indus" → Ácme Industries, "zoe.abbott" → Zoe Abbott
--   2  it contains the query (or, for a query without letters, its digits)   "5551904" → +1 555-555-1904
--   the word similarity (0.6–1) for a typo match only, best first           "muler" → Müller
-- The first two words are a contact's first and last name, the start of a company's name or a deal's title. Only the
-- typo tier ranks each of its matches, and a search reaches it only after every better match.

-- The search text after its first word (all of it when it has one word).
CREATE FUNCTION crm_search_second_word_on(search_text text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT substr(search_text, strpos(search_text, ' ') + 1) $$;

-- Tiers 7 and 5 read these indexes in id order and stop after `take` rows. Tiers 6 and 4 are ranges of the prefix
-- indexes, read without the table (the trigram index would return every record containing the query anywhere, and
-- need the table to tell which start with it), and sorted: "zo" reads the 18,000 entries starting with it. The second
-- prefix index includes the search text because PostgreSQL 15 reads an expression index without the table only when
-- the columns the expression is made of are in it too.
CREATE INDEX IF NOT EXISTS contacts_search_first_word ON contacts (workspace_id, split_part(search_text, ' ', 1), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS companies_search_first_word ON companies (workspace_id, split_part(search_text, ' ', 1), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS deals_search_first_word ON deals (workspace_id, split_part(search_text, ' ', 1), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS contacts_search_second_word ON contacts (workspace_id, split_part(search_text, ' ', 2), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS companies_search_second_word ON companies (workspace_id, split_part(search_text, ' ', 2), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS deals_search_second_word ON deals (workspace_id, split_part(search_text, ' ', 2), id)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS contacts_search_prefix ON contacts (workspace_id, search_text text_pattern_ops)
    INCLUDE (id, owner_id) WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS companies_search_prefix ON companies (workspace_id, search_text text_pattern_ops)
    INCLUDE (id, owner_id) WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS deals_search_prefix ON deals (workspace_id, search_text text_pattern_ops)
    INCLUDE (id, owner_id) WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS contacts_search_second_prefix ON contacts
    (workspace_id, crm_search_second_word_on(search_text) text_pattern_ops) INCLUDE (id, owner_id, search_text)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS companies_search_second_prefix ON companies
    (workspace_id, crm_search_second_word_on(search_text) text_pattern_ops) INCLUDE (id, owner_id, search_text)
    WHERE archived_at IS NULL;
CREATE INDEX IF NOT EXISTS deals_search_second_prefix ON deals
    (workspace_id, crm_search_second_word_on(search_text) text_pattern_ops) INCLUDE (id, owner_id, search_text)
    WHERE archived_at IS NULL;

-- The best `take` live records of one type after the cursor (after_rank, after_id; both null for the first page), best
-- first, among those whose owner is in owner_ids (null: the caller sees the whole workspace). Like crm_search_ids
-- before it, it runs as the owner, below row-level security (whose rule on non-leakproof operators hides every index
-- used here from crm_app), over exactly crm_workspace(); the visibility given can only narrow, and the application's
-- own query still applies tenant and visibility to the ids returned.
--
-- Tiers 3 and 2 first look at the 500 newest records after the cursor (a primary-key walk): the tier's matches
-- among them are its newest, so if they fill the page it is exact. Otherwise the tier's matches are rare (fewer than
-- `take` in 500), and the rest of the page (older than the last one the walk found) is read through the word or
-- trigram index and sorted.
CREATE FUNCTION crm_search_top(record_type text, query text, owner_ids uuid[], after_rank double precision,
                               after_id uuid, take integer) RETURNS TABLE (rank double precision, id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    walk constant integer := 500;
    normalised text := crm_search_normalise(query);
    -- The query as a LIKE literal: its own % _ \ match themselves.
    literal text := replace(replace(replace(crm_search_normalise(query), '\', '\\'), '%', '\%'), '_', '\_');
    digits text := CASE WHEN query !~ '[[:alpha:]]' AND length(regexp_replace(query, '\D', '', 'g')) >= 3
                        THEN regexp_replace(query, '\D', '', 'g') END;
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
        WHERE after_rank IS NULL OR t.tier_rank <= after_rank
    LOOP
        after := CASE WHEN tier.tier_rank = after_rank THEN format(' AND id < %L::uuid', after_id) ELSE '' END;
        IF tier.reads = 'walk' THEN
            EXECUTE format(
                'SELECT array_agg(id ORDER BY id DESC) FROM (
                     SELECT id FROM (SELECT id, search_text, archived_at, owner_id, workspace_id FROM %I
                                     WHERE workspace_id = crm_workspace()%s ORDER BY id DESC LIMIT %s) newest
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

    -- The typo tier: similar words only, best first.
    RETURN QUERY EXECUTE format(
        'WITH matches AS MATERIALIZED (
             SELECT word_similarity(%1$L, search_text)::float8 AS similarity, id FROM %2$I
             WHERE %3$s AND %1$L <%% search_text AND NOT (%4$s) AND NOT (%5$s) AND NOT %6$s)
         SELECT similarity, id FROM matches%7$s ORDER BY similarity DESC, id DESC LIMIT %8$s',
        normalised, record_type, live, contains, word_starts, starts,
        CASE WHEN after_rank < 2 THEN format(' WHERE (similarity, id) < (%L::float8, %L::uuid)', after_rank, after_id)
             ELSE '' END,
        take);
END
$$;
REVOKE ALL ON FUNCTION crm_search_top(text, text, uuid[], double precision, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_search_top(text, text, uuid[], double precision, uuid, integer) TO crm_app;

-- Replaced by crm_search_top.
DROP FUNCTION IF EXISTS crm_search_hit(text, text, uuid);
DROP FUNCTION IF EXISTS crm_search_ids(text, text);
DROP FUNCTION IF EXISTS crm_search_rank(text, text);
DROP FUNCTION IF EXISTS crm_search_matches(text, text);
