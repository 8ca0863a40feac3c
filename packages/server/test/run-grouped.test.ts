/**
 * Group commit (src/db/run-grouped.ts): statements handed over in one turn share one transaction; each caller gets
 * its own rows only once that transaction has committed; a group the database rolls back is run again statement by
 * statement, so a failing statement fails alone and nothing is written twice or lost.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_MAX, runGrouped } from '../src/db/run-grouped.js';
import { backends, freshDatabase } from './helpers.js';

describe.each(backends)('grouped statements on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`create table grouped_probe (n integer primary key)`);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const xidOf = (rows: unknown[]) => String((rows[0] as { x: unknown }).x);
  const probe = (n: number) =>
    runGrouped(
      database.db,
      'insert into grouped_probe (n) values ($1::integer) returning n, pg_current_xact_id()::text as x',
      [n],
    );
  const stored = async (ns: number[]) => {
    const rows = await database.db.execute(
      sql`select n from grouped_probe where n = any(${`{${ns.join(',')}}`}::integer[]) order by n`,
    );
    const list = ((rows as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])) as { n: number }[];
    return list.map((r) => Number(r.n));
  };

  it('runs the statements of one turn in one transaction, each caller getting its own rows', async () => {
    const results = await Promise.all([101, 102, 103].map(probe));
    expect(results.map((rows) => Number((rows[0] as { n: unknown }).n))).toEqual([101, 102, 103]);
    expect(new Set(results.map(xidOf)).size).toBe(1);
    expect(await stored([101, 102, 103])).toEqual([101, 102, 103]);
  });

  it('answers only after the commit: what a caller got is visible to everyone else', async () => {
    const seen = await Promise.all(
      [111, 112].map(async (n) => {
        await probe(n);
        return stored([n]); // another statement, on any connection of the pool
      }),
    );
    expect(seen).toEqual([[111], [112]]);
  });

  it(`starts another transaction after ${GROUP_MAX} statements`, async () => {
    const ns = Array.from({ length: GROUP_MAX + 3 }, (_, i) => 200 + i);
    const results = await Promise.all(ns.map(probe));
    const xids = results.map(xidOf);
    expect(new Set(xids.slice(0, GROUP_MAX)).size).toBe(1);
    expect(new Set(xids.slice(GROUP_MAX)).size).toBe(1);
    expect(xids[GROUP_MAX]).not.toBe(xids[0]);
    expect(await stored(ns)).toEqual(ns);
  });

  it('a statement that fails, fails alone: the others are written once, each in its own transaction', async () => {
    // 301 is inserted twice in the group: the second fails (unique violation) and rolls the group back; run again
    // one by one, 300 and 302 and the first 301 are written, exactly once, and only the duplicate is refused.
    const calls = [probe(300), probe(301), probe(301), probe(302)];
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const xids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [xidOf(o.value)] : []));
    expect(new Set(xids).size).toBe(3);
    expect(await stored([300, 301, 302])).toEqual([300, 301, 302]);
  });
});
