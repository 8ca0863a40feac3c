/** Turns record rows into the API's `Record` and `RecordSummary`. */
import type { Json, Template } from '@formwork/engine';
import type { records } from '../db/schema.js';
import type { FormRecord, RecordStatus, RecordSummary } from '../types.js';

export type RecordRow = typeof records.$inferSelect;

export function toRecord(row: RecordRow, slug: string, version: string, creatorName: string): FormRecord {
  const record: FormRecord = {
    id: row.id,
    templateId: slug,
    templateVersion: version,
    stage: row.stage,
    status: row.status as RecordStatus,
    data: row.data as Json,
    revision: row.revision,
    safeguarding: row.safeguarding,
    createdBy: { id: row.createdBy, name: creatorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.reviewComment !== null) record.reviewComment = row.reviewComment;
  return record;
}

export function stageTitle(template: Template, stage: string): string {
  return template.stages?.find((s) => s.id === stage)?.title ?? stage;
}

export function toSummary(
  row: RecordRow,
  slug: string,
  version: string,
  template: Template,
  creatorName: string,
): RecordSummary {
  return {
    id: row.id,
    templateId: slug,
    templateVersion: version,
    templateTitle: template.title,
    stage: row.stage,
    stageTitle: stageTitle(template, row.stage),
    status: row.status as RecordStatus,
    revision: row.revision,
    safeguarding: row.safeguarding,
    createdBy: { id: row.createdBy, name: creatorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
