-- CSV import jobs. A job is created with its column mapping, then its file is uploaded and staged here row by row
-- (COPY while the upload streams in, so no host holds the file), then background workers on any host run it in
-- chunks, committing each chunk's records, its failed rows and the job's progress together.

CREATE TABLE import_jobs (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    object text NOT NULL CHECK (object IN ('contacts', 'companies', 'deals', 'activities')),
    columns jsonb NOT NULL,
    match_by text,
    dry_run boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'queued', 'running', 'done', 'failed', 'cancelled')),
    file_name text,
    header text[],
    rows_total integer NOT NULL DEFAULT 0,
    rows_done integer NOT NULL DEFAULT 0,
    rows_created integer NOT NULL DEFAULT 0,
    rows_updated integer NOT NULL DEFAULT 0,
    rows_failed integer NOT NULL DEFAULT 0,
    -- the last row number run (rows are numbered as a spreadsheet shows them: the header is row 1)
    last_row integer NOT NULL DEFAULT 1,
    error text,
    failures integer NOT NULL DEFAULT 0,
    created_by_subject text NOT NULL,
    created_by_member_id uuid,
    scopes text[] NOT NULL,
    claimed_by uuid,
    claimed_until timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, created_by_member_id) REFERENCES members (workspace_id, id)
);
CREATE INDEX import_jobs_created ON import_jobs (workspace_id, created_at, id);
-- What the workers claim, across workspaces (like the outbox's pending index).
CREATE INDEX import_jobs_due ON import_jobs (created_at) WHERE status IN ('queued', 'running');

-- The staged rows of a job's file. A row that ran successfully is deleted in the transaction that ran it; a failed
-- row stays, with its errors, for the errors download, until the job's rows are purged.
CREATE TABLE import_rows (
    workspace_id uuid NOT NULL,
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    cells text[] NOT NULL,
    problem text,
    errors jsonb,
    PRIMARY KEY (workspace_id, import_id, row_number),
    FOREIGN KEY (workspace_id, import_id) REFERENCES import_jobs (workspace_id, id) ON DELETE CASCADE
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['import_jobs', 'import_rows']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;

-- A worker takes one due job: queued, or running under a lease that lapsed (its host died) or that it holds itself.
CREATE FUNCTION crm_claim_import(p_host uuid, p_now timestamptz, p_lease interval)
    RETURNS TABLE (workspace_id uuid, import_id uuid)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE import_jobs AS j
    SET status = 'running', claimed_by = p_host, claimed_until = p_now + p_lease, started_at = coalesce(j.started_at, p_now)
    FROM (SELECT i.workspace_id, i.id FROM import_jobs AS i
          WHERE i.status IN ('queued', 'running')
            AND (i.claimed_until IS NULL OR i.claimed_until < p_now OR i.claimed_by = p_host)
          ORDER BY i.created_at LIMIT 1 FOR UPDATE SKIP LOCKED) AS due
    WHERE j.workspace_id = due.workspace_id AND j.id = due.id
    RETURNING j.workspace_id, j.id
$$;
REVOKE ALL ON FUNCTION crm_claim_import(uuid, timestamptz, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_claim_import(uuid, timestamptz, interval) TO crm_app;

-- Staged rows of jobs that ended long enough ago are deleted (they hold the file's personal data); the jobs stay.
CREATE FUNCTION crm_purge_import_rows(p_before timestamptz) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    purged integer;
BEGIN
    DELETE FROM import_rows AS r USING import_jobs AS j
    WHERE r.workspace_id = j.workspace_id AND r.import_id = j.id
      AND j.status IN ('done', 'failed', 'cancelled') AND j.finished_at < p_before;
    GET DIAGNOSTICS purged = ROW_COUNT;
    RETURN purged;
END
$$;
REVOKE ALL ON FUNCTION crm_purge_import_rows(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_purge_import_rows(timestamptz) TO crm_app;
