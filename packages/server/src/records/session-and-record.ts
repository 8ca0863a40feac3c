/**
 * The autosave's hot path reads the caller's session and the record in ONE statement: the session by token hash
 * with its user and organisation, and the record by id within that user's organisation with its creator's name.
 * Separately they were two round trips and two drivers' worth of row mapping per save. The decisions stay where
 * they were: `acceptSession` (401, ending a dead session) and `canSeeRecord` (404), in the same order as the
 * general middleware and `findVisibleRecord`, so the responses are byte for byte the same.
 */
import type { MiddlewareHandler } from 'hono';
import { canSeeRecord } from '../access/policy.js';
import { acceptSession, type SessionFacts, sessionTokenId } from '../auth/session.js';
import { runText } from '../db/run-text.js';
import type { AppEnv } from '../http/env.js';
import { isUuid } from './record-access.js';
import type { RecordRow } from './record-view.js';
import { type Cell, cellDate, recordRowFromText } from './row-from-text.js';

/**
 * Fixed text with typed parameters ($1 the token hash, $2 the record id or null), so postgres.js prepares it once
 * per connection and reuses it. Left joins: no record (or another organisation's) still returns the session.
 */
const statement = `select s.csrf_token, s.expires_at, s.last_seen_at,
    u.id as user_id, u.name as user_name, u.email, u.role, u.organisation_id as user_organisation_id,
    u.team_id as user_team_id, u.disabled, o.name as organisation_name,
    r.id, r.organisation_id, r.team_id, r.template_id, r.template_version_id, r.stage, r.status, r.data, r.data_hash,
    r.revision, r.safeguarding, r.created_by, r.created_at, r.updated_at, r.stage_entered_at, r.closed_at,
    r.review_comment, r.category, r.harm, r.occurred_at, c.name as creator_name
  from sessions s
  join users u on u.id = s.user_id
  join organisations o on o.id = u.organisation_id
  left join records r on r.id = $2::uuid and r.organisation_id = u.organisation_id
  left join users c on c.id = r.created_by
  where s.id = $1::text`;

export interface FoundRecord {
  row: RecordRow;
  creatorName: string;
}

function sessionFacts(r: Record<string, Cell>): SessionFacts {
  return {
    csrfToken: r.csrf_token as string,
    expiresAt: cellDate(r.expires_at ?? null),
    lastSeenAt: cellDate(r.last_seen_at ?? null),
    user: {
      id: r.user_id as string,
      name: r.user_name as string,
      email: r.email as string,
      role: r.role as string,
      organisationId: r.user_organisation_id as string,
      teamId: (r.user_team_id ?? null) as string | null,
      disabled: r.disabled as boolean,
    },
    organisationName: r.organisation_name as string,
  };
}

function recordOf(r: Record<string, Cell>): FoundRecord | undefined {
  if (r.id === null || r.id === undefined || r.creator_name === null || r.creator_name === undefined) {
    return undefined;
  }
  const row = recordRowFromText(r);
  return { row, creatorName: r.creator_name as string };
}

/**
 * For a route with `:id` naming a record: requires a live session (as `requireSession`) and reads the record in
 * the same statement. Sets `found` to the record when the caller may see it, or null: the route answers 404 at
 * the point where it always has (after reading its body), so the order of errors is unchanged.
 */
export const requireSessionAndRecord: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = sessionTokenId(c);
  const recordId = c.req.param('id') ?? '';
  const rows = (await runText(c.var.services.db, statement, [
    id,
    isUuid(recordId) ? recordId : null,
  ])) as Record<string, Cell>[];
  const first = rows[0];
  await acceptSession(c, id, first && sessionFacts(first));
  const found = first && recordOf(first);
  c.set('found', found && canSeeRecord(c.var.user, found.row) ? found : null);
  await next();
};
