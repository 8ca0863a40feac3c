/**
 * The audit trail: append-only and hash-chained, one chain per organisation (plus `platform`), so the order of
 * everything that happened in an organisation is provable. Each event's hash covers its content, its place (`seq`)
 * and the previous event's hash, so an edited, deleted or reordered event breaks the chain.
 *
 * Sequence in the transaction, chain after commit:
 * - `appendAudit` inserts the event inside the caller's transaction, with its content and content hashes but no
 *   place in the chain (`seq`, `prevHash`, `hash` are null), tagged with the inserting transaction id. The event
 *   exists exactly when the change does (a rolled-back change leaves no event), and no save waits for another.
 * - The linker (`link.ts`) then gives events their place, in order, in its own transaction under a per-chain
 *   advisory lock, once their transaction has certainly finished. It runs right after each commit, on a short
 *   interval, and before every verification, so an event is chained within tens of milliseconds of its commit
 *   (runs are spaced under load: see linker.ts).
 * - The window: until it is linked (normally tens of milliseconds; longer only while some transaction in the cluster
 *   that started earlier is still open), an event is protected by the append-only trigger but not yet by the hash chain.
 *   `verifyChain` reports events left unlinked for more than a few seconds as a problem.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '@formwork/engine';
import type { Tx } from '../db/database.js';
import { auditEvents } from '../db/schema.js';
import { hashJson, sha256Hex } from './hash.js';

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

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** An event with its place in the chain. */
export interface LinkedEvent extends AuditEventRow {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * What the hash covers: the event's content and its place in the chain. Not the bookkeeping columns (insertion
 * order, transaction id, insert time): they are physical, not part of what happened.
 */
export function hashedContent(e: Omit<LinkedEvent, 'hash'>) {
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

export function eventHash(e: Omit<LinkedEvent, 'hash'>): string {
  return sha256Hex(canonicalEvent(e));
}

const text = (v: unknown): v is string | null => v === null || typeof v === 'string';
const str = (v: string | null) => JSON.stringify(v);

/**
 * `canonicalJson(hashedContent(e))`, written out: the keys of `hashedContent` are fixed, so their RFC 8785 order is
 * too, and the values are strings or null, an integer (`seq`) and `detail`, whose canonical forms are
 * JSON.stringify's and canonicalJson's. The linker hashes every event once; this costs about a third of the general
 * serialiser. Anything else (a value of another type) takes the general serialiser, so the text is always the same
 * (test/audit-chain.test.ts holds them equal).
 */
export function canonicalEvent(e: Omit<LinkedEvent, 'hash'>): string {
  const {
    action,
    actorId,
    actorName,
    afterHash,
    beforeHash,
    chain,
    entityId,
    entityType,
    id,
    organisationId,
  } = e;
  if (
    !Number.isSafeInteger(e.seq) ||
    !(e.at instanceof Date) ||
    !text(action) ||
    !text(actorId) ||
    !text(actorName) ||
    !text(afterHash) ||
    !text(beforeHash) ||
    !text(chain) ||
    !text(entityId) ||
    !text(entityType) ||
    !text(id) ||
    !text(organisationId) ||
    !text(e.prevHash)
  ) {
    return canonicalJson(hashedContent(e) as never);
  }
  return `{"action":${str(action)},"actorId":${str(actorId)},"actorName":${str(actorName)},"afterHash":${str(
    afterHash,
  )},"at":${str(e.at.toISOString())},"beforeHash":${str(beforeHash)},"chain":${str(chain)},"detail":${canonicalJson(
    (e.detail ?? null) as never,
  )},"entityId":${str(entityId)},"entityType":${str(entityType)},"id":${str(id)},"organisationId":${str(
    organisationId,
  )},"prevHash":${str(e.prevHash)},"seq":${e.seq}}`;
}

export const chainOf = (organisationId: string | null) => organisationId ?? PLATFORM_CHAIN;

/**
 * The stored columns of a new, unlinked event. `known` carries hashes the caller already has for exactly
 * `input.before` / `input.after` (a record's stored data hash), so the same data is not canonicalised twice.
 */
export function auditValues(input: AuditInput, known: { beforeHash?: string; afterHash?: string } = {}) {
  return {
    id: randomUUID(),
    chain: chainOf(input.organisationId),
    // Millisecond precision: the stored timestamptz round-trips exactly to the hashed ISO string.
    at: new Date(Math.floor(input.at.getTime())),
    organisationId: input.organisationId,
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    beforeHash: input.before === undefined ? null : (known.beforeHash ?? hashJson(input.before)),
    afterHash: input.after === undefined ? null : (known.afterHash ?? hashJson(input.after)),
    detail: input.detail ?? null,
  };
}

/**
 * Inserts the event, unlinked, in the caller's transaction: one INSERT, no lock. Returns its id.
 * (A record revision writes its event in its own statement instead: see records/persist.ts.)
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<string> {
  const values = auditValues(input);
  await tx.insert(auditEvents).values(values);
  return values.id;
}
