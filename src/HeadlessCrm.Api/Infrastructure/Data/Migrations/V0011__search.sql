-- Search across contacts, companies and deals for what a person types: accents and case ignored (unaccent), typos
-- tolerated (pg_trgm word similarity), several words matched as prefixes (full text). Both extensions are trusted
-- contrib extensions: the database owner may create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (it reads a dictionary chosen by search_path), so it cannot feed a generated column or an
-- index. Naming the dictionary and schema makes the result depend on its input only, which is what IMMUTABLE promises.
CREATE FUNCTION crm_search_normalise(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$;

CREATE FUNCTION crm_search_words(parts text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT crm_search_normalise(array_to_string(parts, ' ')) $$;

-- What each record is found by, normalised once on write.
ALTER TABLE contacts ADD COLUMN search_text text NOT NULL
    GENERATED ALWAYS AS (crm_search_words(ARRAY[first_name, last_name] || email_keys || phone_keys)) STORED;
ALTER TABLE companies ADD COLUMN search_text text NOT NULL
    GENERATED ALWAYS AS (crm_search_words(ARRAY[name, domain])) STORED;
ALTER TABLE deals ADD COLUMN search_text text NOT NULL
    GENERATED ALWAYS AS (crm_search_words(ARRAY[title])) STORED;

-- Trigram indexes serve substring (LIKE) and word-similarity (<%) tests; the tsvector indexes serve word-prefix
-- queries. Both lead with workspace_id (btree_gin), like every index here.
CREATE INDEX contacts_search_trgm ON contacts USING gin (workspace_id, search_text gin_trgm_ops);
CREATE INDEX companies_search_trgm ON companies USING gin (workspace_id, search_text gin_trgm_ops);
CREATE INDEX deals_search_trgm ON deals USING gin (workspace_id, search_text gin_trgm_ops);
CREATE INDEX contacts_search_words ON contacts USING gin (workspace_id, to_tsvector('simple', search_text));
CREATE INDEX companies_search_words ON companies USING gin (workspace_id, to_tsvector('simple', search_text));
CREATE INDEX deals_search_words ON deals USING gin (workspace_id, to_tsvector('simple', search_text));

-- Every word of the query as a prefix ("ana mar" → 'ana':* & 'mar':*); null when the query has no word.
CREATE FUNCTION crm_search_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT to_tsquery('simple', string_agg(quote_literal(word) || ':*', ' & '))
        FROM regexp_split_to_table(crm_search_normalise(query), '[^[:alnum:]]+') AS word
        WHERE word <> ''
    $$;

-- Does a record's search text match the query? Inlined by the planner, so each arm can use its index.
CREATE FUNCTION crm_search_matches(search_text text, query text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT search_text LIKE '%' || crm_search_normalise(query) || '%'
            OR crm_search_normalise(query) <% search_text
            OR to_tsvector('simple', search_text) @@ crm_search_query(query)
            OR (query !~ '[[:alpha:]]' AND length(regexp_replace(query, '\D', '', 'g')) >= 3
                AND search_text LIKE '%' || regexp_replace(query, '\D', '', 'g') || '%')
    $$;

-- How well: word similarity (0–1), plus 1 for the text starting with the query and 0.5 for containing it.
CREATE FUNCTION crm_search_rank(search_text text, query text) RETURNS double precision LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT word_similarity(crm_search_normalise(query), search_text)::double precision
            + CASE WHEN search_text LIKE crm_search_normalise(query) || '%' THEN 1.0
                   WHEN search_text LIKE '%' || crm_search_normalise(query) || '%' THEN 0.5
                   ELSE 0 END
    $$;
