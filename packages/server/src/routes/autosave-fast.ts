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
import { GROUP_MAX, runGrouped } from '../db/run-grouped.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/json-body.js';
import { evaluateRecord } from '../records/evaluate-safely.js';
import { actionItemRows, iso } from '../records/persist.js';
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

/**
 * The statement, over the saves of one group (db/run-grouped.ts): `$1` is a jsonb array of inputs, one per save,
 * each decided and written on its own (its own session, record and checks; no two in a group for one record).
 * `withItems`: for saves whose record has action items (upserted, and the others deleted); the usual draft has
 * none and its statement carries no insert for the database to set up.
 */
function statement(withItems: boolean): string {
  const parts = [
    // Each input with its session (live, not idle, its user enabled and in a role that may edit) and its record as
    // this statement's snapshot sees it (for the audit event's "before" hash; requiring the same revision there and
    // in the row being updated, rechecked after any concurrent write, makes them the same data). Both are looked up
    // by primary key (lateral, limit 1: one row at most, and so always by index, whatever the planner thinks of
    // the tables' sizes); an input whose session or record does not qualify has no row here and writes nothing.
    // At most GROUP_MAX inputs: the outer limit tells the planner so.
    `i as (select i.*, x.user_id, x.user_name, x.organisation_id, x.team_id, x.role, x.last_seen_at,
        y.before_hash
      from jsonb_to_recordset($1::jsonb) as i(n integer, token text, csrf text, at timestamptz,
        idle_after timestamptz, record uuid, expected integer, data jsonb, safeguarding boolean, category text,
        harm text, occurred_at timestamptz, data_hash text, version uuid, valid boolean, event uuid,
        event_at timestamptz, detail jsonb, act boolean, pointers jsonb, items jsonb)
      cross join lateral (
        select u.id as user_id, u.name as user_name, u.organisation_id, u.team_id, u.role, s.last_seen_at
        from sessions s
        join users u on u.id = s.user_id
        join organisations o on o.id = u.organisation_id
        where s.id = i.token and s.csrf_token = i.csrf and s.expires_at > i.at
          and date_trunc('milliseconds', s.last_seen_at) > i.idle_after
          and not u.disabled and u.role in ('staff', 'manager', 'safeguarding-lead')
        limit 1) x
      cross join lateral (
        select r.data_hash as before_hash from records r
        where r.id = i.record and r.revision = i.expected and r.data_hash is not null
        limit 1) y
      limit ${GROUP_MAX})`,
    `upd as (update records r set data = i.data, revision = i.expected + 1,
        safeguarding = r.safeguarding or i.safeguarding, updated_at = i.at, category = i.category, harm = i.harm,
        occurred_at = i.occurred_at, data_hash = i.data_hash
      from i, users c
      where r.id = i.record and r.revision = i.expected
        and r.organisation_id = i.organisation_id and r.template_version_id = i.version
        and r.status <> 'closed' and c.id = r.created_by
        -- canEditRecord (canSeeRecord included) for the three roles that may edit
        and (r.created_by = i.user_id or i.role <> 'staff' or (not r.safeguarding and r.team_id = i.team_id))
      returning r.*, i.n, i.valid, i.at as saved_at, i.event, i.event_at, i.detail, i.act, i.pointers, i.items,
        i.before_hash, c.name as creator_name, i.user_id as actor_id, i.user_name as actor_name, i.last_seen_at)`,
    `rev as (insert into record_revisions (record_id, revision, organisation_id, data, removed, valid, created_by,
        created_at)
      select upd.id, upd.revision, upd.organisation_id, upd.data, null, upd.valid, upd.actor_id, upd.saved_at
      from upd)`,
    // The record's actions in step with its items (the template declares actions: act).
    withItems
      ? `act_del as (delete from record_actions a where a.record_id = any (array(select id from upd where upd.act))
          and not exists (select 1 from upd, jsonb_array_elements_text(upd.pointers) p
            where upd.id = a.record_id and p = a.pointer))`
      : 'act_del as (delete from record_actions where record_id = any (array(select id from upd where upd.act)))',
    ...(withItems
      ? [
          `act_ins as (insert into record_actions (record_id, organisation_id, pointer, description, owner, due_at,
          completed_at, item)
        select upd.id, upd.organisation_id, a.pointer, a.description, a.owner, a.due_at, a.completed_at, a.item
        from upd, jsonb_to_recordset(upd.items) as a(pointer text, description text, owner text,
          due_at timestamptz, completed_at timestamptz, item jsonb)
        where upd.act
        on conflict (record_id, pointer) do update set description = excluded.description, owner = excluded.owner,
          due_at = excluded.due_at, completed_at = excluded.completed_at, item = excluded.item)`,
        ]
      : []),
    // The same event as the general path's recordEvent('record.save'), its actor and organisation from the session.
    `aud as (insert into audit_events (id, chain, at, organisation_id, actor_id, actor_name, action,
        entity_type, entity_id, before_hash, after_hash, detail)
      select upd.event, upd.organisation_id::text, upd.event_at, upd.organisation_id, upd.actor_id, upd.actor_name,
        'record.save', 'record', upd.id::text, upd.before_hash, upd.data_hash, upd.detail
      from upd)`,
  ];
  // Columns of the written record (all but `data`, which the caller has), its creator, the session's last use.
  return `with ${parts.join(',\n')}
select upd.n, upd.id, upd.organisation_id, upd.team_id, upd.template_id, upd.template_version_id, upd.stage,
  upd.status, upd.revision, upd.safeguarding, upd.created_by, upd.created_at, upd.updated_at, upd.stage_entered_at,
  upd.closed_at, upd.review_comment, upd.category, upd.harm, upd.occurred_at, upd.creator_name, upd.last_seen_at
from upd`;
}

const withoutItems = statement(false);
const withItems = statement(true);

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
  const items = actionItemRows(gov);
  const rows = (await runGrouped(db, items.length > 0 ? withItems : withoutItems, input.recordId, {
    token: input.token,
    csrf: input.csrf,
    at: at.toISOString(),
    idle_after: new Date(at.getTime() - IDLE_MS).toISOString(),
    record: input.recordId,
    expected,
    data,
    safeguarding: evaluation.safeguarding,
    category: gov.category,
    harm: gov.harm,
    occurred_at: iso(gov.occurredAt),
    data_hash: dataHash,
    version: version.id,
    valid: evaluation.valid,
    event: randomUUID(),
    event_at: new Date(Math.floor(at.getTime())).toISOString(),
    detail: { revision: expected + 1 },
    act: version.governance.actions.length > 0,
    pointers: items.map((a) => a.pointer),
    items,
  })) as Record<string, Cell>[];
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
