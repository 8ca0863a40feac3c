-- Audit events are now inserted unlinked (no seq, prev_hash, hash) in the transaction of the change, and chained
-- after commit by the linker (src/audit/link.ts). The append-only trigger keeps its name and still refuses DELETE and
-- TRUNCATE; the one UPDATE it lets through is the linker's: setting seq, prev_hash and hash, once, on an event that
-- has none, with every other column unchanged. A superuser can still disable it: the hash chain detects that.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_linked_whole"
  CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL));--> statement-breakpoint
CREATE FUNCTION formwork_audit_link_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % is append-only (only the audit linker may chain an unlinked event, once)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
DROP TRIGGER "audit_events_append_only" ON "audit_events";--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION formwork_audit_link_only();
