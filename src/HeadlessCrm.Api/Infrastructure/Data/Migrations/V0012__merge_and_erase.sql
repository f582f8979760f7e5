-- Merging duplicates, and erasing a person (GDPR art. 17).

-- A merged contact or company is archived and points at the record it was merged into, so reads of it (and old
-- links) can be followed to the survivor. Erasing a survivor erases the records merged into it first.
ALTER TABLE contacts ADD COLUMN merged_into_id uuid;
ALTER TABLE contacts ADD FOREIGN KEY (workspace_id, merged_into_id) REFERENCES contacts (workspace_id, id);
CREATE INDEX contacts_merged_into ON contacts (workspace_id, merged_into_id) WHERE merged_into_id IS NOT NULL;

ALTER TABLE companies ADD COLUMN merged_into_id uuid;
ALTER TABLE companies ADD FOREIGN KEY (workspace_id, merged_into_id) REFERENCES companies (workspace_id, id);
CREATE INDEX companies_merged_into ON companies (workspace_id, merged_into_id) WHERE merged_into_id IS NOT NULL;

-- An erasure that blocks re-import keeps, per erased email address, only a one-way hash:
-- sha256(workspace id || ':' || normalised email), hex. Nothing else of the person remains.
CREATE TABLE erasure_blocks (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    email_hash text NOT NULL CHECK (email_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, email_hash)
);
ALTER TABLE erasure_blocks ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON erasure_blocks USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());

-- The audit trail is append-only for the application; erasure is the one exception, so it goes through this function,
-- which only blanks (never deletes) the history of the given records of the caller's workspace, and the events' copies.
CREATE FUNCTION crm_erase_history(p_record_type text, p_record_ids uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
    blanked integer;
BEGIN
    UPDATE audit_events SET changes = '{"erased": true}'
    WHERE workspace_id = crm_workspace() AND record_type = p_record_type AND record_id = ANY (p_record_ids);
    GET DIAGNOSTICS blanked = ROW_COUNT;
    UPDATE outbox_events SET payload = '{"erased": true}'
    WHERE workspace_id = crm_workspace() AND record_type = p_record_type AND record_id = ANY (p_record_ids);
    RETURN blanked;
END
$$;
REVOKE ALL ON FUNCTION crm_erase_history(text, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crm_erase_history(text, uuid[]) TO crm_app;
