-- Two gaps in the typo tier (V0024), found by typing names as people do:
--   * a two-word query with a typo ("jose muler", "elna moreau") found nothing: the tier served one-word queries only;
--   * a short name with one typo was not a typo to it: "morau" is 0.5 word-similar to Moreau, "elna" 0.4 to Elena,
--     under pg_trgm's 0.6 (a short word has few trigrams), and "jsoe" (a swap) 0.2 to José.
-- A name word is now close to a query word when it is at least 0.6 word-similar to it or within its edits — the usual
-- "auto" fuzziness of search engines: none under 3 characters, 1 edit for 3–5, 2 from 6 (Levenshtein, from the
-- trusted fuzzystrmatch extension of the stock contrib package, among the 200 name words nearest by trigrams), a
-- swap of two neighbouring letters counting as one (found by looking the swapped spellings up). A two-word query
-- takes the 20 closest name words of each of its words and matches a record whose first two words are one of those
-- pairs, in either order; its rank is the pair's mean similarity (the better order's). Each pair is one range of the
-- prefix index (the search text starts with "first second"), read without the table. A one-word query is ranked as
-- before, by its record's better close name word. Queries of three or more words have no typo tier.
-- crm_search_top is otherwise V0024's, now with JIT compilation off: the typo tier's estimated cost crossed
-- jit_above_cost and compiling took ~45 ms of a ~5 ms search.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The name words of the caller's workspace close to one query word, most similar first, at most `take`: among the
-- 200 nearest by trigrams, those at least 0.6 word-similar or within the word's edits; and, looked up exactly, the
-- query word with two neighbouring letters swapped ("jsoe" → jose), one edit where Levenshtein counts two. Called
-- only by crm_search_top (the owner's: the application has no access to search_words).
CREATE FUNCTION crm_search_close_words(p_type text, p_word text, take integer)
    RETURNS TABLE (word text, similarity double precision) LANGUAGE sql STABLE
AS $$
    WITH allowed AS (
        SELECT CASE WHEN length(p_word) >= 6 THEN 2 WHEN length(p_word) >= 3 THEN 1 ELSE 0 END AS edits),
    nearest AS (
        SELECT d.word FROM search_words AS d
        WHERE d.workspace_id = crm_workspace() AND d.record_type = p_type
        ORDER BY d.word <->> p_word, d.word LIMIT 200),
    accepted AS (
        SELECT n.word FROM nearest AS n, allowed AS a
        WHERE word_similarity(p_word, n.word) >= 0.6 OR levenshtein_less_equal(p_word, n.word, a.edits) <= a.edits
        UNION
        SELECT d.word FROM allowed AS a, generate_series(1, length(p_word) - 1) AS i
        JOIN search_words AS d ON d.workspace_id = crm_workspace() AND d.record_type = p_type
                              AND d.word = overlay(p_word PLACING substr(p_word, i + 1, 1) || substr(p_word, i, 1) FROM i FOR 2)
        WHERE a.edits > 0)
    SELECT c.word, word_similarity(p_word, c.word)::float8 FROM accepted AS c
    ORDER BY 2 DESC, 1 LIMIT take
$$;
REVOKE ALL ON FUNCTION crm_search_close_words(text, text, integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION crm_search_top(record_type text, query text, owner_ids uuid[], after_rank double precision,
                                          after_id uuid, take integer) RETURNS TABLE (rank double precision, id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET jit = off
AS $$
DECLARE
    walk constant integer := 500;
    typo_words constant integer := 50;
    pair_words constant integer := 20;
    query_words text[] := regexp_split_to_array(btrim(crm_search_normalise(query)), '\s+');
    typo_after text;
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
    IF phones_only OR cardinality(query_words) > 2 THEN RETURN; END IF;

    -- The typo tiers. Below the best typo rank the cursor allows; at the cursor's rank, below its id (within a word
    -- or a pair the rank is constant, so the cursor is an id bound on the index read).
    typo_after := format('NOT (%s) AND NOT (%s) AND NOT %s%s', contains, word_starts, starts,
        CASE WHEN after_rank < 2 THEN format(' AND id < CASE WHEN s.similarity = %L::float8 THEN %L::uuid ELSE ''ffffffff-ffff-ffff-ffff-ffffffffffff''::uuid END',
                                             after_rank, after_id) ELSE '' END);
    IF cardinality(query_words) = 2 THEN
        -- Two words: the pairs of their close name words, in either order, each ranked by its mean similarity (the
        -- better order's when a pair arises both ways); a record has one pair of first two words, so it appears once.
        RETURN QUERY EXECUTE format(
            'WITH first_close AS MATERIALIZED (SELECT * FROM crm_search_close_words(%3$L, %1$L, %4$s)),
             second_close AS MATERIALIZED (SELECT * FROM crm_search_close_words(%3$L, %2$L, %4$s)),
             pairs AS (
                 SELECT f.word || '' '' || n.word AS name, (f.similarity + n.similarity) / 2 AS similarity
                 FROM first_close AS f CROSS JOIN second_close AS n
                 UNION ALL
                 SELECT n.word || '' '' || f.word, (f.similarity + n.similarity) / 2
                 FROM first_close AS f CROSS JOIN second_close AS n),
             candidates AS (
                 SELECT name, max(similarity) AS similarity FROM pairs GROUP BY name HAVING max(similarity) <= %7$s)
             SELECT s.similarity, r.id FROM candidates AS s CROSS JOIN LATERAL (
                 SELECT id FROM %3$I WHERE %5$s AND search_text ~>=~ s.name AND search_text ~<~ (s.name || ''!'') AND %6$s
                 ORDER BY id DESC LIMIT %8$s) AS r
             ORDER BY s.similarity DESC, r.id DESC LIMIT %8$s',
            query_words[1], query_words[2], record_type, pair_words, live, typo_after,
            CASE WHEN after_rank < 2 THEN format('%L::float8', after_rank) ELSE '1' END, take);
        RETURN;
    END IF;

    -- One word: a record's rank is the better similarity of its close name words; it is read once per close word it
    -- has, and kept only from the word that gives its rank (both, when they tie: UNION merges them).
    RETURN QUERY EXECUTE format(
        'WITH close_words AS MATERIALIZED (SELECT * FROM crm_search_close_words(%2$L, %1$L, %3$s)),
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
        format('s.similarity = (SELECT max(c.similarity) FROM close_words AS c
                                WHERE c.word IN (split_part(search_text, '' '', 1), split_part(search_text, '' '', 2)))
                AND %s', typo_after),
        take,
        CASE WHEN after_rank < 2 THEN format('%L::float8', after_rank) ELSE '1' END);
END
$$;
