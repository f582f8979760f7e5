-- Hosts cache each workspace's custom field definitions (CustomFieldDefinitionCache) and LISTEN on
-- crm_custom_fields: every committed change to a definition NOTIFYs its workspace, so every host forgets that entry.
CREATE FUNCTION crm_notify_custom_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('crm_custom_fields', '*');
    ELSE
        PERFORM pg_notify('crm_custom_fields', COALESCE(NEW.workspace_id, OLD.workspace_id)::text);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER custom_field_definitions_notify AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
    FOR EACH ROW EXECUTE FUNCTION crm_notify_custom_fields();
CREATE TRIGGER custom_field_definitions_truncate_notify AFTER TRUNCATE ON custom_field_definitions
    FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_custom_fields();
