/**
 * The audit chain, sequenced in the transaction and chained after commit: events exist exactly when their change
 * does, the linker chains them in a provable order, the append-only trigger lets only the linker's one update
 * through, and verification never passes a chain whose events were left unlinked.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '@formwork/engine';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditInput,
  appendAudit,
  canonicalEvent,
  hashedContent,
  type LinkedEvent,
} from '../src/audit/chain.js';
import { linkChainBatch, linkPending } from '../src/audit/link.js';
import { AuditLinker } from '../src/audit/linker.js';
import { listChains, verifyChain } from '../src/audit/verify.js';
import { openDatabase } from '../src/db/database.js';
import { auditEvents, organisations } from '../src/db/schema.js';
import { seedIfEmpty } from '../src/seed/first-start.js';
import { createOrganisation } from '../src/seed/organisation.js';
import { backends, freshDatabase } from './helpers.js';

const event = (chain: string, action: string): AuditInput => ({
  organisationId: chain,
  actor: null,
  action,
  entityType: 'test',
  entityId: null,
  detail: { action },
  at: new Date(),
});

/**
 * Links until nothing waits. On a shared PostgreSQL cluster another session's open transaction can hold the
 * snapshot's xmin back for a moment (which is exactly when the linker must wait), so this polls rather than
 * assuming one run is enough.
 */
