-- The core CRM model. Every tenant table carries workspace_id, leads its primary key and every index with it,
-- and references other tenant rows through (workspace_id, id): a row can never point into another workspace,
-- and the schema stays ready to be distributed by workspace_id (Citus).

-- GIN indexes that lead with workspace_id (uuid) need btree_gin (a trusted contrib extension).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE workspaces (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE teams (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE members (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    team_id uuid,
    password_hash text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id)
);
CREATE UNIQUE INDEX members_email ON members (workspace_id, lower(email));
CREATE INDEX members_team ON members (workspace_id, team_id);

CREATE TABLE companies (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL,
    domain text,
    kind text NOT NULL CHECK (kind IN ('customer', 'partner', 'supplier', 'competitor', 'prospect')),
    industry text,
    employee_count integer CHECK (employee_count >= 0),
    phone text,
    address_street text,
    address_city text,
    address_region text,
    address_postal_code text,
    address_country text,
    latitude double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude double precision CHECK (longitude BETWEEN -180 AND 180),
    owner_id uuid,
    tags text[] NOT NULL DEFAULT '{}',
    custom_fields jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES members (workspace_id, id),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX companies_created ON companies (workspace_id, created_at, id);
CREATE INDEX companies_updated ON companies (workspace_id, updated_at, id);
CREATE INDEX companies_name ON companies (workspace_id, name, id);
CREATE INDEX companies_domain ON companies (workspace_id, domain);
CREATE INDEX companies_owner ON companies (workspace_id, owner_id, created_at, id);
CREATE INDEX companies_tags ON companies USING gin (workspace_id, tags);

CREATE TABLE contacts (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    first_name text,
    last_name text,
    sort_name text GENERATED ALWAYS AS (lower(coalesce(last_name, '') || ' ' || coalesce(first_name, ''))) STORED,
    emails jsonb NOT NULL DEFAULT '[]',
    email_keys text[] NOT NULL DEFAULT '{}',
    phones jsonb NOT NULL DEFAULT '[]',
    phone_keys text[] NOT NULL DEFAULT '{}',
    title text,
    company_id uuid,
    birthday date,
    address_street text,
    address_city text,
    address_region text,
    address_postal_code text,
    address_country text,
    latitude double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude double precision CHECK (longitude BETWEEN -180 AND 180),
    lifecycle_stage text NOT NULL CHECK (lifecycle_stage IN ('lead', 'qualified', 'customer', 'lapsed', 'churned')),
    source text CHECK (source IN ('organic_search', 'paid_ads', 'email', 'social', 'event', 'referral', 'web_form', 'phone', 'other')),
    owner_id uuid,
    tags text[] NOT NULL DEFAULT '{}',
    custom_fields jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES members (workspace_id, id),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX contacts_created ON contacts (workspace_id, created_at, id);
CREATE INDEX contacts_updated ON contacts (workspace_id, updated_at, id);
CREATE INDEX contacts_name ON contacts (workspace_id, sort_name, id);
CREATE INDEX contacts_company ON contacts (workspace_id, company_id, created_at, id);
CREATE INDEX contacts_owner ON contacts (workspace_id, owner_id, created_at, id);
CREATE INDEX contacts_stage ON contacts (workspace_id, lifecycle_stage, created_at, id);
CREATE INDEX contacts_source ON contacts (workspace_id, source, created_at, id);
CREATE INDEX contacts_email_keys ON contacts USING gin (workspace_id, email_keys);
CREATE INDEX contacts_phone_keys ON contacts USING gin (workspace_id, phone_keys);
CREATE INDEX contacts_tags ON contacts USING gin (workspace_id, tags);

CREATE TABLE pipelines (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    name text NOT NULL,
    position integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX pipelines_position ON pipelines (workspace_id, position, id);

CREATE TABLE pipeline_stages (
    workspace_id uuid NOT NULL,
    id uuid NOT NULL,
    pipeline_id uuid NOT NULL,
    name text NOT NULL,
    position integer NOT NULL,
    probability numeric(4, 3) NOT NULL CHECK (probability BETWEEN 0 AND 1),
    kind text NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, pipeline_id, id),
    FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines (workspace_id, id)
);
CREATE INDEX pipeline_stages_position ON pipeline_stages (workspace_id, pipeline_id, position);

CREATE TABLE deals (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    title text NOT NULL,
    amount numeric(19, 4) CHECK (amount >= 0),
    currency char(3),
    pipeline_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    stage_entered_at timestamptz NOT NULL,
    expected_close_date date,
    status text NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    lost_reason text,
    closed_at timestamptz,
    company_id uuid,
    owner_id uuid,
    tags text[] NOT NULL DEFAULT '{}',
    custom_fields jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, pipeline_id, stage_id) REFERENCES pipeline_stages (workspace_id, pipeline_id, id),
    FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES members (workspace_id, id),
    CHECK ((amount IS NULL) OR (currency IS NOT NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL)),
    CHECK ((status = 'lost') OR (lost_reason IS NULL))
);
CREATE INDEX deals_created ON deals (workspace_id, created_at, id);
CREATE INDEX deals_updated ON deals (workspace_id, updated_at, id);
CREATE INDEX deals_amount ON deals (workspace_id, amount, id);
CREATE INDEX deals_close_date ON deals (workspace_id, expected_close_date, id);
CREATE INDEX deals_stage ON deals (workspace_id, stage_id, created_at, id);
CREATE INDEX deals_pipeline ON deals (workspace_id, pipeline_id, status, created_at, id);
CREATE INDEX deals_owner ON deals (workspace_id, owner_id, created_at, id);
CREATE INDEX deals_company ON deals (workspace_id, company_id, created_at, id);
CREATE INDEX deals_tags ON deals USING gin (workspace_id, tags);

CREATE TABLE deal_contacts (
    workspace_id uuid NOT NULL,
    deal_id uuid NOT NULL,
    contact_id uuid NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, deal_id, contact_id),
    FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id)
);
CREATE INDEX deal_contacts_contact ON deal_contacts (workspace_id, contact_id, deal_id);

