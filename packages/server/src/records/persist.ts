/**
 * Writing a new revision of a record: the row, its revision, its governance columns and actions, and its audit
 * event, in ONE statement (data-modifying CTEs). A single statement is atomic on its own, so an autosave is one
 * round trip to the database instead of a transaction of six or seven; and every part is conditional on the
 * guarded UPDATE, so a stale revision writes nothing at all.
 */
import type { Json } from '@formwork/engine';
import { eq } from 'drizzle-orm';
import { type AuditInput, auditValues } from '../audit/chain.js';
import { hashJson } from '../audit/hash.js';
import type { Db, Tx } from '../db/database.js';
import { runText } from '../db/run-text.js';
import { recordActions } from '../db/schema.js';
import { type GovernanceValues, governanceValues } from '../templates/governance.js';
import type { LoadedVersion } from '../templates/version-cache.js';
import type { RecordRow } from './record-view.js';

export interface RevisionChange {
  data: Json;
  valid: boolean;
  removed?: { path: string; value: Json }[];
  stage?: string;
  status?: string;
  safeguarding: boolean;
  reviewComment?: string | null;
  closed?: boolean;
  by: string;
  at: Date;
}

/** Collects parameters for a statement written as text: `p(value)` returns its `$n`. */
export function parameters() {
  const values: unknown[] = [];
  const p = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { values, p };
}

export const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** The record's action items as `record_actions` columns (snake case, ISO dates), for `jsonb_to_recordset`. */
export function actionItemRows(gov: GovernanceValues) {
  return gov.actions.map((a) => ({
    pointer: a.pointer,
    description: a.description,
    owner: a.owner,
    due_at: iso(a.dueAt),
    completed_at: iso(a.completedAt),
    item: a.item,
  }));
}

/**
 * The CTEs that keep `record_actions` in step with the record's action items, for a statement whose CTE `upd` is
 * the updated record (no row: nothing happens). Upsert the current items and delete the ones no longer there:
 * disjoint rows, so no conflict in one statement.
 */
export function actionParts(
  p: (value: unknown) => string,
  gov: GovernanceValues,
  organisation: string,
): string[] {
  const items = actionItemRows(gov);
  // No items (the usual draft): only the delete, so the statement carries no insert for the database to set up.
  if (items.length === 0)
    return ['act_del as (delete from record_actions where record_id = (select id from upd))'];
  return [
    `act_del as (delete from record_actions where record_id = (select id from upd)
        and not (pointer = any (array(select jsonb_array_elements_text(${p(JSON.stringify(items.map((a) => a.pointer)))}::jsonb)))))`,
    `act_ins as (insert into record_actions (record_id, organisation_id, pointer, description, owner, due_at,
          completed_at, item)
        select upd.id, ${organisation}, a.pointer, a.description, a.owner, a.due_at, a.completed_at, a.item
        from upd, jsonb_to_recordset(${p(JSON.stringify(items))}::jsonb) as a(pointer text, description text,
          owner text, due_at timestamptz, completed_at timestamptz, item jsonb)
        on conflict (record_id, pointer) do update set description = excluded.description, owner = excluded.owner,
          due_at = excluded.due_at, completed_at = excluded.completed_at, item = excluded.item)`,
  ];
}

/**
 * Returns the new row, or undefined when `expectedRevision` is no longer current (a concurrent write won).
 * `audit`, when given, is recorded by the same statement (its `after` is the new data).
 */
