/**
 * A `records` row read by a statement written as text (runText), turned into the RecordRow that drizzle's columns
 * would have given: both drivers hand timestamps over as text (drizzle turns their parsers off), and jsonb parsed or
 * as text depending on the driver.
 */
import type { Json } from '@formwork/engine';
import type { RecordRow } from './record-view.js';

export type Cell = string | number | boolean | Date | null | object;

export const cellDate = (v: Cell): Date => (typeof v === 'string' ? new Date(v) : (v as Date));
export const cellOptionalDate = (v: Cell): Date | null => (v === null ? null : cellDate(v));
export const cellJson = (v: Cell): Json => (typeof v === 'string' ? JSON.parse(v) : v) as Json;

/**
 * The row from its snake_case columns. `known` supplies columns the statement did not return because the caller
 * already has them (the autosave's data, which it just wrote, and its hash).
 */
export function recordRowFromText(
  r: Record<string, Cell>,
  known?: { data: Json; dataHash: string | null },
): RecordRow {
  return {
    id: r.id as string,
    organisationId: r.organisation_id as string,
    teamId: (r.team_id ?? null) as string | null,
    templateId: r.template_id as string,
    templateVersionId: r.template_version_id as string,
    stage: r.stage as string,
    status: r.status as string,
    data: known ? known.data : cellJson(r.data ?? null),
    dataHash: known ? known.dataHash : ((r.data_hash ?? null) as string | null),
    revision: r.revision as number,
    safeguarding: r.safeguarding as boolean,
    createdBy: r.created_by as string,
    createdAt: cellDate(r.created_at ?? null),
    updatedAt: cellDate(r.updated_at ?? null),
    stageEnteredAt: cellDate(r.stage_entered_at ?? null),
    closedAt: cellOptionalDate(r.closed_at ?? null),
    reviewComment: (r.review_comment ?? null) as string | null,
    category: (r.category ?? null) as string | null,
    harm: (r.harm ?? null) as string | null,
    occurredAt: cellOptionalDate(r.occurred_at ?? null),
  };
}
