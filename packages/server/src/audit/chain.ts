/**
 * The audit trail: append-only and hash-chained, one chain per organisation (plus `platform`). Each event's hash
 * covers its content and the previous event's hash, so an edited, deleted or reordered event breaks the chain.
 * Appends run inside the caller's transaction, after the change, and lock the chain head row (`FOR UPDATE`) so
 * that concurrent processes append one at a time and a rolled-back change leaves no event.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { auditEvents, auditHeads } from '../db/schema.js';
import { hashJson } from './hash.js';

export const GENESIS = '0'.repeat(64);
export const PLATFORM_CHAIN = 'platform';

export interface AuditInput {
  organisationId: string | null;
  actor: { id: string; name: string } | null;
  /** e.g. `record.save`, `record.transition`, `template.publish`, `login`, `login-failed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** Small, non-sensitive facts (ids, stage names); never record data. */
  detail?: Record<string, unknown> | null;
  at: Date;
}

type EventRow = typeof auditEvents.$inferSelect;

/** What the hash covers: every stored column except `hash` itself. */
function hashedContent(e: Omit<EventRow, 'hash'>) {
  return {
    id: e.id,
    chain: e.chain,
    seq: e.seq,
    at: e.at.toISOString(),
    organisationId: e.organisationId,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    beforeHash: e.beforeHash,
    afterHash: e.afterHash,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
  };
}

export async function appendAudit(tx: Tx, input: AuditInput): Promise<EventRow> {
  const chain = input.organisationId ?? PLATFORM_CHAIN;
  await tx.insert(auditHeads).values({ chain, seq: 0, hash: GENESIS }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  if (!head) throw new Error(`audit chain head ${chain} is missing`);
  const partial = {
    id: randomUUID(),
    chain,
    seq: head.seq + 1,
    // Millisecond precision: the stored timestamptz round-trips exactly to the hashed ISO string.
    at: new Date(Math.floor(input.at.getTime())),
    organisationId: input.organisationId,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    beforeHash: input.before === undefined ? null : hashJson(input.before),
    afterHash: input.after === undefined ? null : hashJson(input.after),
    detail: input.detail ?? null,
    prevHash: head.hash,
  };
  const row: EventRow = { ...partial, hash: hashJson(hashedContent(partial)) };
  await tx.insert(auditEvents).values(row);
  await tx.update(auditHeads).set({ seq: row.seq, hash: row.hash }).where(eq(auditHeads.chain, chain));
  return row;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadEventId?: string;
  /** Why verification stopped (for the CLI; the API returns only the id). */
  reason?: string;
}

/** Walks one chain in `seq` order, in pages, recomputing every hash and link. */
export async function verifyChain(db: Db | Tx, chain: string): Promise<VerifyResult> {
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
      .limit(2000);
    for (const event of page) {
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
      if (hashJson(hashedContent(rest)) !== hash) return bad('its content does not match its hash');
      checked++;
      prevHash = hash;
      expectedSeq++;
      lastSeq = event.seq;
    }
    if (page.length < 2000) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chain));
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      reason: `the chain head says ${head.seq} events; events at the end are missing`,
    };
  }
  return { ok: true, checked };
}

export async function listChains(db: Db): Promise<string[]> {
  const rows = await db.select({ chain: auditHeads.chain }).from(auditHeads).orderBy(asc(auditHeads.chain));
  return rows.map((r) => r.chain);
}
