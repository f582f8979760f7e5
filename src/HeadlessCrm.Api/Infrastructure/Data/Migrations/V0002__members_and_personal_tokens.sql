-- People who sign in: invitations, and personal access tokens (opaque, stored as SHA-256 hashes, shown once).

ALTER TABLE members
    ADD COLUMN invitation_hash text,
    ADD COLUMN invitation_expires_at timestamptz;
CREATE UNIQUE INDEX members_invitation ON members (invitation_hash) WHERE invitation_hash IS NOT NULL;

ALTER TABLE teams ADD COLUMN archived_at timestamptz;

CREATE TABLE personal_access_tokens (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash text NOT NULL,
    scopes text[] NOT NULL,
    expires_at timestamptz,
    last_used_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, member_id) REFERENCES members (workspace_id, id)
);
-- Found by hash before the workspace is known (the token is all the request carries).
CREATE UNIQUE INDEX personal_access_tokens_hash ON personal_access_tokens (token_hash);
CREATE INDEX personal_access_tokens_member ON personal_access_tokens (workspace_id, member_id);
