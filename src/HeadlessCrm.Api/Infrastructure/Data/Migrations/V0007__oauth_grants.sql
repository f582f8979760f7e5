-- The authorization server's grants: what a member allowed a client at sign-in, the one-time codes and the rotating
-- refresh tokens handed out under it, and the deny-list of revoked access tokens. Like oauth_clients and
-- signing_keys these are credential stores: a code or refresh token arrives before its workspace is known and is
-- found by the SHA-256 of its value, which only its holder knows, so they carry no row-level-security policy. Every
-- lookup also names the authenticated client, which pins the workspace. workspace_id is kept for sharding.

CREATE TABLE oauth_grants (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    client_id text NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    subject text NOT NULL,
    scopes text[] NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX oauth_grants_client ON oauth_grants (client_id);
CREATE INDEX oauth_grants_created ON oauth_grants (created_at);

CREATE TABLE oauth_authorization_codes (
    code_hash text PRIMARY KEY,
    grant_id uuid NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    redirect_uri text NOT NULL,
    code_challenge text NOT NULL,
    expires_at timestamptz NOT NULL,
    redeemed_at timestamptz
);
CREATE INDEX oauth_authorization_codes_grant ON oauth_authorization_codes (grant_id);
CREATE INDEX oauth_authorization_codes_expires ON oauth_authorization_codes (expires_at);

CREATE TABLE oauth_refresh_tokens (
    token_hash text PRIMARY KEY,
    grant_id uuid NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    replaced_at timestamptz
);
CREATE INDEX oauth_refresh_tokens_grant ON oauth_refresh_tokens (grant_id);
CREATE INDEX oauth_refresh_tokens_expires ON oauth_refresh_tokens (expires_at);

-- 'jti:<id>' for one access token, 'grant:<id>' for every token of a grant; kept until those tokens expire.
CREATE TABLE oauth_revoked_tokens (
    token_id text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_revoked_tokens_expires ON oauth_revoked_tokens (expires_at);

-- ASP.NET Core Data Protection's key ring (it protects the sign-in form's antiforgery tokens), shared by every host.
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
