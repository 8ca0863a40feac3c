/**
 * Writing a new revision of a record: the row, its revision, its governance columns and actions, and its audit
 * event, in ONE statement (data-modifying CTEs). A single statement is atomic on its own, so an autosave is one
 * round trip to the database instead of a transaction of six or seven; and every part is conditional on the
 * guarded UPDATE, so a stale revision writes nothing at all.
 */
import type { Json } from '@formwork/engine';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type AuditInput, auditValues } from '../audit/chain.js';
import type { Db, Tx } from '../db/database.js';
import { recordActions, records } from '../db/schema.js';
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

/** postgres.js returns the rows as the result; PGlite as `result.rows`. */
const rowsOf = (result: unknown): unknown[] =>
  ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as unknown[];

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const time = (value: Date | null) => sql`${value === null ? null : value.toISOString()}::timestamptz`;

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
  const set = {
    data: change.data,
    revision,
    safeguarding: change.safeguarding,
    updatedAt: change.at,
    category: gov.category,
    harm: gov.harm,
    occurredAt: gov.occurredAt,
    ...(change.stage !== undefined && change.stage !== current.stage
      ? { stage: change.stage, stageEnteredAt: change.at }
      : {}),
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.reviewComment !== undefined ? { reviewComment: change.reviewComment } : {}),
    ...(change.closed ? { closedAt: change.at } : {}),
  };
  const update = db
    .update(records)
    .set(set)
    .where(and(eq(records.id, current.id), eq(records.revision, expectedRevision)))
    .returning({ id: records.id });
  const parts: SQL[] = [
    sql`rev as (
      insert into record_revisions (record_id, revision, organisation_id, data, removed, valid, created_by, created_at)
      select upd.id, ${revision}::integer, ${current.organisationId}::uuid, ${json(change.data)},
        ${change.removed && change.removed.length > 0 ? json(change.removed) : sql`null::jsonb`},
        ${change.valid}::boolean, ${change.by}::uuid, ${time(change.at)}
      from upd)`,
  ];
  if (version.governance.actions.length > 0) parts.push(...actionParts(current.organisationId, gov.actions));
  if (audit) {
    const a = auditValues(audit);
    parts.push(sql`aud as (
      insert into audit_events (id, chain, at, organisation_id, actor_id, actor_name, action, entity_type, entity_id,
        before_hash, after_hash, detail)
      select ${a.id}::uuid, ${a.chain}, ${time(a.at)}, ${a.organisationId}::uuid, ${a.actorId}::uuid,
        ${a.actorName}::text, ${a.action}, ${a.entityType}, ${a.entityId}::text, ${a.beforeHash}::text,
        ${a.afterHash}::text, ${a.detail === null ? sql`null::jsonb` : json(a.detail)}
      from upd)`);
  }
  const result = await db.execute(
    sql`with upd as (${update.getSQL()}), ${sql.join(parts, sql`, `)} select upd.id from upd`,
  );
  if (rowsOf(result).length !== 1) return undefined;
  // The stored row is exactly the current one with the change applied: no read-back needed.
  return { ...current, ...set } as RecordRow;
}

/** Actions: upsert the current items, delete the ones no longer there (disjoint rows: no conflict in one statement). */
function actionParts(organisationId: string, actions: GovernanceValues['actions']): SQL[] {
  const items = actions.map((a) => ({
    pointer: a.pointer,
    description: a.description,
    owner: a.owner,
    due_at: a.dueAt?.toISOString() ?? null,
    completed_at: a.completedAt?.toISOString() ?? null,
    item: a.item,
  }));
  const table = recordActions;
  return [
    sql`act_del as (
      delete from ${table} where record_id = (select id from upd)
        and not (pointer = any (array(select jsonb_array_elements_text(${json(actions.map((a) => a.pointer))})))))`,
    sql`act_ins as (
      insert into ${table} (record_id, organisation_id, pointer, description, owner, due_at, completed_at, item)
      select upd.id, ${organisationId}::uuid, a.pointer, a.description, a.owner, a.due_at, a.completed_at, a.item
      from upd, jsonb_to_recordset(${json(items)}) as a(pointer text, description text, owner text, due_at timestamptz,
          completed_at timestamptz, item jsonb)
      on conflict (record_id, pointer) do update set description = excluded.description, owner = excluded.owner,
        due_at = excluded.due_at, completed_at = excluded.completed_at, item = excluded.item)`,
  ];
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
