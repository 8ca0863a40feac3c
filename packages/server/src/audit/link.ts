/**
 * The linker: gives unlinked audit events their place in their organisation's chain (`seq`, `prevHash`, `hash`).
 *
 * It may only link an event whose inserting transaction has certainly finished, or a transaction still running
 * could later commit an event that belongs before one already linked. So it takes events whose `xid` is below the
 * `xmin` of its own snapshot (every transaction with a smaller id has committed or rolled back, and any transaction
 * that commits later has a larger id), in `(xid, insertOrder)` order. Ordering by transaction id first is what
 * makes this safe: by insertion order alone, a transaction that took its id early but inserted its event late
 * could be linked before an older, still-open one with a smaller insertion number.
 * An `xid` at or above the snapshot's `xmax` cannot belong to a transaction of this cluster: the event was restored
 * from a backup of another cluster, so it is finished too.
 *
 * Runs in its own transaction, under a per-chain `pg_advisory_xact_lock`, so any number of processes (and the
 * verify command) can link at once without ever giving two events the same place.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditEvents } from '../db/schema.js';
import { eventHash, GENESIS, type LinkedEvent } from './chain.js';

/** The advisory-lock namespace of audit chains (the second key is the chain's hash). */
const CHAIN_LOCK = 0x46570001;
const BATCH = 1000;

export interface LinkResult {
  linked: number;
  /** Unlinked events seen whose transaction may still be running: try again shortly. */
  waiting: number;
}

const snapshot = sql`pg_current_snapshot()`;
const finished = sql<boolean>`(${auditEvents.xid} < pg_snapshot_xmin(${snapshot}) or ${auditEvents.xid} >= pg_snapshot_xmax(${snapshot}))`;

/** postgres.js returns the rows as the result; PGlite as `result.rows`. */
const rowsOf = (result: unknown): unknown[] =>
  ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as unknown[];

/** Links one batch of one chain. */
export async function linkChainBatch(db: Db, chain: string): Promise<LinkResult & { more: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(${chain}))`);
    // The snapshot is taken by this statement, after the lock: it sees every event linked by the last holder.
    const rows = await tx
      .select({
        event: auditEvents,
        finished,
        // The head, read by the same statement (one round trip fewer).
        headSeq: sql<string | null>`(select seq from audit_heads where chain = ${chain})`,
        headHash: sql<string | null>`(select hash from audit_heads where chain = ${chain})`,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), isNull(auditEvents.seq)))
      .orderBy(asc(auditEvents.xid), asc(auditEvents.insertOrder))
      .limit(BATCH);
    const ready = rows.filter((r) => r.finished).map((r) => r.event);
    const result = { linked: ready.length, waiting: rows.length - ready.length, more: rows.length === BATCH };
    if (ready.length === 0) return result;
    let seq = Number(rows[0]?.headSeq ?? 0);
    let prevHash = rows[0]?.headHash ?? GENESIS;
    const links: { id: string; seq: number; prev_hash: string; hash: string }[] = [];
    for (const event of ready) {
      seq++;
      const hash = eventHash({ ...event, seq, prevHash } as Omit<LinkedEvent, 'hash'>);
      links.push({ id: event.id, seq, prev_hash: prevHash, hash });
      prevHash = hash;
    }
    // One statement for the whole batch and the new head.
    const updated = await tx.execute(sql`
      with linked as (
        update audit_events as e set seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l(id uuid, seq bigint, prev_hash text, hash text)
        where e.id = l.id and e.seq is null
        returning e.id
      ), head as (
        insert into audit_heads (chain, seq, hash) values (${chain}, ${seq}::bigint, ${prevHash})
        on conflict (chain) do update set seq = excluded.seq, hash = excluded.hash
      )
      select id from linked`);
    // Under the lock nobody else links this chain; a shortfall means something is badly wrong: roll back.
    if (rowsOf(updated).length !== links.length) {
      throw new Error(`audit linker: chain ${chain} changed under its lock; nothing was linked`);
    }
    return result;
  });
}

/**
 * Links everything that can be linked now, in every chain. One cheap query first (on the partial index of unlinked
 * events) finds the chains with events ready; a chain whose events all still wait costs no transaction.
 */
export async function linkPending(db: Db): Promise<LinkResult> {
  const chains = await db
    .select({
      chain: auditEvents.chain,
      ready: sql<number>`count(*) filter (where ${finished})`.mapWith(Number),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(auditEvents)
    .where(isNull(auditEvents.seq))
    .groupBy(auditEvents.chain);
  const total: LinkResult = { linked: 0, waiting: 0 };
  for (const { chain, ready, total: unlinked } of chains) {
    if (ready === 0) {
      total.waiting += unlinked;
      continue;
    }
    for (;;) {
      const r = await linkChainBatch(db, chain);
      total.linked += r.linked;
      if (!r.more || r.linked === 0) {
        total.waiting += r.waiting;
        break;
      }
    }
  }
  return total;
}