async function linkEverything(db: Parameters<typeof linkPending>[0]) {
  for (let i = 0; i < 400; i++) {
    if ((await linkPending(db)).waiting === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('audit events still wait for an open transaction after 10 s');
}

describe('canonical form of an event (what its hash covers)', () => {
  it('is exactly canonicalJson(hashedContent) for every kind of value an event holds', () => {
    const base: Omit<LinkedEvent, 'hash'> = {
      id: randomUUID(),
      chain: 'platform',
      seq: 1,
      at: new Date('2026-03-01T10:00:00.123Z'),
      organisationId: null,
      actorId: randomUUID(),
      actorName: 'Zoë "Z" O’Neil \\ \u2028 \ud83d\ude00',
      action: 'record.save',
      entityType: 'record',
      entityId: randomUUID(),
      beforeHash: null,
      afterHash: 'a'.repeat(64),
      detail: { revision: 2, b: [1, 'x', null], a: { z: true, é: -0, e: 1e21 } },
      prevHash: '0'.repeat(64),
      insertOrder: 1,
      xid: '7',
      insertedAt: new Date(),
    };
    const variants: Omit<LinkedEvent, 'hash'>[] = [
      base,
      { ...base, detail: null, organisationId: randomUUID(), seq: 9007199254740991 },
      { ...base, actorName: null, actorId: null, entityId: null, detail: {} },
      // Not what the database hands over, but the canonical form must not depend on it.
      { ...base, entityId: undefined as unknown as null, seq: 1.5 },
    ];
    for (const e of variants) expect(canonicalEvent(e)).toBe(canonicalJson(hashedContent(e) as never));
  });
});

describe.each(backends)('audit chain on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const actionsInChainOrder = async (chain: string) =>
    (
      await database.db
        .select({ action: auditEvents.action, seq: auditEvents.seq })
        .from(auditEvents)
        .where(eq(auditEvents.chain, chain))
        .orderBy(asc(auditEvents.seq))
    ).map((r) => r.action);

  it('stores an event unlinked with its change, none when the change rolls back, and links them in order', async () => {
    const chain = randomUUID();
    const { db } = database;
    await db.transaction((tx) => appendAudit(tx, event(chain, 'first')));
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, event(chain, 'rolled back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction(async (tx) => {
      await appendAudit(tx, event(chain, 'second'));
      await appendAudit(tx, event(chain, 'third'));
    });
    const unlinked = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), isNull(auditEvents.seq)));
    expect(unlinked.map((e) => e.action).sort()).toEqual(['first', 'second', 'third']);
    expect(unlinked.every((e) => e.hash === null && e.prevHash === null)).toBe(true);
    await linkEverything(db);
    expect(await actionsInChainOrder(chain)).toEqual(['first', 'second', 'third']);
    expect(await verifyChain(db, chain)).toEqual({ ok: true, checked: 3 });
    expect(await listChains(db)).toContain(chain);
    // A second batch continues the chain from its head.
    await db.transaction((tx) => appendAudit(tx, event(chain, 'fourth')));
    await linkChainBatch(db, chain);
    await linkEverything(db);
    expect(await verifyChain(db, chain)).toEqual({ ok: true, checked: 4 });
  });

  it('lets only the linker’s one-time update through the append-only trigger', async () => {
    const chain = randomUUID();
    const { db } = database;
    await db.transaction((tx) => appendAudit(tx, event(chain, 'kept')));
    // Content of an unlinked event cannot change either.
    await expect(
      db.execute(sql`update audit_events set action = 'changed' where chain = ${chain}`),
    ).rejects.toThrow();
    // Nor along with the linker's three columns: the rest of the row must stay exactly as it was.
    for (const change of [
      sql`action = 'changed'`,
      sql`detail = '{"x":1}'::jsonb`,
      sql`at = at + interval '1 ms'`,
    ]) {
      await expect(
        db.execute(
          sql`update audit_events set seq = 1, prev_hash = ${'0'.repeat(64)}, hash = ${'1'.repeat(64)}, ${change} where chain = ${chain}`,
        ),
      ).rejects.toThrow();
    }
    await linkEverything(db);
    await expect(
      db.execute(sql`update audit_events set seq = 99, prev_hash = hash, hash = hash where chain = ${chain}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where chain = ${chain}`)).rejects.toThrow();
    expect(await verifyChain(db, chain)).toEqual({ ok: true, checked: 1 });
  });

  it('reports events left unlinked past the grace period, not ok by omission', async () => {
    const chain = randomUUID();
    const { db } = database;
    await db.transaction((tx) => appendAudit(tx, event(chain, 'linked')));
    await linkEverything(db);
    // An event stored a minute ago that no linker has chained (as if no linker were running).
    await db.execute(sql`
      insert into audit_events (id, chain, at, action, entity_type, inserted_at)
      values (${randomUUID()}, ${chain}, now(), 'stuck', 'test', now() - interval '1 minute')`);
    const result = await verifyChain(db, chain);
    expect(result).toMatchObject({ ok: false, checked: 1, unlinked: 1 });
    expect(result.reason).toMatch(/not chained yet.*linker/);
    // The linker's next run chains it.
    await linkEverything(db);
    expect(await verifyChain(db, chain)).toEqual({ ok: true, checked: 2 });
  });

  it('a linker poked after commits chains everything; flush waits for it', async () => {
    const chain = randomUUID();
    const linker = new AuditLinker(database.db);
    for (let i = 0; i < 5; i++) {
      await database.db.transaction((tx) => appendAudit(tx, event(chain, `e${i}`)));
      linker.poke();
    }
    await linker.flush();
    await linker.stop();
    await linkEverything(database.db);
    expect(await actionsInChainOrder(chain)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(await verifyChain(database.db, chain)).toEqual({ ok: true, checked: 5 });
  });

  // Concurrency needs several connections: PGlite has one, so these run on PostgreSQL (DATABASE_URL) only.
  it.skipIf(backend !== 'postgres')(
    'never links past a transaction that may still commit, and orders by transaction, not insertion',
    async () => {
      const chain = randomUUID();
      const { db } = database;
      let releaseSlow!: () => void;
      const released = new Promise<void>((r) => {
        releaseSlow = r;
      });
      let slowHasXid!: () => void;
      const xidTaken = new Promise<void>((r) => {
        slowHasXid = r;
      });
      let slowInserted!: () => void;
      const inserted = new Promise<void>((r) => {
        slowInserted = r;
      });
      let insertNow!: () => void;
      const mayInsert = new Promise<void>((r) => {
        insertNow = r;
      });
      // The slow transaction takes its id first, then inserts its event after a quicker one has committed.
      const slow = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_current_xact_id()`);
        slowHasXid();
        await mayInsert;
        await appendAudit(tx, event(chain, 'slow (older transaction)'));
        slowInserted();
        await released;
      });
      await xidTaken;
      await db.transaction((tx) => appendAudit(tx, event(chain, 'quick (newer transaction)')));
      insertNow();
      await inserted;
      // The quick event has committed, but the older transaction is open: linking it now could put it first.
      expect(await linkPending(db)).toEqual({ linked: 0, waiting: 1 });
      releaseSlow();
      await slow;
      await linkEverything(db);
      const rows = await db
        .select({ action: auditEvents.action, insertOrder: auditEvents.insertOrder })
        .from(auditEvents)
        .where(eq(auditEvents.chain, chain))
        .orderBy(asc(auditEvents.seq));
      expect(rows.map((r) => r.action)).toEqual(['slow (older transaction)', 'quick (newer transaction)']);
      // Inserted in the other order: by insertion order alone the chain would have been ambiguous.
      expect(rows[0]!.insertOrder).toBeGreaterThan(rows[1]!.insertOrder);
      expect(await verifyChain(db, chain)).toEqual({ ok: true, checked: 2 });
    },
  );

  it.skipIf(backend !== 'postgres')(
    'two processes appending and linking at once build one gapless chain',
    async () => {
      const chain = randomUUID();
      const other = await openDatabase({ url: database.url!, max: 4 });
      try {
        const writers = [database.db, other.db].flatMap((db, p) =>
          Array.from({ length: 4 }, async (_, w) => {
            for (let i = 0; i < 10; i++) {
              await db.transaction((tx) => appendAudit(tx, event(chain, `p${p}w${w}#${i}`)));
              if (i % 3 === 0) await linkPending(db);
            }
          }),
        );
        await Promise.all(writers);
        await Promise.all([linkPending(database.db), linkPending(other.db)]);
        await linkEverything(database.db);
        const seqs = (
          await database.db
            .select({ seq: auditEvents.seq })
            .from(auditEvents)
            .where(eq(auditEvents.chain, chain))
            .orderBy(asc(auditEvents.seq))
        ).map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
        expect(await verifyChain(database.db, chain)).toEqual({ ok: true, checked: 80 });
      } finally {
        await other.close();
      }
    },
  );

  it.skipIf(backend !== 'postgres')(
    'seeds an empty database once when two processes start together',
    async () => {
      const scratch = await freshDatabase('postgres');
      const other = await openDatabase({ url: scratch.url!, max: 2 });
      try {
        const seed = (label: string) => async (db: typeof scratch.db) => {
          await createOrganisation(db, label, new Date());
          return label;
        };
        const results = await Promise.all([
          seedIfEmpty(scratch.db, seed('first')),
          seedIfEmpty(other.db, seed('second')),
        ]);
        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect(await scratch.db.select().from(organisations)).toHaveLength(1);
        expect(await seedIfEmpty(scratch.db, seed('third'))).toBeUndefined();
      } finally {
        await other.close();
        await scratch.drop();
      }
    },
  );
});
