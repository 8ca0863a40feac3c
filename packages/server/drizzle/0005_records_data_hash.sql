-- The hash (SHA-256 of RFC 8785 canonical JSON) of each record's data, kept with the data by every write, so a
-- revision's audit event reads its "before" hash instead of hashing the old data again, and the autosave can be one
-- statement with no read first. Nullable and without a default: a metadata-only change on a database of any size;
-- rows written before it have none until their next save (which hashes the old data as before).
ALTER TABLE "records" ADD COLUMN "data_hash" text;
