/**
 * The autosave in ONE statement, when it can be: the session, the CSRF token, who may edit the record, its
 * revision and state are checked by the same statement that writes the row, its revision, its actions and its audit
 * event. The general path (`requireSessionAndRecord`, `requireCsrf`, `saveRecordData`) reads first and writes
 * second: two round trips, and the read's row mapping, on the busiest route there is.
 *
 * Soundness: the statement writes only when every check of the general path would have let the save through (the
 * SQL below is those checks, condition for condition: acceptSession, requireCsrf, canSeeRecord and canEditRecord,
 * the closed and stale checks). Anything else (no write) is handed to the general path, which decides and answers
 * exactly as before, in the same order (401, 403, 400s, 404, 428, 409, 412). So this path can only ever answer 200,
 * and only where the general path would have. The guard is tested against the policy functions role by role
 * (test/autosave-fast.test.ts).
 *
 * What it needs before the database: the record's pinned template version (immutable, kept in memory once seen:
 * records/pinned-versions.ts) to evaluate with, and the body. A body is read before the session is known only up to
 * FAST_BODY_BYTES (a larger one goes the general way, session first), so an unauthenticated caller can make the
 * server parse and evaluate at most that much per request.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '@formwork/engine';
import type { MiddlewareHandler } from 'hono';
import { hashJson } from '../audit/hash.js';
import { IDLE_MS, sessionTokenId, touchSession } from '../auth/session.js';
import { runGrouped } from '../db/run-grouped.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/json-body.js';
import { evaluateRecord } from '../records/evaluate-safely.js';
import { actionParts, iso, parameters } from '../records/persist.js';
import { pinnedVersion } from '../records/pinned-versions.js';
import { isUuid } from '../records/record-access.js';
import { toRecord } from '../records/record-view.js';
import { type Cell, cellDate, recordRowFromText } from '../records/row-from-text.js';
import { governanceValues } from '../templates/governance.js';
import { loadVersion } from '../templates/version-cache.js';
import type { RecordEvaluationResponse } from '../types.js';

/** The largest body read before the session is known. */
export const FAST_BODY_BYTES = 64 * 1024;

const ifMatch = /^(?:W\/)?"(\d{1,9})"$/;

/** What the general path needs to know before it can even start: null means "take the general path". */
async function prepare(c: Parameters<MiddlewareHandler<AppEnv>>[0]) {
  const recordId = c.req.param('id') ?? '';
  const versionId = isUuid(recordId) ? pinnedVersion(recordId) : undefined;
  const csrf = c.req.header('x-csrf-token');
  const expected = ifMatch.exec(c.req.header('if-match')?.trim() ?? '');
  const length = Number(c.req.header('content-length'));
  if (!versionId || !csrf || !expected || !(length > 0 && length <= FAST_BODY_BYTES)) return null;
  let token: string;
  try {
    token = sessionTokenId(c);
  } catch {
    return null; // no usable cookie: the general path answers 401
  }
  let body: unknown;
  try {
    body = await readJson(c); // kept: the general path gets the same outcome
  } catch {
    return null;
  }
  // The general path's shape check, without its errors: `{ data: { … } }` and nothing else.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const keys = Object.keys(body);
  const data = (body as { data?: unknown }).data;
  if (
    keys.length !== 1 ||
    keys[0] !== 'data' ||
    data === null ||
    typeof data !== 'object' ||
    Array.isArray(data)
  ) {
    return null;
  }
  const version = await loadVersion(c.var.services.db, versionId);
  if (!version) return null;
  return {
    recordId,
    token,
    csrf,
    expected: Number(expected[1]),
    data: data as { [k: string]: Json },
    version,
  };
}

/** Columns of the written record (all but `data`, which the caller has), its creator, the session's last use. */
const returned = `upd.id, upd.organisation_id, upd.team_id, upd.template_id, upd.template_version_id, upd.stage,
  upd.status, upd.revision, upd.safeguarding, upd.created_by, upd.created_at, upd.updated_at, upd.stage_entered_at,
  upd.closed_at, upd.review_comment, upd.category, upd.harm, upd.occurred_at, upd.creator_name, upd.last_seen_at`;

