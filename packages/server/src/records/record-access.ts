/** Finding a record the caller may see: anything else (another organisation's, invisible, malformed id) is 404. */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { canSeeRecord } from '../access/policy.js';
import type { Db } from '../db/database.js';
import { records, users } from '../db/schema.js';
import type { CurrentUser } from '../http/env.js';
import { notFound } from '../http/problem.js';
import type { RecordRow } from './record-view.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuidPattern.test(id);

/** Built once per database handle: every save and move reads its record this way. */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return db
    .select({ row: records, creatorName: users.name })
    .from(records)
    .innerJoin(users, eq(users.id, records.createdBy))
    .where(
      and(
        eq(records.id, sql.placeholder('id')),
        eq(records.organisationId, sql.placeholder('organisationId')),
      ),
    )
    .prepare('formwork_find_record');
}

export async function findVisibleRecord(
  db: Db,
  user: CurrentUser,
  id: string,
): Promise<{ row: RecordRow; creatorName: string }> {
  if (!isUuid(id)) throw notFound('That record');
  let query = prepared.get(db);
  if (!query) {
    query = prepare(db);
    prepared.set(db, query);
  }
  const [found] = await query.execute({ id, organisationId: user.organisationId });
  if (!found || !canSeeRecord(user, found.row)) throw notFound('That record');
  return found;
}

/** The same rule as `canSeeRecord`, as SQL for lists. */
export function visibleRecordsWhere(user: CurrentUser): SQL {
  const reviewer = user.role === 'manager' || user.role === 'safeguarding-lead';
  const orgWide = user.role !== 'staff';
  const notSafeguarding =
    user.role === 'staff'
      ? and(eq(records.safeguarding, false), user.teamId ? eq(records.teamId, user.teamId) : sql`false`)
      : orgWide
        ? eq(records.safeguarding, false)
        : sql`false`;
  return and(
    eq(records.organisationId, user.organisationId),
    or(
      eq(records.createdBy, user.id),
      notSafeguarding,
      reviewer ? eq(records.safeguarding, true) : sql`false`,
    ),
  )!;
}
