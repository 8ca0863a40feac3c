/**
 * First start: every published version in `forms/<id>/<version>.json` is precompiled and stored for an
 * organisation. A file that does not compile is reported and skipped; the others still import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../audit/chain.js';
import type { Db } from '../db/database.js';
import { prepareVersion, storeVersion } from './publish.js';
import { compareVersions } from './versions.js';

export interface ImportReport {
  imported: string[];
  skipped: { file: string; reason: string }[];
}

export async function importForms(
  db: Db,
  organisationId: string,
  formsDir: string,
  at: Date,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [] };
  let ids: string[] = [];
  try {
    ids = readdirSync(formsDir).filter((name) => statSync(join(formsDir, name)).isDirectory());
  } catch {
    return report;
  }
  for (const id of ids.sort()) {
    const files = readdirSync(join(formsDir, id))
      .filter((f) => f.endsWith('.json'))
      .sort((a, b) => compareVersions(a.replace(/\.json$/, ''), b.replace(/\.json$/, '')));
    for (const file of files) {
      const path = join(formsDir, id, file);
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        report.skipped.push({ file: path, reason: `not JSON: ${(error as Error).message}` });
        continue;
      }
      const prepared = prepareVersion(document);
      if (!prepared.ok) {
        const first = prepared.problems.problems?.[0];
        report.skipped.push({
          file: path,
          reason: first ? `${first.pointer}: ${first.message}` : 'does not compile',
        });
        continue;
      }
      await db.transaction(async (tx) => {
        const { versionId } = await storeVersion(tx, {
          organisationId,
          template: prepared.template,
          document,
          hash: prepared.hash,
          code: prepared.code,
          by: null,
          at,
        });
        await appendAudit(tx, {
          organisationId,
          actor: null,
          action: 'template.import',
          entityType: 'template-version',
          entityId: versionId,
          after: document,
          detail: { templateId: prepared.template.id, version: prepared.template.version },
          at,
        });
      });
      report.imported.push(`${prepared.template.id}@${prepared.template.version}`);
    }
  }
  return report;
}
