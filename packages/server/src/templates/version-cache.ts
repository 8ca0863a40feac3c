/**
 * Published versions are immutable, so a version row, its governance paths and its compiled validators are read
 * once per process and kept (keyed by the version's row id).
 */
import type { CompiledTemplate, Template } from '@formwork/engine';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { templates, templateVersions } from '../db/schema.js';
import { type GovernancePaths, governancePaths } from './governance.js';
import { compiledFor } from './validators.js';

export interface LoadedVersion {
  id: string;
  organisationId: string;
  templatePk: string;
  slug: string;
  version: string;
  hash: string;
  template: Template;
  compiled: CompiledTemplate;
  governance: GovernancePaths;
  publishedAt: Date;
}

const cache = new Map<string, Promise<LoadedVersion | undefined>>();

export function loadVersion(db: Db, versionId: string): Promise<LoadedVersion | undefined> {
  let entry = cache.get(versionId);
  if (!entry) {
    entry = (async () => {
      const [row] = await db
        .select({ v: templateVersions, slug: templates.slug })
        .from(templateVersions)
        .innerJoin(templates, eq(templates.id, templateVersions.templateId))
        .where(eq(templateVersions.id, versionId));
      if (!row) return undefined;
      const template = row.v.document as unknown as Template;
      return {
        id: row.v.id,
        organisationId: row.v.organisationId,
        templatePk: row.v.templateId,
        slug: row.slug,
        version: row.v.version,
        hash: row.v.hash,
        template,
        compiled: await compiledFor(row.v.hash, template, row.v.validatorCode),
        governance: governancePaths(template),
        publishedAt: row.v.publishedAt,
      };
    })();
    // Only successes are kept: a missing row or a database error is tried again next time.
    entry.then(
      (v) => {
        if (!v) cache.delete(versionId);
      },
      () => cache.delete(versionId),
    );
    cache.set(versionId, entry);
  }
  return entry;
}