export const fastAutosave: MiddlewareHandler<AppEnv> = async (c, next) => {
  const input = await prepare(c);
  if (!input) return next();
  const { db, now } = c.var.services;
  const { version, data, expected } = input;
  const at = now();
  // As the general path: autosave keeps everything typed (no prune); an invalid draft is still stored.
  const evaluation = evaluateRecord(version, data, undefined, at);
  const gov = governanceValues(version.governance, data);
  const dataHash = hashJson(data);
  const { values, p } = parameters();
  const now$ = p(at.toISOString());
  const session = `s as (select u.id as user_id, u.name as user_name, u.organisation_id, u.team_id, u.role,
        s.last_seen_at
      from sessions s
      join users u on u.id = s.user_id
      join organisations o on o.id = u.organisation_id
      where s.id = ${p(input.token)}::text and s.csrf_token = ${p(input.csrf)}::text
        and s.expires_at > ${now$}::timestamptz
        and date_trunc('milliseconds', s.last_seen_at) > ${p(new Date(at.getTime() - IDLE_MS).toISOString())}::timestamptz
        and not u.disabled and u.role in ('staff', 'manager', 'safeguarding-lead'))`;
  // pre: the row as this statement's snapshot sees it, for the audit event's "before" hash. Requiring the same
  // revision there and in the row being updated (rechecked after any concurrent write) makes them the same data.
  const id$ = p(input.recordId);
  const expected$ = p(expected);
  const parts = [
    session,
    `pre as (select id, data_hash from records where id = ${id$}::uuid and revision = ${expected$}::integer)`,
    `upd as (update records r set data = ${p(JSON.stringify(data))}::jsonb, revision = ${p(expected + 1)}::integer,
        safeguarding = r.safeguarding or ${p(evaluation.safeguarding)}::boolean, updated_at = ${now$}::timestamptz,
        category = ${p(gov.category)}::text, harm = ${p(gov.harm)}::text,
        occurred_at = ${p(iso(gov.occurredAt))}::timestamptz, data_hash = ${p(dataHash)}::text
      from s, pre, users c
      where r.id = ${id$}::uuid and pre.id = r.id and r.revision = ${expected$}::integer
        and r.organisation_id = s.organisation_id and r.template_version_id = ${p(version.id)}::uuid
        and r.status <> 'closed' and pre.data_hash is not null and c.id = r.created_by
        -- canEditRecord (canSeeRecord included) for the three roles that may edit
        and (r.created_by = s.user_id or s.role <> 'staff' or (not r.safeguarding and r.team_id = s.team_id))
      returning r.*, pre.data_hash as before_hash, c.name as creator_name, s.user_id as actor_id,
        s.user_name as actor_name, s.last_seen_at)`,
    `rev as (insert into record_revisions (record_id, revision, organisation_id, data, removed, valid, created_by,
        created_at)
      select upd.id, upd.revision, upd.organisation_id, upd.data, null, ${p(evaluation.valid)}::boolean,
        upd.actor_id, ${now$}::timestamptz
      from upd)`,
  ];
  if (version.governance.actions.length > 0) parts.push(...actionParts(p, gov, 'upd.organisation_id'));
  // The same event as the general path's recordEvent('record.save'), its actor and organisation from the session.
  parts.push(`aud as (insert into audit_events (id, chain, at, organisation_id, actor_id, actor_name, action,
        entity_type, entity_id, before_hash, after_hash, detail)
      select ${p(randomUUID())}::uuid, upd.organisation_id::text, ${p(new Date(Math.floor(at.getTime())).toISOString())}::timestamptz,
        upd.organisation_id, upd.actor_id, upd.actor_name, 'record.save', 'record', upd.id::text, upd.before_hash,
        upd.data_hash, ${p(JSON.stringify({ revision: expected + 1 }))}::jsonb
      from upd)`);
  const rows = (await runGrouped(
    db,
    `with ${parts.join(',\n')}\nselect ${returned} from upd`,
    values,
  )) as Record<string, Cell>[];
  const r = rows[0];
  if (!r) return next(); // something the general path must decide (and word): nothing was written
  const row = recordRowFromText(r, { data, dataHash });
  await touchSession(c, input.token, cellDate(r.last_seen_at ?? null), at);
  c.header('ETag', `"${row.revision}"`);
  return c.json({
    record: toRecord(row, version.slug, version.version, r.creator_name as string),
    evaluation,
  } satisfies RecordEvaluationResponse);
};
