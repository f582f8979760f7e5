-- Seeds one workspace with report-sized data: 50 members in 5 teams, 3 pipelines, 200k contacts, 1M deals with
-- ~3.1M stage stays, 1M deal-contact links and 3M activities, spread over the three years before now.
-- Run as the schema's owner (row-level security does not bind it) against a migrated database whose workspace
-- already exists (the host's bootstrap makes it):
--   psql -v ws=<workspace id> -f tests/perf/reports-seed.sql <connection>
-- Sizes can be scaled down for a quick check: -v deals=10000 -v activities=30000 -v contacts=2000.
-- Deterministic: setseed() fixes random(), so every run builds the same data (ids aside).
\set ON_ERROR_STOP on
\if :{?deals} \else \set deals 1000000 \endif
\if :{?activities} \else \set activities 3000000 \endif
\if :{?contacts} \else \set contacts 200000 \endif

SELECT setseed(0.42) \gset
SET app.workspace_id = :'ws';
-- The rows below are consistent by construction: skip the foreign-key triggers, which would otherwise dominate the
-- run (millions of lookups). Needs a superuser, like the rest of this script.
SET session_replication_role = replica;
BEGIN;

CREATE TEMP TABLE seed_members AS
SELECT n, gen_random_uuid() AS id, (n - 1) / 10 AS team_no FROM generate_series(1, 50) n;
CREATE TEMP TABLE seed_teams AS SELECT t AS team_no, gen_random_uuid() AS id FROM generate_series(0, 4) t;

INSERT INTO teams (workspace_id, id, name, created_at, updated_at)
SELECT :'ws', id, 'Team ' || team_no, now(), now() FROM seed_teams;
INSERT INTO members (workspace_id, id, email, name, role, team_id, created_at, updated_at)
SELECT :'ws', m.id, 'seed' || m.n || '@perf.example', 'Seed member ' || m.n,
       CASE WHEN m.n % 10 = 1 THEN 'manager' ELSE 'rep' END, t.id, now(), now()
FROM seed_members m JOIN seed_teams t USING (team_no);

-- Three pipelines: four open stages (0.1, 0.3, 0.6, 0.8), won, lost.
CREATE TEMP TABLE seed_pipelines AS SELECT p AS pipeline_no, gen_random_uuid() AS id FROM generate_series(0, 2) p;
INSERT INTO pipelines (workspace_id, id, name, position, created_at, updated_at)
SELECT :'ws', id, 'Pipeline ' || pipeline_no, 100 + pipeline_no, now(), now() FROM seed_pipelines;
CREATE TEMP TABLE seed_stages AS
SELECT p.pipeline_no, p.id AS pipeline_id, s.pos, gen_random_uuid() AS id,
       (ARRAY['Qualify', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'])[s.pos + 1] AS name,
       (ARRAY[0.1, 0.3, 0.6, 0.8, 1, 0])[s.pos + 1]::numeric(4, 3) AS probability,
       CASE s.pos WHEN 4 THEN 'won' WHEN 5 THEN 'lost' ELSE 'open' END AS kind
FROM seed_pipelines p CROSS JOIN generate_series(0, 5) s(pos);
INSERT INTO pipeline_stages (workspace_id, id, pipeline_id, name, position, probability, kind, created_at, updated_at)
SELECT :'ws', id, pipeline_id, name, pos, probability, kind, now(), now() FROM seed_stages;

INSERT INTO contacts (workspace_id, id, first_name, last_name, lifecycle_stage, source, owner_id, created_at, updated_at)
SELECT :'ws', gen_random_uuid(), 'First' || g.n, 'Last' || g.n,
       (ARRAY['lead', 'lead', 'lead', 'lead', 'lead', 'qualified', 'qualified', 'customer', 'customer', 'lapsed', 'churned', 'customer'])[1 + floor(random() * 12)::int],
       (ARRAY['organic_search', 'paid_ads', 'email', 'social', 'event', 'referral', 'web_form', 'phone', 'other', NULL])[1 + floor(random() * 10)::int],
       m.id, created, created
FROM (SELECT n, now() - random() * interval '1095 days' AS created FROM generate_series(1, :contacts) n) g
JOIN seed_members m ON m.n = 1 + (g.n * 7919) % 50;
CREATE TEMP TABLE seed_contacts AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM contacts WHERE workspace_id = :'ws';

-- Deals: each reaches 1–4 open stages, then 30% are won, 30% lost, 40% still open; each stay lasts 1–20 days.
CREATE TEMP TABLE seed_deals AS
SELECT n, gen_random_uuid() AS id, n % 3 AS pipeline_no, 1 + (n * 31) % 50 AS member_no,
       1 + floor(random() * 4)::int AS open_stages,
       CASE WHEN r < 0.3 THEN 'won' WHEN r < 0.6 THEN 'lost' ELSE 'open' END AS status,
       now() - interval '30 days' - random() * interval '1065 days' AS created_at,
       round((100 + random() * 99900)::numeric, 2) AS amount,
       CASE WHEN c < 0.6 THEN 'EUR' WHEN c < 0.9 THEN 'USD' ELSE 'GBP' END AS currency
FROM (SELECT n, random() AS r, random() AS c FROM generate_series(1, :deals) n) g;

CREATE TEMP TABLE seed_stays AS
SELECT d.id AS deal_id, st.id AS stage_id, st.pipeline_id, k AS step,
       d.created_at + sum(days) OVER (PARTITION BY d.id ORDER BY k) - days AS entered_at,
       d.created_at + sum(days) OVER (PARTITION BY d.id ORDER BY k) AS left_at,
       (k = d.open_stages + CASE WHEN d.status = 'open' THEN 0 ELSE 1 END) AS last
FROM seed_deals d
CROSS JOIN LATERAL generate_series(1, d.open_stages + CASE WHEN d.status = 'open' THEN 0 ELSE 1 END) k
CROSS JOIN LATERAL (SELECT (1 + floor(random() * 20)) * interval '1 day' + random() * interval '1 hour' AS days) dur
JOIN seed_stages st ON st.pipeline_no = d.pipeline_no
 AND st.pos = CASE WHEN k <= d.open_stages THEN k - 1 WHEN d.status = 'won' THEN 4 ELSE 5 END;

INSERT INTO deals (workspace_id, id, title, amount, currency, pipeline_id, stage_id, stage_entered_at, expected_close_date,
                   status, lost_reason, closed_at, owner_id, created_at, updated_at)
SELECT :'ws', d.id, 'Deal ' || d.n, d.amount, d.currency, s.pipeline_id, s.stage_id, s.entered_at,
       CASE WHEN d.status = 'open' THEN (now() + random() * interval '365 days')::date ELSE s.entered_at::date END,
       d.status, CASE WHEN d.status = 'lost' THEN 'Price' END, CASE WHEN d.status <> 'open' THEN s.entered_at END,
       m.id, d.created_at, d.created_at
FROM seed_deals d
JOIN seed_stays s ON s.deal_id = d.id AND s.last
JOIN seed_members m ON m.n = d.member_no;

INSERT INTO deal_stage_history (workspace_id, id, deal_id, pipeline_id, stage_id, entered_at, left_at, created_at, updated_at)
SELECT :'ws', gen_random_uuid(), deal_id, pipeline_id, stage_id, entered_at, CASE WHEN NOT last THEN left_at END, entered_at, entered_at
FROM seed_stays;

INSERT INTO deal_contacts (workspace_id, deal_id, contact_id, created_at)
SELECT :'ws', d.id, c.id, d.created_at FROM seed_deals d JOIN seed_contacts c ON c.n = 1 + (d.n::bigint * 104729) % :contacts;

-- Activities: 30% calls, 30% emails, 10% meetings, 10% notes, 20% tasks (70% of them completed, some late). Calls,
-- emails, meetings and notes happened in the last three years; tasks are due from three years ago to 30 days ahead.
INSERT INTO activities (workspace_id, id, type, subject, occurred_at, due_at, completed_at, owner_id, contact_id, created_at, updated_at)
SELECT :'ws', gen_random_uuid(), type, 'Seed ' || type,
       CASE WHEN type <> 'task' THEN at END,
       CASE WHEN type = 'task' THEN at END,
       CASE WHEN type = 'task' AND done < 0.7 THEN least(at + (random() * 4 - 2) * interval '1 day', now()) END,
       m.id, c.id, least(at - interval '1 day', now()), least(at - interval '1 day', now())
FROM (
    SELECT n, type, CASE WHEN type = 'task' THEN now() + interval '30 days' ELSE now() END - random() * interval '1095 days' AS at, random() AS done
    FROM (SELECT n, CASE WHEN t < 0.3 THEN 'call' WHEN t < 0.6 THEN 'email' WHEN t < 0.7 THEN 'meeting' WHEN t < 0.8 THEN 'note' ELSE 'task' END AS type
          FROM (SELECT n, random() AS t FROM generate_series(1, :activities) n) r) typed
) a
JOIN seed_members m ON m.n = 1 + (a.n * 17) % 50
LEFT JOIN seed_contacts c ON c.n = 1 + (a.n * 7) % :contacts AND a.n % 5 <> 0;
COMMIT;

VACUUM ANALYZE teams, members, pipelines, pipeline_stages, contacts, deals, deal_stage_history, deal_contacts, activities;
SELECT (SELECT count(*) FROM deals WHERE workspace_id = :'ws') AS deals,
       (SELECT count(*) FROM deal_stage_history WHERE workspace_id = :'ws') AS stage_stays,
       (SELECT count(*) FROM activities WHERE workspace_id = :'ws') AS activities,
       (SELECT count(*) FROM contacts WHERE workspace_id = :'ws') AS contacts;
