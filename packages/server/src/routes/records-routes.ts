/**
 * Records: create (idempotent), list, read with history, autosave, proceed, return, approve, sign off.
 * Every query is scoped to the caller's organisation; a record the caller may not see is a 404.
 */
import { randomUUID } from 'node:crypto';
import type { EvaluateResult, Json } from '@formwork/engine';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { canCreateRecords, canEditRecord, canReview } from '../access/policy.js';
import { type AuditInput, appendAudit } from '../audit/chain.js';
import { hashJson } from '../audit/hash.js';
import { verifyPassword } from '../auth/password.js';
import type { Tx } from '../db/database.js';
import {
  idempotencyKeys,
  recordRevisions,
  records,
  reviews,
  signatures,
  stageTransitions,
  templates,
  templateVersions,
  users,
} from '../db/schema.js';
import type { AppEnv, Ctx, CurrentUser } from '../http/env.js';
import { readJson } from '../http/json-body.js';
import { badRequest, forbidden, notFound, Problem } from '../http/problem.js';
import { shape } from '../http/shape.js';
import { evaluateRecord, pruneRecord } from '../records/evaluate-safely.js';
import { replaceActions, writeRevision } from '../records/persist.js';
import { rememberPinnedVersion } from '../records/pinned-versions.js';
import { findVisibleRecord, visibleRecordsWhere } from '../records/record-access.js';
import { type RecordRow, toRecord, toSummary } from '../records/record-view.js';
import { governanceValues } from '../templates/governance.js';
import { type LoadedVersion, loadVersion } from '../templates/version-cache.js';
import { compareVersions } from '../templates/versions.js';
import type {
  ApproveRequest,
  CreateRecordRequest,
  HistoryEntry,
  ProceedRequest,
  RecordDetailResponse,
  RecordEvaluationResponse,
  ReturnRequest,
  SaveRecordRequest,
  SignOffRequest,
} from '../types.js';

