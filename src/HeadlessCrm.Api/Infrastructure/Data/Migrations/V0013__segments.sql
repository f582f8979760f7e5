-- Segments: saved filter trees over contacts, companies or deals, shared by the workspace and evaluated live (the
-- members are never stored, so a segment is never stale and each caller sees only the members they may see).

CREATE TABLE segments (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    object text NOT NULL CHECK (object IN ('contacts', 'companies', 'deals')),
    filter jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX segments_object ON segments (workspace_id, object, created_at);

ALTER TABLE segments ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON segments
    USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());
