import type { CompiledTemplate } from '@formwork/engine/runtime';
import { loadCompiled } from '../../renderer/index.js';
import { api } from '../api/client.js';
import type { RecordDetailResponse, Template } from '../api/types.js';

export interface RecordBundle extends RecordDetailResponse {
  templateDoc: Template;
  compiled: CompiledTemplate;
}

// A published version never changes, so its compiled form is kept for as long as the page lives.
const compiledCache = new Map<string, Promise<{ templateDoc: Template; compiled: CompiledTemplate }>>();

function loadTemplate(id: string, version: string) {
  const key = `${id}@${version}`;
  let entry = compiledCache.get(key);
  if (!entry) {
    entry = api.getTemplateVersion(id, version).then(async ({ template }) => ({
      templateDoc: template,
      compiled: await loadCompiled(template, api.validatorUrl(id, version)),
    }));
    // A failed load must not stay cached: the next try should go to the server again.
    entry.catch(() => compiledCache.delete(key));
    compiledCache.set(key, entry);
  }
  return entry;
}

/** The record, its history, and the exact template version it was started with, ready to render. */
export async function loadRecordBundle(recordId: string): Promise<RecordBundle> {
  const detail = await api.getRecord(recordId);
  const { templateDoc, compiled } = await loadTemplate(
    detail.record.templateId,
    detail.record.templateVersion,
  );
  return { ...detail, templateDoc, compiled };
}
