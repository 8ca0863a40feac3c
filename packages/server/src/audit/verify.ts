/**
 * Verifying a chain: every linked event in `seq` order, recomputing each hash and link, then the chain head, then
 * the events still waiting to be linked. An event left unlinked for more than a few seconds is a problem (the
 * linker is not running, or a transaction has been open for that long), never ok by omission.
 */
import { and, asc, count, eq, gt, isNull, lt, min, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { auditEvents, auditHeads } from '../db/schema.js';
import { eventHash, GENESIS, type LinkedEvent } from './chain.js';

/** How long an event may wait for the linker before verification reports it. */
export const UNLINKED_GRACE_SECONDS = 5;

export interface VerifyResult {
  ok: boolean;
  /** Linked events checked and found good. */
  checked: number;
  firstBadEventId?: string;
  /** Events waiting for the linker longer than the grace period. */
  unlinked?: number;
  /** Why verification failed, in a sentence. */
  reason?: string;
}

const PAGE = 2000;

export async function verifyChain(
  db: Db | Tx,
  chain: string,
  graceSeconds = UNLINKED_GRACE_SECONDS,
): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, lastSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const row of page) {
      const event = row as LinkedEvent;
      const bad = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBadEventId: event.id,
        reason,
      });
      if (event.seq !== expectedSeq)
        return bad(`expected event ${expectedSeq}, found ${event.seq}: events missing`);
      if (event.prevHash !== prevHash)
        return bad('its previous-hash link does not match the event before it');
      const { hash, ...rest } = event;
      if (eventHash(rest) !== hash) return bad('its content does not match its hash');
      checked++;
      prevHash = hash;
      expectedSeq++;
      lastSeq = event.seq;
    }
    if (page.length < PAGE) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chain));
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      reason: `the chain head says ${head.seq} events; events at the end are missing`,
    };
  }
  const [waiting] = await db
    .select({ n: count(), oldest: min(auditEvents.insertedAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.chain, chain),
        isNull(auditEvents.seq),
        lt(auditEvents.insertedAt, sql`now() - make_interval(secs => ${graceSeconds})`),
      ),
    );
  if (waiting && waiting.n > 0) {
    const oldest = waiting.oldest ? new Date(waiting.oldest).toISOString() : 'unknown';
    return {
      ok: false,
      checked,
      unlinked: waiting.n,
      reason: `${waiting.n} event(s) are not chained yet, the oldest stored at ${oldest}: the audit linker is not running, or a database transaction has been open since then. Check the server log, then verify again.`,
    };
  }
  return { ok: true, checked };
}

/** Every chain: those with a head, and those whose events have never been linked. */
export async function listChains(db: Db): Promise<string[]> {
  const heads = await db.select({ chain: auditHeads.chain }).from(auditHeads);
  const unlinked = await db
    .selectDistinct({ chain: auditEvents.chain })
    .from(auditEvents)
    .where(isNull(auditEvents.seq));
  return [...new Set([...heads, ...unlinked].map((r) => r.chain))].sort();
}
