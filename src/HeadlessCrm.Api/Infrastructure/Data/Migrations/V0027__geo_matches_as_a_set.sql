-- The geo radius filter as a set of ids (issue #8). V0016's crm_geo_hit inlined to `id = ANY (crm_geo_ids(…))`: its
-- array is computed once only while the primary key is the index the plan walks. A page ordered by another index (a
-- segment's members, newest first) walks that index and tests each row, calling crm_geo_ids — a GiST search of the
-- whole circle — again for every row it meets: a page of the contacts within 50 km of Berlin (26,930 of 1M) ran into
-- the 30 s command timeout. As V0020's crm_filter_ids, the application's query now says
-- `id IN (SELECT id FROM crm_geo_matches(…))`: the set is computed once, then hashed or joined by primary key. Tenant,
-- visibility and archived state stay in the application's query; crm_geo_ids stays the one search below row-level
-- security.
CREATE FUNCTION crm_geo_matches(record_type text, centre_latitude double precision, centre_longitude double precision,
                                radius_km double precision) RETURNS TABLE (id uuid)
    LANGUAGE sql STABLE
    AS $$ SELECT unnest(crm_geo_ids(record_type, centre_latitude, centre_longitude, radius_km)) $$;
REVOKE ALL ON FUNCTION crm_geo_matches(text, double precision, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_geo_matches(text, double precision, double precision, double precision) TO crm_app;

DROP FUNCTION crm_geo_hit(text, double precision, double precision, double precision, uuid);
