-- The second wall between workspaces. The application connects as crm_app, a role that owns nothing, is not a
-- superuser and has no BYPASSRLS, so PostgreSQL itself applies these policies to every statement it sends. Each
-- statement carries the caller's workspace in app.workspace_id (set in the same round trip); with none set, a
-- tenant table shows no rows and accepts none. Migrations run as the owner, which the policies do not restrict.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_app') THEN
        CREATE ROLE crm_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO crm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO crm_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO crm_app;
-- The history of migrations is the owner's business; the application only reads it (readiness).
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM crm_app;

CREATE FUNCTION crm_workspace() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['teams', 'members', 'companies', 'contacts', 'pipelines', 'pipeline_stages', 'deals',
        'deal_contacts', 'deal_stage_history', 'activities', 'idempotency_keys', 'personal_access_tokens']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY workspace_isolation ON %I USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace())', t);
    END LOOP;
END
$$;

ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON workspaces USING (id = crm_workspace()) WITH CHECK (id = crm_workspace());

-- A personal access token arrives before its workspace is known: the application may resolve a token it holds
-- (by its hash), nothing more. Stale last-use times are refreshed on the way.
CREATE FUNCTION crm_resolve_personal_token(p_hash text, p_now timestamptz)
    RETURNS TABLE (workspace_id uuid, token_id uuid, member_id uuid, scopes text[])
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
    UPDATE personal_access_tokens AS t SET last_used_at = p_now
    WHERE t.token_hash = p_hash AND (t.last_used_at IS NULL OR t.last_used_at < p_now - interval '1 minute');
    RETURN QUERY
        SELECT t.workspace_id, t.id, t.member_id, t.scopes
        FROM personal_access_tokens AS t
        JOIN members AS m ON m.workspace_id = t.workspace_id AND m.id = t.member_id
        WHERE t.token_hash = p_hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > p_now)
          AND m.archived_at IS NULL;
END
$$;

-- Likewise an invitation token: which workspace and member it is for, if it is still good.
CREATE FUNCTION crm_resolve_invitation(p_hash text, p_now timestamptz)
    RETURNS TABLE (workspace_id uuid, member_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT m.workspace_id, m.id FROM members AS m
    WHERE m.invitation_hash = p_hash AND m.invitation_expires_at > p_now AND m.archived_at IS NULL
$$;

REVOKE ALL ON FUNCTION crm_resolve_personal_token(text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION crm_resolve_invitation(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_resolve_personal_token(text, timestamptz), crm_resolve_invitation(text, timestamptz) TO crm_app;
