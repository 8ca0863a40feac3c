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
import { isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { runText } from '../db/run-text.js';
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

/**
 * One batch of a chain's unlinked events, oldest transaction first, each with whether its transaction has certainly
 * finished, and the chain's head, in one statement (fixed text: prepared once per connection). The snapshot is this
 * statement's, taken after the lock: it sees every event linked by the last holder.
 */
const batchText = `select id, chain, at, organisation_id, actor_id, actor_name, action, entity_type, entity_id,
    before_hash, after_hash, detail,
    (xid < pg_snapshot_xmin(pg_current_snapshot()) or xid >= pg_snapshot_xmax(pg_current_snapshot())) as finished,
    (select seq from audit_heads where chain = $1::text) as head_seq,
    (select hash from audit_heads where chain = $1::text) as head_hash
  from audit_events where chain = $1::text and seq is null
  order by xid, insert_order
  limit ${BATCH}`;

/** The links of one batch and the chain's new head, in one statement; answers how many events it linked. */
const linkText = `with linked as (
    update audit_events as e set seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
    from jsonb_to_recordset($1::jsonb) as l(id uuid, seq bigint, prev_hash text, hash text)
    where e.id = l.id and e.seq is null
    returning e.id
  ), head as (
    insert into audit_heads (chain, seq, hash) values ($2::text, $3::bigint, $4::text)
    on conflict (chain) do update set seq = excluded.seq, hash = excluded.hash
  )
  select count(*)::integer as n from linked`;

type Cell = string | number | boolean | Date | null | object;

/** Links one batch of one chain. */
export async function linkChainBatch(db: Db, chain: string): Promise<LinkResult & { more: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(${chain}))`);
    const rows = (await runText(tx, batchText, [chain])) as Record<string, Cell>[];
    const ready = rows.filter((r) => r.finished === true);
    const result = { linked: ready.length, waiting: rows.length - ready.length, more: rows.length === BATCH };
    if (ready.length === 0) return result;
    let seq = Number(rows[0]?.head_seq ?? 0);
    let prevHash = (rows[0]?.head_hash ?? GENESIS) as string;
    const links: { id: string; seq: number; prev_hash: string; hash: string }[] = [];
    for (const r of ready) {
      seq++;
      // Both drivers hand timestamps over as text here, and jsonb parsed or as text.
      const event = {
        id: r.id as string,
        chain: r.chain as string,
        seq,
        at: typeof r.at === 'string' ? new Date(r.at) : (r.at as Date),
        organisationId: (r.organisation_id ?? null) as string | null,
        actorId: (r.actor_id ?? null) as string | null,
        actorName: (r.actor_name ?? null) as string | null,
        action: r.action as string,
        entityType: r.entity_type as string,
        entityId: (r.entity_id ?? null) as string | null,
        beforeHash: (r.before_hash ?? null) as string | null,
        afterHash: (r.after_hash ?? null) as string | null,
        detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : (r.detail ?? null),
        prevHash,
      };
      const hash = eventHash(event as Omit<LinkedEvent, 'hash'>);
      links.push({ id: event.id, seq, prev_hash: prevHash, hash });
      prevHash = hash;
    }
    const [updated] = (await runText(tx, linkText, [JSON.stringify(links), chain, seq, prevHash])) as {
      n: number;
    }[];
    // Under the lock nobody else links this chain; a shortfall means something is badly wrong: roll back.
    if (Number(updated?.n) !== links.length) {
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
