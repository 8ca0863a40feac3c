/**
 * Publishing a template version: compile, run its logic test cases, precompile, hash, store (immutable).
 * Problems come back as data for a 422; nothing is stored unless everything passed.
 */
import { randomUUID } from 'node:crypto';
import type { Json, Template } from '@formwork/engine';
import { canonicalJson, parseTestCases, precompile, runTestCases } from '@formwork/engine';
import { and, eq } from 'drizzle-orm';
import { sha256Hex } from '../audit/hash.js';
import type { Tx } from '../db/database.js';
import { templates, templateVersions } from '../db/schema.js';
import type { PublishProblems } from '../types.js';

export type PrepareResult =
  | { ok: true; template: Template; hash: string; code: string }
  | { ok: false; problems: PublishProblems };

export function prepareVersion(document: unknown, tests?: unknown): PrepareResult {
  const result = precompile(document);
  if (!result.ok) {
    return {
      ok: false,
      problems: {
        problems: result.problems.map((p) => ({ code: p.code, pointer: p.pointer, message: p.message })),
      },
    };
  }
  const template = result.compiled.template;
  if (tests !== undefined && tests !== null) {
    const parsed = parseTestCases(tests);
    if (!parsed.ok) {
      return {
        ok: false,
        problems: {
          problems: parsed.problems.map((p) => ({
            code: p.code,
            pointer: `/tests${p.pointer}`,
            message: p.message,
          })),
        },
      };
    }
    // Cases limited to other versions are not run (and not reported); every case that applies must pass.
    const failing = runTestCases(result.compiled, parsed.cases)
      .filter((r) => !r.passed)
      .map((r) => ({ name: r.name, message: r.failures.join(' ') }));
    if (failing.length > 0) return { ok: false, problems: { failingCases: failing } };
  }
  return { ok: true, template, hash: sha256Hex(canonicalJson(document as Json)), code: result.code };
}

/** Stores a prepared version; the template row is created on first publish. Returns the version row id. */
export async function storeVersion(
  tx: Tx,
  input: {
    organisationId: string;
    template: Template;
    document: unknown;
    hash: string;
    code: string;
    by: string | null;
    at: Date;
  },
): Promise<{ templatePk: string; versionId: string }> {
  const { template } = input;
  const [existing] = await tx
    .select()
    .from(templates)
    .where(and(eq(templates.organisationId, input.organisationId), eq(templates.slug, template.id)));
  let templatePk = existing?.id;
  if (!templatePk) {
    templatePk = randomUUID();
    await tx.insert(templates).values({
      id: templatePk,
      organisationId: input.organisationId,
      slug: template.id,
      title: template.title,
      description: template.description ?? null,
    });
  } else {
    await tx
      .update(templates)
      .set({ title: template.title, description: template.description ?? null })
      .where(eq(templates.id, templatePk));
  }
  const versionId = randomUUID();
  await tx.insert(templateVersions).values({
    id: versionId,
    organisationId: input.organisationId,
    templateId: templatePk,
    version: template.version,
    document: input.document as Json,
    hash: input.hash,
    validatorCode: input.code,
    publishedAt: input.at,
    publishedBy: input.by,
  });
  return { templatePk, versionId };
}
