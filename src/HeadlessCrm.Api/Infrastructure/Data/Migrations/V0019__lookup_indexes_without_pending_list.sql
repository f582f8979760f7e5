-- Email and phone filters look a contact up through these GIN indexes (lookup first). With GIN's default fast
-- update, new rows' keys wait in an unsorted pending list that every search reads in full until it is merged (at
-- 4 MB or by vacuum): after a few thousand creates, a lookup read hundreds of pages and took ~300 ms of database
-- CPU instead of a few (docs/performance.md). Keys go straight into the index instead; a create pays a few index
-- page writes for its one or two keys.
ALTER INDEX contacts_email_keys SET (fastupdate = off);
ALTER INDEX contacts_phone_keys SET (fastupdate = off);
SELECT gin_clean_pending_list('contacts_email_keys'::regclass);
SELECT gin_clean_pending_list('contacts_phone_keys'::regclass);
