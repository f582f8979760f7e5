-- Distance from a point (geo radius filters) and similar-name duplicate detection.
--
-- Geo points are indexed as points of the contrib `cube` type: (x, y, z) on a sphere of the Earth's mean radius, in
-- metres, the model contrib `earthdistance` uses. `earthdistance` itself is not a trusted extension (only a superuser
-- may create it), and its functions call `cube()` and `earth()` through search_path; the three small functions below
-- compute the same with schema-qualified calls, so the database owner can run this migration and an expression index
-- never depends on a session's search_path. `cube` and `btree_gist` are trusted contrib extensions.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A latitude/longitude in degrees as a point in space; null when either is null (every call here is strict).
CREATE FUNCTION crm_geo_point(latitude double precision, longitude double precision) RETURNS public.cube
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT public.cube(public.cube(public.cube(
            6371008.8 * cos(radians(latitude)) * cos(radians(longitude))),
            6371008.8 * cos(radians(latitude)) * sin(radians(longitude))),
            6371008.8 * sin(radians(latitude)))
    $$;

-- Is the point within radius_km (along the surface) of the centre? The first test is a cube around the centre whose
-- half-side is the chord of the radius: the GiST index below answers it. The second is the exact great-circle distance,
-- from the chord between the two points. Inlined by the planner, so the index expression matches.
CREATE FUNCTION crm_geo_within(latitude double precision, longitude double precision,
                               centre_latitude double precision, centre_longitude double precision,
                               radius_km double precision) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT crm_geo_point(latitude, longitude) OPERATOR(public.<@) public.cube_enlarge(
                   crm_geo_point(centre_latitude, centre_longitude),
                   2 * 6371008.8 * sin(least(radius_km * 1000 / (2 * 6371008.8), pi() / 2)), 3)
           AND 2 * 6371008.8 * asin(least(public.cube_distance(crm_geo_point(latitude, longitude),
                   crm_geo_point(centre_latitude, centre_longitude)) / (2 * 6371008.8), 1)) <= radius_km * 1000
    $$;

CREATE INDEX contacts_geo ON contacts USING gist (workspace_id, crm_geo_point(latitude, longitude))
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX companies_geo ON companies USING gist (workspace_id, crm_geo_point(latitude, longitude))
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL;

-- Similar company names for duplicate detection: pg_trgm's % (similarity above pg_trgm.similarity_threshold, 0.3 by
-- default) is what a trigram index answers; the finder checks its own, stricter threshold on the candidates. A plain
-- SQL function so the planner inlines it and probes the index once per company instead of comparing every pair.
CREATE FUNCTION crm_names_similar(a text, b text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT a OPERATOR(public.%) b $$;
CREATE INDEX companies_name_trgm ON companies USING gin (workspace_id, name gin_trgm_ops);

-- Search: the records a query ranks highest — the search text starts with the query, and the query is a whole word
-- there (crm_search_rank = 2) — newest first. A common term ("zoe", thousands of matches) has many of them, all
-- tied, so its first pages are found by walking the records newest first and stopping at a page's worth, instead of
-- ranking every match. The prefix index serves rarer prefixes; the text is cut to 100 characters to stay far below
-- the b-tree's row size limit (a query longer than that simply takes the full path).
CREATE FUNCTION crm_search_head(search_text text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT left(search_text, 100) $$;
-- Deliberately PL/pgSQL: not inlined, so the planner estimates the prefix test from the index's statistics and
-- this one as an ordinary boolean function, rather than guessing that an equality on a float is very rare.
CREATE FUNCTION crm_search_is_top(search_text text, query text) RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$ BEGIN RETURN crm_search_rank(search_text, query) >= 2; END $$;

CREATE INDEX contacts_search_head ON contacts (workspace_id, crm_search_head(search_text) text_pattern_ops);
CREATE INDEX companies_search_head ON companies (workspace_id, crm_search_head(search_text) text_pattern_ops);
CREATE INDEX deals_search_head ON deals (workspace_id, crm_search_head(search_text) text_pattern_ops);

-- Statistics for the new expression indexes, so the planner can tell a common prefix from a rare one at once.
ANALYZE contacts;
ANALYZE companies;
ANALYZE deals;
