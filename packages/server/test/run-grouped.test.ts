/**
 * Group commit (src/db/run-grouped.ts): the inputs for one statement handed over in one turn run as one statement
 * (one transaction); each caller gets its own rows only once it has committed; a group the database rolls back is
 * run again input by input, so a failing input fails alone and nothing is written twice or lost; one key (record)
 * is never twice in a group.
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
  // Each input inserts its value; the rows answer with the input's place, the value and the transaction.
  const text = `with x as (select * from jsonb_to_recordset($1::jsonb) as x(n integer, v integer)),
    ins as (insert into grouped_probe (n) select v from x returning n as v)
    select x.n, x.v as n_value, pg_current_xact_id()::text as x from x join ins using (v)`;
  const probe = (n: number, key = String(n)) =>
    runGrouped(database.db, text, key, { v: n }).then((rows) => rows.map((r) => ({ n: r.n_value, x: r.x })));
  it('never puts one key twice in a group: the second waits for the next statement', async () => {
    const results = await Promise.all([probe(501, 'same'), probe(502, 'other'), probe(503, 'same')]);
    const [a, b, c] = results.map(xidOf);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(await stored([501, 502, 503])).toEqual([501, 502, 503]);
  });

  const stored = async (ns: number[]) => {
    const rows = await database.db.execute(
      sql`select n from grouped_probe where n = any(${`{${ns.join(',')}}`}::integer[]) order by n`,
    );
    const list = ((rows as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])) as { n: number }[];
    return list.map((r) => Number(r.n));
  };

  it('runs the inputs of one turn as one statement, each caller getting its own rows', async () => {
    const results = await Promise.all([101, 102, 103].map((n) => probe(n)));
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

  it(`starts another statement after ${GROUP_MAX} inputs`, async () => {
    const ns = Array.from({ length: GROUP_MAX + 3 }, (_, i) => 200 + i);
    const results = await Promise.all(ns.map((n) => probe(n)));
    const xids = results.map(xidOf);
    expect(new Set(xids.slice(0, GROUP_MAX)).size).toBe(1);
    expect(new Set(xids.slice(GROUP_MAX)).size).toBe(1);
    expect(xids[GROUP_MAX]).not.toBe(xids[0]);
    expect(await stored(ns)).toEqual(ns);
  });

  it('an input that fails, fails alone: the others are written once, each in its own transaction', async () => {
    // 301 is inserted twice in the group (under two keys): the statement fails (unique violation) and is rolled
    // back; run again one by one, 300, 302 and the first 301 are written, exactly once, and only the duplicate is
    // refused.
    const calls = [probe(300), probe(301, 'a'), probe(301, 'b'), probe(302)];
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const xids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [xidOf(o.value)] : []));
    expect(new Set(xids).size).toBe(3);
    expect(await stored([300, 301, 302])).toEqual([300, 301, 302]);
  });
});
