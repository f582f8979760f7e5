-- Custom field definitions: per workspace and object (contacts, companies, deals, activities), a stable key, a
-- label, a type and its rules. The values live in each record's custom_fields jsonb under the key.

CREATE TABLE custom_field_definitions (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id uuid NOT NULL,
    object text NOT NULL CHECK (object IN ('contacts', 'companies', 'deals', 'activities')),
    key text NOT NULL CHECK (key ~ '^[a-z][a-zA-Z0-9_]{0,49}$'),
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    type text NOT NULL CHECK (type IN ('text', 'number', 'decimal', 'date', 'datetime', 'boolean', 'single_select',
                                       'multi_select', 'url', 'email', 'phone')),
    required boolean NOT NULL DEFAULT false,
    is_unique boolean NOT NULL DEFAULT false,
    options text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    archived_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);
-- A key names one live definition of an object; an archived definition's values were removed, so its key may return.
CREATE UNIQUE INDEX custom_field_definitions_key ON custom_field_definitions (workspace_id, object, key) WHERE archived_at IS NULL;

ALTER TABLE custom_field_definitions ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON custom_field_definitions
    USING (workspace_id = crm_workspace()) WITH CHECK (workspace_id = crm_workspace());

-- One index per record table serves equality, option and uniqueness tests on every custom field at once:
-- custom_fields @> '{"key": value}' (jsonb_path_ops, behind workspace_id through btree_gin).
CREATE INDEX companies_custom_fields ON companies USING gin (workspace_id, custom_fields jsonb_path_ops);
CREATE INDEX contacts_custom_fields ON contacts USING gin (workspace_id, custom_fields jsonb_path_ops);
CREATE INDEX deals_custom_fields ON deals USING gin (workspace_id, custom_fields jsonb_path_ops);
CREATE INDEX activities_custom_fields ON activities USING gin (workspace_id, custom_fields jsonb_path_ops);

-- Typed reads of one value, for filters and sorts. Plain SQL functions, so the planner inlines them (and the
-- containment test keeps its index). A value of another JSON type reads as null rather than failing the query.
CREATE FUNCTION crm_cf_contains(fields jsonb, document text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT fields @> document::jsonb $$;

CREATE FUNCTION crm_cf_text(fields jsonb, key text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN jsonb_typeof(fields -> key) = 'string' THEN fields ->> key END $$;

CREATE FUNCTION crm_cf_number(fields jsonb, key text) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN jsonb_typeof(fields -> key) = 'number' THEN (fields ->> key)::numeric END $$;

CREATE FUNCTION crm_cf_boolean(fields jsonb, key text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN jsonb_typeof(fields -> key) = 'boolean' THEN (fields ->> key)::boolean END $$;

CREATE FUNCTION crm_cf_date(fields jsonb, key text) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN fields ->> key ~ '^\d{4}-\d{2}-\d{2}$' THEN (fields ->> key)::date END $$;

CREATE FUNCTION crm_cf_datetime(fields jsonb, key text) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN fields ->> key ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$' THEN (fields ->> key)::timestamptz END $$;
