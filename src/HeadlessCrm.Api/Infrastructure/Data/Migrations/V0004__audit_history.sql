-- Who changed what, when: one row per change of a record, written in the same transaction as the change.
-- Append-only for the application (no UPDATE or DELETE granted to crm_app).

CREATE TABLE audit_events (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    action text NOT NULL,
    actor text NOT NULL,
    actor_member_id uuid,
    changes jsonb NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_events_record ON audit_events (workspace_id, record_type, record_id, occurred_at, id);
CREATE INDEX audit_events_time ON audit_events (workspace_id, occurred_at, id);

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON audit_events USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());
REVOKE UPDATE, DELETE ON audit_events FROM crm_app;