const isObject = (v: unknown): v is { [k: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function requireData(data: unknown): { [k: string]: Json } {
  if (!isObject(data))
    throw badRequest('invalid-data', '"data" must be a JSON object (the answers).', '/data');
  return data;
}

async function versionOf(c: Ctx, row: RecordRow): Promise<LoadedVersion> {
  const version = await loadVersion(c.var.services.db, row.templateVersionId);
  if (!version) throw new Error(`record ${row.id} points at a missing template version`);
  rememberPinnedVersion(row.id, row.templateVersionId);
  return version;
}

function parseIfMatch(c: Ctx): number {
  const header = c.req.header('if-match');
  if (!header) {
    throw new Problem(
      428,
      'if-match-required',
      'Send If-Match with the revision you last saw, e.g. If-Match: "3".',
    );
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw badRequest('invalid-if-match', 'If-Match must be a revision in quotes, e.g. "3".');
  return Number(match[1]);
}

function stale(row: RecordRow, version: LoadedVersion, creatorName: string): Problem {
  return new Problem(
    412,
    'stale-revision',
    'Someone saved this record after you opened it. Review their changes, then save again.',
    undefined,
    undefined,
    { current: toRecord(row, version.slug, version.version, creatorName) },
  );
}

const closed = () => new Problem(409, 'record-closed', 'This record is closed and can no longer be changed.');

/** The audit event of a change to a record that now holds `after` at `revision`. */
function recordEvent(
  c: Ctx,
  action: string,
  record: { id: string; revision: number; data: unknown },
  before: unknown,
  detail: Record<string, unknown>,
): AuditInput {
  const user = c.var.user;
  return {
    organisationId: user.organisationId,
    actor: { id: user.id, name: user.name },
    action,
    entityType: 'record',
    entityId: record.id,
    before,
    after: record.data,
    detail: { revision: record.revision, ...detail },
    at: c.var.services.now(),
  };
}

async function audit(
  c: Ctx,
  tx: Tx,
  action: string,
  row: RecordRow,
  before: unknown,
  detail: Record<string, unknown>,
) {
  await appendAudit(tx, recordEvent(c, action, row, before, detail));
}

function respond(
  c: Ctx,
  row: RecordRow,
  version: LoadedVersion,
  creatorName: string,
  evaluation: EvaluateResult,
) {
  c.header('ETag', `"${row.revision}"`);
  return c.json({
    record: toRecord(row, version.slug, version.version, creatorName),
    evaluation,
  } satisfies RecordEvaluationResponse);
}

/** Moves a record into `to` after every check; used by proceed and sign-off. */
async function moveRecord(c: Ctx, id: string, to: string, signOff: boolean) {
  const user = c.var.user;
  const { db, now } = c.var.services;
  const { row, creatorName } = await findVisibleRecord(db, user, id);
  if (!canEditRecord(user, row)) throw forbidden('Your role cannot move this record on.');
  if (row.status === 'closed') throw closed();
  const version = await versionOf(c, row);
  const stages = version.template.stages ?? [];
  const fromIndex = stages.findIndex((s) => s.id === row.stage);
  const toIndex = stages.findIndex((s) => s.id === to);
  const target = stages[toIndex];
  if (!target) {
    throw badRequest('unknown-stage', `"${to}" is not a stage of this form.`, '/to', {
      stages: stages.map((s) => s.id),
    });
  }
  if (toIndex <= fromIndex) {
    throw new Problem(409, 'stage-not-ahead', `The record is already at or past "${target.title}".`, '/to');
  }
  if (target.roles && !target.roles.includes(user.role)) {
    throw forbidden(`Only ${target.roles.join(', ')} can move a record into "${target.title}".`);
  }
  if (Boolean(target.signOff) !== signOff) {
    throw new Problem(
      409,
      signOff ? 'sign-off-not-needed' : 'sign-off-required',
      signOff
        ? `"${target.title}" does not need a sign-off: use proceed.`
        : `"${target.title}" needs a sign-off: re-enter your password to sign.`,
      '/to',
    );
  }
  const at = now();
  const evaluation = evaluateRecord(version, row.data as Json, to, at);
  if (!evaluation.canProceed) {
    throw new Problem(
      409,
      'cannot-proceed',
      `This record cannot move to "${target.title}" yet: see what is still needed.`,
      undefined,
      undefined,
      { evaluation },
    );
  }
  const pruned = pruneRecord(version, row.data as Json);
  const event = recordEvent(
    c,
    signOff ? 'record.sign-off' : 'record.transition',
    { id: row.id, revision: row.revision + 1, data: pruned.data },
    row.data,
    { from: row.stage, to, templateVersion: version.version },
  );
  const result = await db.transaction(async (tx) => {
    const written = await writeRevision(
      tx,
      version,
      row,
      row.revision,
      {
        data: pruned.data,
        valid: evaluation.valid,
        removed: pruned.removed,
        stage: to,
        status: target.final ? 'closed' : 'open',
        reviewComment: null,
        closed: Boolean(target.final),
        safeguarding: row.safeguarding || evaluation.safeguarding,
        by: user.id,
        at,
      },
      event,
    );
    if (!written) return undefined;
    await tx.insert(stageTransitions).values({
      id: randomUUID(),
      recordId: row.id,
      organisationId: row.organisationId,
      fromStage: row.stage,
      toStage: to,
      templateVersionId: version.id,
      revision: written.revision,
      evaluation: evaluation as unknown as Json,
      by: user.id,
      at,
    });
    if (signOff) {
      await tx.insert(signatures).values({
        id: randomUUID(),
        recordId: row.id,
        organisationId: row.organisationId,
        stage: to,
        dataHash: hashJson(pruned.data),
        revision: written.revision,
        by: user.id,
        at,
      });
    }
    return written;
  });
  if (!result) {
    throw new Problem(
      409,
      'record-changed',
      'The record changed while you were moving it on. Reload and try again.',
    );
  }
  return respond(c, result, version, creatorName, evaluation);
}

/**
 * PUT /api/records/:id/data, the autosave: mounted by the app behind `requireSessionAndRecord` (one read statement
 * for the session and the record) and `requireCsrf`, instead of the general session middleware.
 */
export async function saveRecordData(c: Ctx) {
  const user = c.var.user;
  const { db, now } = c.var.services;
  const body = shape<SaveRecordRequest>(await readJson(c), { data: { kind: 'json' } });
  const data = requireData(body.data);
  const found = c.var.found;
  if (!found) throw notFound('That record');
  const { row, creatorName } = found;
  if (!canEditRecord(user, row)) throw forbidden('Your role can read this record but not change it.');
  const expected = parseIfMatch(c);
  const version = await versionOf(c, row);
  if (row.status === 'closed') throw closed();
  if (expected !== row.revision) throw stale(row, version, creatorName);
  const at = now();
  // Autosave keeps everything typed (no prune); an invalid draft is still stored.
  const evaluation = evaluateRecord(version, data, undefined, at);
  // One statement: the row, its revision, its actions and its audit event, or nothing when stale.
  const written = await writeRevision(
    db,
    version,
    row,
    expected,
    {
      data,
      valid: evaluation.valid,
      safeguarding: row.safeguarding || evaluation.safeguarding,
      by: user.id,
      at,
    },
    recordEvent(c, 'record.save', { id: row.id, revision: expected + 1, data }, row.data, {}),
  );
  if (!written) {
    const latest = await findVisibleRecord(db, user, row.id);
    throw stale(latest.row, version, latest.creatorName);
  }
  return respond(c, written, version, creatorName, evaluation);
}

export function recordRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const user = c.var.user;
    const { db, now } = c.var.services;
    if (!canCreateRecords(user)) throw forbidden('Your role cannot start new records.');
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw badRequest(
        'idempotency-key-required',
        'Send an Idempotency-Key header (a new random value per new record) so a retry cannot create a duplicate.',
      );
    }
    const body = shape<CreateRecordRequest>(await readJson(c), {
      templateId: { kind: 'string', maxLength: 200 },
      templateVersion: { kind: 'string', optional: true, maxLength: 50 },
      data: { kind: 'json', optional: true },
    });
    const data = body.data === undefined ? {} : requireData(body.data);
    const requestHash = hashJson(body);
    // Find the version: the one asked for, or the latest published.
    const rows = await db
      .select({ id: templateVersions.id, version: templateVersions.version })
      .from(templateVersions)
      .innerJoin(templates, eq(templates.id, templateVersions.templateId))
      .where(and(eq(templates.organisationId, user.organisationId), eq(templates.slug, body.templateId)));
    const chosen = body.templateVersion
      ? rows.find((r) => r.version === body.templateVersion)
      : rows.sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!chosen) throw notFound('That form (or that version of it)');
    const version = await loadVersion(db, chosen.id);
    if (!version) throw notFound('That form');
    const at = now();
    const evaluation = evaluateRecord(version, data, undefined, at);
    const firstStage = version.template.stages?.[0]?.id ?? 'draft';
    const route = 'POST /api/records';
    const outcome = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({
          userId: user.id,
          route,
          key,
          organisationId: user.organisationId,
          requestHash,
          status: 0,
          response: {},
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [previous] = await tx
          .select()
          .from(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.userId, user.id),
              eq(idempotencyKeys.route, route),
              eq(idempotencyKeys.key, key),
            ),
          );
        if (!previous || previous.requestHash !== requestHash) {
          throw new Problem(
            422,
            'idempotency-key-reused',
            'This Idempotency-Key was already used for a different request. Use a new key for a new record.',
          );
        }
        return { status: previous.status, body: previous.response as Json, replay: true };
      }
      const id = randomUUID();
      const [row] = await tx
        .insert(records)
        .values({
          id,
          organisationId: user.organisationId,
          teamId: user.teamId,
          templateId: version.templatePk,
          templateVersionId: version.id,
          stage: firstStage,
          status: 'open',
          data,
          dataHash: hashJson(data),
          revision: 1,
          safeguarding: evaluation.safeguarding,
          createdBy: user.id,
          createdAt: at,
          updatedAt: at,
          stageEnteredAt: at,
          ...(() => {
            const g = governanceValues(version.governance, data);
            return { category: g.category, harm: g.harm, occurredAt: g.occurredAt };
          })(),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await tx.insert(recordRevisions).values({
        recordId: id,
        revision: 1,
        organisationId: user.organisationId,
        data,
        valid: evaluation.valid,
        createdBy: user.id,
        createdAt: at,
      });
      await replaceActions(
        tx,
        row,
        governanceValues(version.governance, data).actions,
        version.governance.actions.length > 0,
      );
      await audit(c, tx, 'record.create', row, undefined, {
        templateId: version.slug,
        templateVersion: version.version,
      });
      const responseBody = { record: toRecord(row, version.slug, version.version, user.name) };
      await tx
        .update(idempotencyKeys)
        .set({ status: 201, response: responseBody as unknown as Json })
        .where(
          and(
            eq(idempotencyKeys.userId, user.id),
            eq(idempotencyKeys.route, route),
            eq(idempotencyKeys.key, key),
          ),
        );
      return { status: 201, body: responseBody as unknown as Json, replay: false };
    });
    if (outcome.replay) c.header('Idempotent-Replayed', 'true');
    else rememberPinnedVersion((outcome.body as { record: { id: string } }).record.id, version.id);
    return c.json(outcome.body, outcome.status as 201);
  });

  app.get('/', async (c) => {
    const user = c.var.user;
    const { db } = c.var.services;
    const allowed = new Set(['template', 'stage', 'status', 'mine']);
    for (const key of Object.keys(c.req.queries())) {
      if (!allowed.has(key)) {
        throw badRequest(
          'unknown-parameter',
          `"${key}" is not a filter here (use template, stage, status, mine).`,
        );
      }
    }
    const q = c.req.query();
    const conditions = [visibleRecordsWhere(user)];
    if (q.template) conditions.push(eq(templates.slug, q.template));
    if (q.stage) conditions.push(eq(records.stage, q.stage));
    if (q.status) {
      if (!['open', 'changes-requested', 'closed'].includes(q.status)) {
        throw badRequest('invalid-status', 'status must be open, changes-requested or closed.');
      }
      conditions.push(eq(records.status, q.status));
    }
    if (q.mine === '1') conditions.push(eq(records.createdBy, user.id));
    const rows = await db
      .select({ row: records, creatorName: users.name })
      .from(records)
      .innerJoin(users, eq(users.id, records.createdBy))
      .innerJoin(templates, eq(templates.id, records.templateId))
      .where(and(...conditions))
      .orderBy(desc(records.updatedAt))
      .limit(500);
    const summaries = [];
    for (const { row, creatorName } of rows) {
      const version = await versionOf(c, row);
      summaries.push(toSummary(row, version.slug, version.version, version.template, creatorName));
    }
    return c.json({ records: summaries });
  });

  app.get('/:id', async (c) => {
    const user = c.var.user;
    const { db } = c.var.services;
    const { row, creatorName } = await findVisibleRecord(db, user, c.req.param('id'));
    const version = await versionOf(c, row);
    const names = new Map<string, string>();
    const [revs, transitions, revs2, sigs] = await Promise.all([
      db
        .select()
        .from(recordRevisions)
        .where(eq(recordRevisions.recordId, row.id))
        .orderBy(asc(recordRevisions.revision)),
      db.select().from(stageTransitions).where(eq(stageTransitions.recordId, row.id)),
      db.select().from(reviews).where(eq(reviews.recordId, row.id)),
      db.select().from(signatures).where(eq(signatures.recordId, row.id)),
    ]);
    const ids = new Set([
      ...revs.map((r) => r.createdBy),
      ...transitions.map((t) => t.by),
      ...revs2.map((r) => r.by),
      ...sigs.map((s) => s.by),
    ]);
    if (ids.size > 0) {
      const people = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.organisationId, user.organisationId), inArray(users.id, [...ids])));
      for (const p of people) names.set(p.id, p.name);
    }
    const by = (id: string) => ({ id, name: names.get(id) ?? 'Unknown' });
    const history: HistoryEntry[] = [
      ...revs.map(
        (r): HistoryEntry => ({
          kind: 'revision',
          at: r.createdAt.toISOString(),
          by: by(r.createdBy),
          revision: r.revision,
          ...(r.removed ? { removed: r.removed as { path: string; value: Json }[] } : {}),
        }),
      ),
      ...transitions.map(
        (t): HistoryEntry => ({
          kind: 'transition',
          at: t.at.toISOString(),
          by: by(t.by),
          from: t.fromStage,
          to: t.toStage,
          templateVersion: version.version,
          evaluation: t.evaluation as unknown as EvaluateResult,
        }),
      ),
      ...revs2.map(
        (r): HistoryEntry => ({
          kind: 'review',
          at: r.at.toISOString(),
          by: by(r.by),
          decision: r.decision as 'approved' | 'changes-requested',
          ...(r.comment ? { comment: r.comment } : {}),
        }),
      ),
      ...sigs.map(
        (s): HistoryEntry => ({
          kind: 'sign-off',
          at: s.at.toISOString(),
          by: by(s.by),
          stage: s.stage,
          dataHash: s.dataHash,
        }),
      ),
    ].sort((a, b) => a.at.localeCompare(b.at));
    c.header('ETag', `"${row.revision}"`);
    return c.json({
      record: toRecord(row, version.slug, version.version, creatorName),
      template: { id: version.slug, version: version.version, title: version.template.title },
      history,
    } satisfies RecordDetailResponse);
  });

  app.post('/:id/proceed', async (c) => {
    const body = shape<ProceedRequest>(await readJson(c), { to: { kind: 'string', maxLength: 200 } });
    return moveRecord(c, c.req.param('id'), body.to, false);
  });

  app.post('/:id/sign-off', async (c) => {
    const body = shape<SignOffRequest>(await readJson(c), {
      to: { kind: 'string', maxLength: 200 },
      password: { kind: 'string', maxLength: 1000 },
    });
    const user = c.var.user;
    const { db } = c.var.services;
    await findVisibleRecord(db, user, c.req.param('id'));
    const [me] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!me || !(await verifyPassword(body.password, me.hash))) {
      throw new Problem(
        403,
        'password-incorrect',
        'That password is not right. Re-enter your own password to sign.',
        '/password',
      );
    }
    return moveRecord(c, c.req.param('id'), body.to, true);
  });

  const review = (decision: 'changes-requested' | 'approved') => async (c: Ctx) => {
    const user = c.var.user;
    const { db, now } = c.var.services;
    const body =
      decision === 'changes-requested'
        ? shape<ReturnRequest>(await readJson(c), { comment: { kind: 'string', maxLength: 5000 } })
        : shape<ApproveRequest>(await readJson(c), {
            comment: { kind: 'string', optional: true, maxLength: 5000 },
          });
    const { row, creatorName } = await findVisibleRecord(db, user, c.req.param('id') ?? '');
    if (!canReview(user)) throw forbidden('Only managers and safeguarding leads can review records.');
    if (row.status === 'closed') throw closed();
    if (decision === 'changes-requested' && !body.comment?.trim()) {
      throw badRequest(
        'comment-required',
        'Say what needs to change, so the author knows what to do.',
        '/comment',
      );
    }
    const version = await versionOf(c, row);
    const at = now();
    const evaluation = evaluateRecord(version, row.data as Json, undefined, at);
    const event = recordEvent(
      c,
      decision === 'approved' ? 'record.approve' : 'record.return',
      { id: row.id, revision: row.revision + 1, data: row.data },
      row.data,
      {},
    );
    const written = await db.transaction(async (tx) => {
      const next = await writeRevision(
        tx,
        version,
        row,
        row.revision,
        {
          data: row.data as Json,
          valid: evaluation.valid,
          status: decision === 'approved' ? 'open' : 'changes-requested',
          reviewComment: decision === 'approved' ? null : (body.comment ?? null),
          safeguarding: row.safeguarding,
          by: user.id,
          at,
        },
        event,
      );
      if (!next) return undefined;
      await tx.insert(reviews).values({
        id: randomUUID(),
        recordId: row.id,
        organisationId: row.organisationId,
        decision,
        comment: body.comment ?? null,
        by: user.id,
        at,
      });
      return next;
    });
    if (!written) throw stale(row, version, creatorName);
    return respond(c, written, version, creatorName, evaluation);
  };
  app.post('/:id/return', review('changes-requested'));
  app.post('/:id/approve', review('approved'));

  return app;
}

export type { CurrentUser };
