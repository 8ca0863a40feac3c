/** Templates: published versions (read by everyone in the organisation), drafts and publishing (template managers). */

import { randomUUID } from 'node:crypto';
import type { EvaluateResult, Json, Template } from '@formwork/engine';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { canManageTemplates } from '../access/policy.js';
import { appendAudit } from '../audit/chain.js';
import { isUniqueViolation } from '../db/errors.js';
import { templateDrafts, templates, templateVersions, users } from '../db/schema.js';
import { maybeCompressed } from '../http/compressed.js';
import type { AppEnv, Ctx } from '../http/env.js';
import { readJson } from '../http/json-body.js';
import { badRequest, forbidden, notFound, Problem } from '../http/problem.js';
import { shape } from '../http/shape.js';
import { evaluateRecord } from '../records/evaluate-safely.js';
import { prepareVersion, storeVersion } from '../templates/publish.js';
import { loadVersion } from '../templates/version-cache.js';
import { compareVersions } from '../templates/versions.js';
import type {
  CheckRequest,
  CreateTemplateRequest,
  PublishResponse,
  TemplateDraft,
  TemplateDraftUpdate,
  TemplateSummary,
  TemplateVersionResponse,
  TemplateVersionsResponse,
} from '../types.js';

export async function listTemplates(c: Ctx): Promise<TemplateSummary[]> {
  const { db } = c.var.services;
  const rows = await db
    .select({ t: templates, version: templateVersions.version })
    .from(templates)
    .leftJoin(templateVersions, eq(templateVersions.templateId, templates.id))
    .where(eq(templates.organisationId, c.var.user.organisationId))
    .orderBy(asc(templates.title));
  const byId = new Map<string, TemplateSummary>();
  for (const { t, version } of rows) {
    let summary = byId.get(t.id);
    if (!summary) {
      summary = { id: t.slug, title: t.title, latestVersion: null, versions: [] };
      if (t.description) summary.description = t.description;
      byId.set(t.id, summary);
    }
    if (version) summary.versions.push(version);
  }
  for (const s of byId.values()) {
    s.versions.sort(compareVersions);
    s.latestVersion = s.versions.at(-1) ?? null;
  }
  return [...byId.values()];
}

async function findTemplate(c: Ctx, slug: string) {
  const [row] = await c.var.services.db
    .select()
    .from(templates)
    .where(and(eq(templates.organisationId, c.var.user.organisationId), eq(templates.slug, slug)));
  if (!row) throw notFound('That form');
  return row;
}

async function findVersion(c: Ctx, slug: string, version: string) {
  const [row] = await c.var.services.db
    .select({ id: templateVersions.id })
    .from(templateVersions)
    .innerJoin(templates, eq(templates.id, templateVersions.templateId))
    .where(
      and(
        eq(templates.organisationId, c.var.user.organisationId),
        eq(templates.slug, slug),
        eq(templateVersions.version, version),
      ),
    );
  const loaded = row ? await loadVersion(c.var.services.db, row.id) : undefined;
  if (!loaded) throw notFound('That version of the form');
  return loaded;
}

function requireManager(c: Ctx) {
  if (!canManageTemplates(c.var.user))
    throw forbidden('Only the quality team and provider admins manage forms.');
}

function parseEtag(c: Ctx): number {
  const header = c.req.header('if-match');
  if (!header) throw new Problem(428, 'if-match-required', 'Send If-Match with the draft ETag you last saw.');
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!m) throw badRequest('invalid-if-match', 'If-Match must be the draft ETag in quotes, e.g. "3".');
  return Number(m[1]);
}

async function currentDraft(c: Ctx, templatePk: string, slug: string): Promise<TemplateDraft> {
  const { db } = c.var.services;
  const [row] = await db
    .select({ d: templateDrafts, name: users.name })
    .from(templateDrafts)
    .leftJoin(users, eq(users.id, templateDrafts.updatedBy))
    .where(eq(templateDrafts.templateId, templatePk));
  if (row) {
    const doc = row.d.document as { template: Json; tests?: Json };
    return {
      templateId: slug,
      template: doc.template,
      ...(doc.tests !== undefined ? { tests: doc.tests } : {}),
      etag: String(row.d.etag),
      updatedAt: row.d.updatedAt.toISOString(),
      updatedBy: row.d.updatedBy ? { id: row.d.updatedBy, name: row.name ?? 'Unknown' } : null,
    };
  }
  // No draft yet: start from the latest published version (ETag "0" until first saved).
  const versions = await db
    .select({
      version: templateVersions.version,
      document: templateVersions.document,
      at: templateVersions.publishedAt,
    })
    .from(templateVersions)
    .where(eq(templateVersions.templateId, templatePk));
  const latest = versions.sort((a, b) => compareVersions(b.version, a.version))[0];
  return {
    templateId: slug,
    template: (latest?.document as Json) ?? null,
    etag: '0',
    updatedAt: (latest?.at ?? new Date(0)).toISOString(),
    updatedBy: null,
  };
}

