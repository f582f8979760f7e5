-- What the database alone needs to insert imported contacts, with every index and trigger a contact has, as the
-- application role under row-level security: the floor under any CSV import, whatever the host does.
-- 10,000 copies of the workspace's newest contacts (emails changed so no key repeats) are inserted three ways, each
-- rolled back: one statement of 10,000 rows; 100 statements of 100 rows; 10,000 statements of one row (the
-- import's shape today: EF sends one INSERT a record, batched into one round trip).
--
--   psql "<owner connection string>" -v ws=<workspace id> -f tests/HeadlessCrm.Benchmarks/import-floor.sql
--
-- Read the three "Time:" lines; docs/performance.md ("CSV import", third round) has the results.

\set QUIET on
\pset footer off
CREATE TEMP TABLE floor_rows AS
    SELECT workspace_id, gen_random_uuid() AS id, first_name, last_name, emails,
           ARRAY(SELECT k || '.floor' FROM unnest(email_keys) AS k) AS email_keys, phones, phone_keys, title, company_id,
           lifecycle_stage, source, owner_id, tags, custom_fields, now() AS created_at, now() AS updated_at,
           row_number() OVER (ORDER BY created_at DESC) AS n
    FROM (SELECT * FROM contacts WHERE workspace_id = :'ws' AND archived_at IS NULL ORDER BY created_at DESC LIMIT 10000) AS newest;
CREATE INDEX ON floor_rows (n);
ANALYZE floor_rows;
GRANT SELECT ON floor_rows TO crm_app;

\echo one statement of 10,000 rows
BEGIN;
SELECT set_config('app.workspace_id', :'ws', true) \g /dev/null
SET LOCAL ROLE crm_app;
\timing on
INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title, company_id,
                      lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at)
SELECT workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title, company_id,
       lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at
FROM floor_rows;
\timing off
ROLLBACK;

\echo 100 statements of 100 rows
BEGIN;
SELECT set_config('app.workspace_id', :'ws', true) \g /dev/null
SET LOCAL ROLE crm_app;
\timing on
DO $$
BEGIN
    FOR chunk IN 0..99 LOOP
        INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title,
                              company_id, lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at)
        SELECT workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title, company_id,
               lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at
        FROM floor_rows WHERE n BETWEEN chunk * 100 + 1 AND chunk * 100 + 100;
    END LOOP;
END
$$;
\timing off
ROLLBACK;

\echo 10,000 statements of one row
BEGIN;
SELECT set_config('app.workspace_id', :'ws', true) \g /dev/null
SET LOCAL ROLE crm_app;
\timing on
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM floor_rows ORDER BY n LOOP
        INSERT INTO contacts (workspace_id, id, first_name, last_name, emails, email_keys, phones, phone_keys, title,
                              company_id, lifecycle_stage, source, owner_id, tags, custom_fields, created_at, updated_at)
        VALUES (r.workspace_id, r.id, r.first_name, r.last_name, r.emails, r.email_keys, r.phones, r.phone_keys, r.title,
                r.company_id, r.lifecycle_stage, r.source, r.owner_id, r.tags, r.custom_fields, r.created_at, r.updated_at);
    END LOOP;
END
$$;
\timing off
ROLLBACK;
