/** Writing a new revision of a record: the row, its revision, its governance columns and actions, in one go. */
import type { Json } from '@formwork/engine';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { recordActions, recordRevisions, records } from '../db/schema.js';
import { governanceValues } from '../templates/governance.js';
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

/** Returns the new row, or undefined when `expectedRevision` is no longer current (a concurrent write won). */
export async function writeRevision(
  tx: Tx,
  version: LoadedVersion,
  current: RecordRow,
  expectedRevision: number,
  change: RevisionChange,
): Promise<RecordRow | undefined> {
  const gov = governanceValues(version.governance, change.data);
  const revision = expectedRevision + 1;
  const [row] = await tx
    .update(records)
    .set({
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
    })
    .where(and(eq(records.id, current.id), eq(records.revision, expectedRevision)))
    .returning();
  if (!row) return undefined;
  await tx.insert(recordRevisions).values({
    recordId: current.id,
    revision,
    organisationId: current.organisationId,
    data: change.data,
    removed: change.removed && change.removed.length > 0 ? change.removed : null,
    valid: change.valid,
    createdBy: change.by,
    createdAt: change.at,
  });
  await replaceActions(tx, current, gov.actions, version.governance.actions.length > 0);
  return row;
}

export async function replaceActions(
  tx: Tx,
  record: Pick<RecordRow, 'id' | 'organisationId'>,
  actions: ReturnType<typeof governanceValues>['actions'],
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