function templateIdOf(document: unknown): { id: string; title: string } {
  const doc = document as Partial<Template> | null;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw badRequest('invalid-template', 'The template must be a JSON object.', '/template');
  }
  if (typeof doc.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(doc.id)) {
    throw badRequest(
      'invalid-template-id',
      'The template needs an "id" of lower-case letters, digits and dashes.',
      '/template/id',
    );
  }
  if (typeof doc.title !== 'string' || doc.title.trim() === '') {
    throw badRequest('invalid-template-title', 'The template needs a "title".', '/template/title');
  }
  return { id: doc.id, title: doc.title.slice(0, 300) };
}

export function templateRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => c.json(await listTemplates(c)));

  app.post('/', async (c) => {
    requireManager(c);
    const body = shape<CreateTemplateRequest & { tests?: Json }>(await readJson(c), {
      template: { kind: 'json' },
      tests: { kind: 'json', optional: true },
    });
    const { id, title } = templateIdOf(body.template);
    const { db, now } = c.var.services;
    const user = c.var.user;
    const at = now();
    const pk = randomUUID();
    try {
      await db.transaction(async (tx) => {
        await tx.insert(templates).values({ id: pk, organisationId: user.organisationId, slug: id, title });
        await tx.insert(templateDrafts).values({
          templateId: pk,
          organisationId: user.organisationId,
          document: { template: body.template, ...(body.tests !== undefined ? { tests: body.tests } : {}) },
          etag: 1,
          updatedAt: at,
          updatedBy: user.id,
        });
        await appendAudit(tx, {
          organisationId: user.organisationId,
          actor: { id: user.id, name: user.name },
          action: 'template.create',
          entityType: 'template',
          entityId: pk,
          after: body.template,
          detail: { templateId: id },
          at,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Problem(
          409,
          'template-exists',
          `A form with id "${id}" already exists: edit its draft instead.`,
          '/template/id',
        );
      }
      throw error;
    }
    const draft = await currentDraft(c, pk, id);
    c.header('ETag', `"${draft.etag}"`);
    return c.json(draft, 201);
  });

  app.get('/:id/versions', async (c) => {
    const t = await findTemplate(c, c.req.param('id'));
    const rows = await c.var.services.db
      .select({ v: templateVersions, name: users.name })
      .from(templateVersions)
      .leftJoin(users, eq(users.id, templateVersions.publishedBy))
      .where(eq(templateVersions.templateId, t.id));
    rows.sort((a, b) => compareVersions(a.v.version, b.v.version));
    return c.json({
      templateId: t.slug,
      versions: rows.map(({ v, name }) => {
        const doc = v.document as unknown as Template;
        return {
          version: v.version,
          hash: v.hash,
          publishedAt: v.publishedAt.toISOString(),
          publishedBy: v.publishedBy ? { id: v.publishedBy, name: name ?? 'Unknown' } : null,
          changes: doc.changelog?.find((e) => e.version === v.version)?.changes ?? [],
        };
      }),
    } satisfies TemplateVersionsResponse);
  });

  app.get('/:id/versions/:version', async (c) => {
    const v = await findVersion(c, c.req.param('id'), c.req.param('version'));
    c.header('ETag', `"${v.hash}"`);
    return c.json({
      template: v.template,
      hash: v.hash,
      publishedAt: v.publishedAt.toISOString(),
    } satisfies TemplateVersionResponse);
  });

  app.get('/:id/versions/:version/validator.js', async (c) => {
    const v = await findVersion(c, c.req.param('id'), c.req.param('version'));
    const [row] = await c.var.services.db
      .select({ code: templateVersions.validatorCode })
      .from(templateVersions)
      .where(eq(templateVersions.id, v.id));
    // Published versions never change (so the version's row id names these bytes for good); private because it
    // sits behind sign-in. The form page's JavaScript budget counts this module gzipped, so it is sent compressed.
    const out = await maybeCompressed(
      c.req.header('Accept-Encoding'),
      `validator:${v.id}`,
      Buffer.from(row?.code ?? '', 'utf8'),
      {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'private, max-age=31536000, immutable',
        ETag: `"${v.hash}"`,
      },
    );
    return c.body(out.body, 200, out.headers);
  });

  app.post('/:id/versions/:version/check', async (c) => {
    const body = shape<CheckRequest>(await readJson(c), {
      data: { kind: 'json' },
      to: { kind: 'string', optional: true, maxLength: 200 },
      now: { kind: 'string', optional: true, maxLength: 40 },
    });
    const v = await findVersion(c, c.req.param('id'), c.req.param('version'));
    let now = c.var.services.now();
    if (body.now !== undefined) {
      now = new Date(body.now);
      if (Number.isNaN(now.getTime()))
        throw badRequest('invalid-now', '"now" must be an ISO-8601 date-time.', '/now');
    }
    const result: EvaluateResult = evaluateRecord(v, body.data as Json, body.to, now);
    return c.json(result);
  });

  app.get('/:id/draft', async (c) => {
    requireManager(c);
    const t = await findTemplate(c, c.req.param('id'));
    const draft = await currentDraft(c, t.id, t.slug);
    c.header('ETag', `"${draft.etag}"`);
    return c.json(draft);
  });

  app.put('/:id/draft', async (c) => {
    requireManager(c);
    const body = shape<TemplateDraftUpdate & { tests?: Json }>(await readJson(c), {
      template: { kind: 'json' },
      tests: { kind: 'json', optional: true },
    });
    const t = await findTemplate(c, c.req.param('id'));
    const expected = parseEtag(c);
    const { db, now } = c.var.services;
    const user = c.var.user;
    const at = now();
    const document = { template: body.template, ...(body.tests !== undefined ? { tests: body.tests } : {}) };
    const saved = await db.transaction(async (tx) => {
      let ok: boolean;
      if (expected === 0) {
        const inserted = await tx
          .insert(templateDrafts)
          .values({
            templateId: t.id,
            organisationId: user.organisationId,
            document,
            etag: 1,
            updatedAt: at,
            updatedBy: user.id,
          })
          .onConflictDoNothing()
          .returning({ etag: templateDrafts.etag });
        ok = inserted.length === 1;
      } else {
        const updated = await tx
          .update(templateDrafts)
          .set({ document, etag: expected + 1, updatedAt: at, updatedBy: user.id })
          .where(and(eq(templateDrafts.templateId, t.id), eq(templateDrafts.etag, expected)))
          .returning({ etag: templateDrafts.etag });
        ok = updated.length === 1;
      }
      if (ok) {
        await appendAudit(tx, {
          organisationId: user.organisationId,
          actor: { id: user.id, name: user.name },
          action: 'template.draft-save',
          entityType: 'template',
          entityId: t.id,
          after: document,
          detail: { templateId: t.slug, etag: expected + 1 },
          at,
        });
      }
      return ok;
    });
    const draft = await currentDraft(c, t.id, t.slug);
    if (!saved) {
      throw new Problem(
        412,
        'stale-draft',
        'Someone saved this draft after you opened it. Review their changes, then save again.',
        undefined,
        undefined,
        { current: draft },
      );
    }
    c.header('ETag', `"${draft.etag}"`);
    return c.json(draft);
  });

  app.post('/:id/draft/publish', async (c) => {
    requireManager(c);
    const t = await findTemplate(c, c.req.param('id'));
    const { db, now } = c.var.services;
    const user = c.var.user;
    const draft = await currentDraft(c, t.id, t.slug);
    if (draft.etag === '0')
      throw new Problem(409, 'no-draft', 'There is no draft to publish: save a draft first.');
    const ifMatch = c.req.header('if-match');
    if (ifMatch && ifMatch.replace(/^W\//, '') !== `"${draft.etag}"`) {
      throw new Problem(
        412,
        'stale-draft',
        'The draft changed since you last saw it. Review it, then publish.',
        undefined,
        undefined,
        { current: draft },
      );
    }
    const prepared = prepareVersion(draft.template, (draft as { tests?: Json }).tests);
    if (!prepared.ok) {
      throw new Problem(
        422,
        'template-not-publishable',
        'The draft cannot be published yet: fix the problems listed.',
        undefined,
        prepared.problems,
      );
    }
    if (prepared.template.id !== t.slug) {
      throw new Problem(422, 'template-id-changed', `The draft's id must stay "${t.slug}".`, '/template/id');
    }
    const at = now();
    let versionId: string;
    try {
      versionId = await db.transaction(async (tx) => {
        const stored = await storeVersion(tx, {
          organisationId: user.organisationId,
          template: prepared.template,
          document: draft.template,
          hash: prepared.hash,
          code: prepared.code,
          by: user.id,
          at,
        });
        const removed = await tx
          .delete(templateDrafts)
          .where(and(eq(templateDrafts.templateId, t.id), eq(templateDrafts.etag, Number(draft.etag))))
          .returning({ etag: templateDrafts.etag });
        if (removed.length !== 1)
          throw new Problem(
            412,
            'stale-draft',
            'The draft changed while publishing. Review it, then publish again.',
          );
        await appendAudit(tx, {
          organisationId: user.organisationId,
          actor: { id: user.id, name: user.name },
          action: 'template.publish',
          entityType: 'template-version',
          entityId: stored.versionId,
          after: draft.template,
          detail: { templateId: t.slug, version: prepared.template.version, hash: prepared.hash },
          at,
        });
        return stored.versionId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Problem(
          409,
          'version-exists',
          `Version ${prepared.template.version} is already published: give the draft a new version number.`,
          '/template/version',
        );
      }
      throw error;
    }
    return c.json(
      {
        templateId: t.slug,
        version: prepared.template.version,
        hash: prepared.hash,
        publishedAt: at.toISOString(),
      } satisfies PublishResponse & { versionId?: string },
      200,
      { 'X-Version-Id': versionId },
    );
  });

  return app;
}
