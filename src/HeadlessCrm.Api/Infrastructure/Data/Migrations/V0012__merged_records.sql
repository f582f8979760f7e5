-- A merged contact or company is archived and points at the record it was merged into, so reads of it (and old
-- links) can be followed to the survivor. Erasing a survivor erases the records merged into it first.
ALTER TABLE contacts ADD COLUMN merged_into_id uuid;
ALTER TABLE contacts ADD FOREIGN KEY (workspace_id, merged_into_id) REFERENCES contacts (workspace_id, id);
CREATE INDEX contacts_merged_into ON contacts (workspace_id, merged_into_id) WHERE merged_into_id IS NOT NULL;

ALTER TABLE companies ADD COLUMN merged_into_id uuid;
ALTER TABLE companies ADD FOREIGN KEY (workspace_id, merged_into_id) REFERENCES companies (workspace_id, id);
CREATE INDEX companies_merged_into ON companies (workspace_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
