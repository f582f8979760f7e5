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

-- The ids of the current workspace's contacts or companies within the radius. Row-level security keeps PostgreSQL
-- from using a non-leakproof operator (cube's <@ is one) as an index condition for crm_app, so filtered directly the
-- index above would never serve the application: every radius query would read the whole workspace. This function
-- runs as the owner, whom the policies do not restrict, reads only the workspace the policies would allow
-- (crm_workspace()), and returns ids alone; the caller's query then applies tenant, visibility and every other
-- condition as usual (`id = ANY (crm_geo_ids(…))` is an index condition on the primary key).
CREATE FUNCTION crm_geo_ids(record_type text, centre_latitude double precision, centre_longitude double precision,
                            radius_km double precision) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    ids uuid[];
BEGIN
    IF record_type NOT IN ('contacts', 'companies') THEN
        RAISE EXCEPTION 'crm_geo_ids: no geo points on %', record_type;
    END IF;
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM %I WHERE workspace_id = crm_workspace()
                        AND latitude IS NOT NULL AND longitude IS NOT NULL
                        AND crm_geo_within(latitude, longitude, $1, $2, $3)', record_type)
        INTO ids USING centre_latitude, centre_longitude, radius_km;
    RETURN ids;
END
$$;
REVOKE ALL ON FUNCTION crm_geo_ids(text, double precision, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_geo_ids(text, double precision, double precision, double precision) TO crm_app;

-- The test the application writes: inlined to `id = ANY (crm_geo_ids(…))`, which names no column inside a function,
-- so row-level security lets it be the primary key's index condition (the array is computed once per query).
CREATE FUNCTION crm_geo_hit(record_type text, centre_latitude double precision, centre_longitude double precision,
                            radius_km double precision, id uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT id = ANY (crm_geo_ids(record_type, centre_latitude, centre_longitude, radius_km)) $$;

-- Similar company names for duplicate detection: pg_trgm's % (similarity above pg_trgm.similarity_threshold, 0.3 by
-- default) is what a trigram index answers; the finder checks its own, stricter threshold on the candidates. A plain
-- SQL function so the planner inlines it and probes the index once per company instead of comparing every pair.
CREATE FUNCTION crm_names_similar(a text, b text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT a OPERATOR(public.%) b $$;
CREATE INDEX companies_name_trgm ON companies USING gin (workspace_id, name gin_trgm_ops);

-- The ids of the current workspace's live records of one type that match a query. Row-level security keeps the
-- planner from using LIKE, <% or @@ (not leakproof) as index conditions for crm_app, so crm_search_matches, filtered
-- directly by the application, read every row of the workspace (seconds over a million contacts). As crm_geo_ids,
-- this runs as the owner over exactly the workspace the policies allow, and the caller's query applies tenant,
-- visibility, ranking and paging to the ids.
CREATE FUNCTION crm_search_ids(record_type text, query text) RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    ids uuid[];
BEGIN
    IF record_type NOT IN ('contacts', 'companies', 'deals') THEN
        RAISE EXCEPTION 'crm_search_ids: % is not searched', record_type;
    END IF;
    EXECUTE format('SELECT coalesce(array_agg(id), ''{}'') FROM %I WHERE workspace_id = crm_workspace()
                        AND archived_at IS NULL AND crm_search_matches(search_text, $1)', record_type)
        INTO ids USING query;
    RETURN ids;
END
$$;
REVOKE ALL ON FUNCTION crm_search_ids(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_search_ids(text, text) TO crm_app;

-- As crm_geo_hit: inlined to `id = ANY (crm_search_ids(…))`, a primary-key index condition.
CREATE FUNCTION crm_search_hit(record_type text, query text, id uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT id = ANY (crm_search_ids(record_type, query)) $$;