export async function writeRevision(
  db: Db | Tx,
  version: LoadedVersion,
  current: RecordRow,
  expectedRevision: number,
  change: RevisionChange,
  audit?: AuditInput,
): Promise<RecordRow | undefined> {
  const gov = governanceValues(version.governance, change.data);
  const revision = expectedRevision + 1;
  const dataHash = hashJson(change.data);
  const stageChanges = change.stage !== undefined && change.stage !== current.stage;
  const set = {
    data: change.data,
    revision,
    safeguarding: change.safeguarding,
    updatedAt: change.at,
    category: gov.category,
    harm: gov.harm,
    occurredAt: gov.occurredAt,
    dataHash,
    ...(stageChanges ? { stage: change.stage, stageEnteredAt: change.at } : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.reviewComment !== undefined ? { reviewComment: change.reviewComment } : {}),
    ...(change.closed ? { closedAt: change.at } : {}),
  };
  const { values, p } = parameters();
  const data = p(JSON.stringify(change.data));
  const at = p(change.at.toISOString());
  const assignments = [
    `data = ${data}::jsonb`,
    `revision = ${p(revision)}::integer`,
    `safeguarding = ${p(change.safeguarding)}::boolean`,
    `updated_at = ${at}::timestamptz`,
    `category = ${p(gov.category)}::text`,
    `harm = ${p(gov.harm)}::text`,
    `occurred_at = ${p(iso(gov.occurredAt))}::timestamptz`,
    `data_hash = ${p(dataHash)}::text`,
    ...(stageChanges ? [`stage = ${p(change.stage)}::text`, `stage_entered_at = ${at}::timestamptz`] : []),
    ...(change.status !== undefined ? [`status = ${p(change.status)}::text`] : []),
    ...(change.reviewComment !== undefined ? [`review_comment = ${p(change.reviewComment)}::text`] : []),
    ...(change.closed ? [`closed_at = ${at}::timestamptz`] : []),
  ];
  const organisationId = p(current.organisationId);
  const parts = [
    `upd as (update records set ${assignments.join(', ')}
      where id = ${p(current.id)}::uuid and revision = ${p(expectedRevision)}::integer returning id, data)`,
    `rev as (insert into record_revisions (record_id, revision, organisation_id, data, removed, valid, created_by,
        created_at)
      -- upd.data: the value the update stored, so the JSON text is parsed once, not once per table.
      select upd.id, ${p(revision)}::integer, ${organisationId}::uuid, upd.data,
        ${p(change.removed && change.removed.length > 0 ? JSON.stringify(change.removed) : null)}::jsonb,
        ${p(change.valid)}::boolean, ${p(change.by)}::uuid, ${at}::timestamptz
      from upd)`,
  ];
  if (version.governance.actions.length > 0) parts.push(...actionParts(p, gov, `${organisationId}::uuid`));
  if (audit) {
    // The event's `before` is normally the current data and its `after` the new: their hashes are known already.
    const a = auditValues(audit, {
      ...(audit.before === current.data && current.dataHash ? { beforeHash: current.dataHash } : {}),
      ...(audit.after === change.data ? { afterHash: dataHash } : {}),
    });
    parts.push(`aud as (insert into audit_events (id, chain, at, organisation_id, actor_id, actor_name, action,
        entity_type, entity_id, before_hash, after_hash, detail)
      select ${p(a.id)}::uuid, ${p(a.chain)}::text, ${p(a.at.toISOString())}::timestamptz,
        ${p(a.organisationId)}::uuid, ${p(a.actorId)}::uuid, ${p(a.actorName)}::text, ${p(a.action)}::text,
        ${p(a.entityType)}::text, ${p(a.entityId)}::text, ${p(a.beforeHash)}::text, ${p(a.afterHash)}::text,
        ${p(a.detail === null ? null : JSON.stringify(a.detail))}::jsonb
      from upd)`);
  }
  const rows = await runText(db, `with ${parts.join(',\n')}\nselect id from upd`, values);
  if (rows.length !== 1) return undefined;
  // The stored row is exactly the current one with the change applied: no read-back needed.
  return { ...current, ...set } as RecordRow;
}

/** For a new record (inside its creating transaction): its actions, all new. */
export async function replaceActions(
  tx: Tx,
  record: Pick<RecordRow, 'id' | 'organisationId'>,
  actions: GovernanceValues['actions'],
  templateHasActions: boolean,
): Promise<void> {
  if (!templateHasActions) return;
  await tx.delete(recordActions).where(eq(recordActions.recordId, record.id));
  if (actions.length > 0) {
    await tx
      .insert(recordActions)
      .values(actions.map((a) => ({ ...a, recordId: record.id, organisationId: record.organisationId })));
  }
}
