-- Published template versions and audit events are append-only. The application never updates or deletes them;
-- these triggers make an accidental (or careless) UPDATE, DELETE or TRUNCATE fail loudly. A superuser can still
-- disable them: the audit hash chain is what detects that (GET /api/audit/verify).
CREATE FUNCTION formwork_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION formwork_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION formwork_refuse_change();--> statement-breakpoint
CREATE TRIGGER template_versions_append_only BEFORE UPDATE OR DELETE ON "template_versions"
  FOR EACH ROW EXECUTE FUNCTION formwork_refuse_change();--> statement-breakpoint
CREATE TRIGGER template_versions_no_truncate BEFORE TRUNCATE ON "template_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION formwork_refuse_change();