CREATE TABLE deal_stage_history (
    workspace_id uuid NOT NULL,
    id uuid NOT NULL,
    deal_id uuid NOT NULL,
    pipeline_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    entered_at timestamptz NOT NULL,
    left_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id),
    FOREIGN KEY (workspace_id, pipeline_id, stage_id) REFERENCES pipeline_stages (workspace_id, pipeline_id, id)
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history (workspace_id, deal_id, entered_at);
CREATE INDEX deal_stage_history_stage ON deal_stage_history (workspace_id, stage_id, entered_at);

CREATE TABLE activities (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    type text NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note', 'task')),
    subject text,
    body text,
    occurred_at timestamptz,
    due_at timestamptz,
    reminder_at timestamptz,
    completed_at timestamptz,
    duration_seconds integer CHECK (duration_seconds >= 0),
    direction text CHECK (direction IN ('inbound', 'outbound')),
    outcome text,
    recording_url text,
    owner_id uuid,
    contact_id uuid,
    company_id uuid,
    deal_id uuid,
    timeline_at timestamptz GENERATED ALWAYS AS (coalesce(occurred_at, due_at, created_at)) STORED,
    tags text[] NOT NULL DEFAULT '{}',
    custom_fields jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES members (workspace_id, id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id),
    FOREIGN KEY (workspace_id, company_id) REFERENCES companies (workspace_id, id),
    FOREIGN KEY (workspace_id, deal_id) REFERENCES deals (workspace_id, id)
);
CREATE INDEX activities_created ON activities (workspace_id, created_at, id);
CREATE INDEX activities_updated ON activities (workspace_id, updated_at, id);
CREATE INDEX activities_timeline ON activities (workspace_id, timeline_at, id);
CREATE INDEX activities_contact ON activities (workspace_id, contact_id, timeline_at, id);
CREATE INDEX activities_company ON activities (workspace_id, company_id, timeline_at, id);
CREATE INDEX activities_deal ON activities (workspace_id, deal_id, timeline_at, id);
CREATE INDEX activities_owner ON activities (workspace_id, owner_id, created_at, id);
CREATE INDEX activities_open_tasks ON activities (workspace_id, due_at, id) WHERE type = 'task' AND completed_at IS NULL;

-- OAuth: clients are found by client_id before any workspace is known; signing keys serve every workspace.
CREATE TABLE oauth_clients (
    id uuid PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    client_id text NOT NULL UNIQUE,
    name text NOT NULL,
    secret_hash text,
    allowed_scopes text[] NOT NULL,
    redirect_uris text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX oauth_clients_workspace ON oauth_clients (workspace_id);

CREATE TABLE signing_keys (
    id text PRIMARY KEY,
    algorithm text NOT NULL,
    private_key bytea NOT NULL,
    created_at timestamptz NOT NULL,
    signs_from timestamptz NOT NULL,
    signs_until timestamptz NOT NULL,
    published_until timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    subject text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer,
    response_headers jsonb,
    response_body bytea,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, subject, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
