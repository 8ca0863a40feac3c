/**
 * The one-statement autosave (src/routes/autosave-fast.ts) may only ever write where the general path would have
 * (acceptSession, requireCsrf, canSeeRecord and canEditRecord, closed and stale checks), and must store the same
 * row, revision and audit event. Everything it does not write is answered by the general path.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canEditRecord, canSeeRecord } from '../src/access/policy.js';
import { hashJson } from '../src/audit/hash.js';
import { auditEvents, recordActions, recordRevisions, records, sessions, users } from '../src/db/schema.js';
import type { CurrentUser } from '../src/http/env.js';
import { FAST_BODY_BYTES } from '../src/routes/autosave-fast.js';
import { backends, Client, freshDatabase, type Org, seedWorld, testApp } from './helpers.js';

describe.each(backends)('one-statement autosave on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let orgA: Org;
  let orgB: Org;
  let app: ReturnType<typeof testApp>;
  const start = new Date('2026-03-01T10:00:00.000Z');
  const clock = { now: start };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    [orgA, orgB] = (await seedWorld(database, clock.now)) as [Org, Org];
    app = testApp(database, clock);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /**
   * The route's own statements while `fn` runs: those run as text (runText names them `formwork_text`), counted at
   * drizzle's session, the one way to the driver. The general path runs two (its read and its write); the audit
   * linker, poked after every change, runs its own (built) statements and is not counted.
   */
  const statements = async (fn: () => Promise<unknown>) => {
    const session = (database.db as unknown as { session: { prepareQuery: (...a: unknown[]) => unknown } })
      .session;
    const original = session.prepareQuery;
    let n = 0;
    session.prepareQuery = function (this: unknown, ...a: unknown[]) {
      if (a[2] === 'formwork_text') n++;
      return original.apply(this, a);
    };
    try {
      await fn();
    } finally {
      session.prepareQuery = original;
    }
    return n;
  };
  const as = async (email: string) => {
    const client = new Client(app);
    await client.login(email);
    return client;
  };
  const newRecord = async (client: Client, data: Record<string, unknown> = {}) => {
    const res = await client.json(
      'POST',
      '/api/records',
      { templateId: 'concern', data: { occurredAt: '2026-03-01T09:00:00.000Z', ...data } },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(res.status).toBe(201);
    return res.body.record as { id: string; revision: number; safeguarding: boolean };
  };
  const save = (client: Client, id: string, revision: number, data: unknown = { description: 'x' }) =>
    client.json('PUT', `/api/records/${id}/data`, { data }, { 'If-Match': `"${revision}"` });
  const writes = async (id: string) => {
    const revs = await database.db.select().from(recordRevisions).where(eq(recordRevisions.recordId, id));
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'record.save')));
    return revs.length + events.length;
  };
  const currentUser = async (email: string): Promise<CurrentUser> => {
    const [u] = await database.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return { ...u!, role: u!.role as CurrentUser['role'], organisationName: '' };
  };

  it('saves in one statement once the record is known, with the same row, revision and audit hashes', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    const data = { occurredAt: '2026-03-01T09:00:00.000Z', description: 'fast', category: 'fall' };
    let saved: Awaited<ReturnType<typeof save>> | undefined;
    expect(await statements(async () => (saved = await save(staff, record.id, 1, data)))).toBe(1);
    expect(saved!.status).toBe(200);
    expect(saved!.headers.get('etag')).toBe('"2"');
    const read = await staff.json('GET', `/api/records/${record.id}`);
    expect(saved!.body.record).toEqual(read.body.record);
    expect(saved!.body.evaluation.valid).toBe(true);
    const [row] = await database.db.select().from(records).where(eq(records.id, record.id));
    expect(row).toMatchObject({ revision: 2, category: 'fall', data, dataHash: hashJson(data) });
    const [rev] = await database.db
      .select()
      .from(recordRevisions)
      .where(and(eq(recordRevisions.recordId, record.id), eq(recordRevisions.revision, 2)));
    expect(rev).toMatchObject({ data, valid: true, createdBy: (await currentUser(orgA.emails.staff)).id });
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, record.id), eq(auditEvents.action, 'record.save')));
    expect(event).toMatchObject({
      chain: orgA.id,
      organisationId: orgA.id,
      actorName: 'staff of Org A',
      entityType: 'record',
      beforeHash: hashJson({ occurredAt: '2026-03-01T09:00:00.000Z' }),
      afterHash: hashJson(data),
      detail: { revision: 2 },
    });
    expect(event!.at.toISOString()).toBe(start.toISOString());
  });

  it('writes exactly where the policy lets the caller edit: every role, team and safeguarding case', async () => {
    const author = await as(orgA.emails.staff);
    const plain = await newRecord(author);
    const guarded = await newRecord(author, { concern: true });
    expect(guarded.safeguarding).toBe(true);
    const [plainRow] = await database.db.select().from(records).where(eq(records.id, plain.id));
    const [guardedRow] = await database.db.select().from(records).where(eq(records.id, guarded.id));
    const keys = Object.keys(orgA.emails) as (keyof Org['emails'])[];
    const people = [...keys.map((k) => orgA.emails[k]), orgB.emails.staff, orgB.emails.manager];
    for (const email of people) {
      const user = await currentUser(email);
      const client = await as(email);
      for (const row of [plainRow!, guardedRow!]) {
        const mayEdit = user.organisationId === orgA.id && canEditRecord(user, row);
        const maySee = user.organisationId === orgA.id && canSeeRecord(user, row);
        const [now] = await database.db.select().from(records).where(eq(records.id, row.id));
        const before = await writes(row.id);
        let saved: Awaited<ReturnType<typeof save>> | undefined;
        const n = await statements(
          async () =>
            (saved = await save(client, row.id, now!.revision, { concern: row.safeguarding, by: email })),
        );
        expect([email, row.safeguarding, saved!.status]).toEqual([
          email,
          row.safeguarding,
          mayEdit ? 200 : maySee ? 403 : 404,
        ]);
        // Written by the one statement, or refused by it (nothing written) and answered by the general path's read.
        expect(n).toBe(mayEdit ? 1 : 2);
        expect(await writes(row.id)).toBe(before + (mayEdit ? 2 : 0));
      }
    }
  });

  it('writes nothing and answers as the general path for a session, token, state or revision that fails', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    const at = await writes(record.id);
    const unchanged = async () => expect(await writes(record.id)).toBe(at);
    // Wrong and missing CSRF token.
    const wrong = await staff.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: {} },
      { 'If-Match': '"1"', 'X-CSRF-Token': 'not-the-token' },
    );
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'csrf-token-missing']);
    await unchanged();
    // Stale revision: 412 with the current record.
    const stale = await save(staff, record.id, 7);
    expect([stale.status, stale.body.error.code, stale.body.current.revision]).toEqual([
      412,
      'stale-revision',
      1,
    ]);
    await unchanged();
    // Expired session (absolute limit), though recently used: 401, and the session ended.
    const expired = await as(orgA.emails.staff);
    await database.db.update(sessions).set({ expiresAt: start }).where(gt(sessions.expiresAt, start));
    expect((await save(expired, record.id, 1)).status).toBe(401);
    expect((await save(staff, record.id, 1)).status).toBe(401);
    await unchanged();
    // Idle for 30 minutes: 401.
    const idle = await as(orgA.emails.staff);
    clock.now = new Date(start.getTime() + 30 * 60 * 1000);
    try {
      expect((await save(idle, record.id, 1)).status).toBe(401);
    } finally {
      clock.now = start;
    }
    await unchanged();
    // Disabled user: 401.
    const disabled = await as(orgA.emails.staff);
    await database.db.update(users).set({ disabled: true }).where(eq(users.email, orgA.emails.staff));
    try {
      expect((await save(disabled, record.id, 1)).status).toBe(401);
    } finally {
      await database.db.update(users).set({ disabled: false }).where(eq(users.email, orgA.emails.staff));
    }
    await unchanged();
    // Closed record: 409.
    const again = await as(orgA.emails.staff);
    await database.db.update(records).set({ status: 'closed' }).where(eq(records.id, record.id));
    const closed = await save(again, record.id, 1);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'record-closed']);
    await unchanged();
  });

  it('takes the general path for a record saved before data hashes existed, a large body, or a bad body', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    // As a database upgraded from before the data_hash column: the next save hashes the stored data itself.
    await database.db.update(records).set({ dataHash: null }).where(eq(records.id, record.id));
    expect((await save(staff, record.id, 1, { description: 'one' })).status).toBe(200);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, record.id), eq(auditEvents.action, 'record.save')));
    expect(events[0]!.beforeHash).toBe(hashJson({ occurredAt: '2026-03-01T09:00:00.000Z' }));
    // …and stores the hash, so the next save is one statement again.
    expect(await statements(() => save(staff, record.id, 2, { description: 'two' }))).toBe(1);
    // Larger than what is read before the session is known: saved all the same, session first.
    const large = { description: 'x'.repeat(FAST_BODY_BYTES) };
    const saved = await save(staff, record.id, 3, large);
    expect(saved.status).toBe(200);
    // A bad body gets the general path's own answer.
    const bad = await staff.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: {}, extra: 1 },
      { 'If-Match': '"4"' },
    );
    expect([bad.status, bad.body.error.code, bad.body.error.pointer]).toEqual([
      400,
      'unknown-field',
      '/extra',
    ]);
    const anonymous = await new Client(app).json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: {}, extra: 1 },
      { 'If-Match': '"4"' },
    );
    expect(anonymous.status).toBe(401); // the session is still decided first
  });

  it('keeps the actions table in step: items added, changed, removed, and all removed', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    const stored = async () =>
      (await database.db.select().from(recordActions).where(eq(recordActions.recordId, record.id)))
        .map((a) => `${a.pointer} ${a.owner}`)
        .sort();
    const item = (owner: string) => ({ description: 'Check', owner, dueDate: '2026-03-08' });
    expect((await save(staff, record.id, 1, { actions: [item('Sam'), item('Ann')] })).status).toBe(200);
    expect(await stored()).toEqual(['/actions/0 Sam', '/actions/1 Ann']);
    expect((await save(staff, record.id, 2, { actions: [item('Bea')] })).status).toBe(200);
    expect(await stored()).toEqual(['/actions/0 Bea']);
    expect((await save(staff, record.id, 3, { description: 'no actions now' })).status).toBe(200);
    expect(await stored()).toEqual([]);
  });

  it('lets exactly one of two saves of the same revision through', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    await save(staff, record.id, 1); // the record is known: both go the one-statement way
    const results = await Promise.all([save(staff, record.id, 2), save(staff, record.id, 2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(await writes(record.id)).toBe(5); // revisions 1-3, two save events
  });

  it('saves of several records and people at once: each its own row, revision and event, as saved alone', async () => {
    const staff = await as(orgA.emails.staff);
    const manager = await as(orgA.emails.manager);
    const other = await as(orgB.emails.staff);
    const mine = [
      await newRecord(staff),
      await newRecord(staff),
      await newRecord(manager),
      await newRecord(other),
    ];
    const clients = [staff, staff, manager, other];
    for (const [k, r] of mine.entries()) expect((await save(clients[k]!, r.id, 1)).status).toBe(200);
    // Handed over together (grouped into one statement when they reach it in the same turn: db/run-grouped.ts),
    // and one of them stale.
    const results = await Promise.all([
      ...mine.map((r, k) => save(clients[k]!, r.id, 2, { description: `together ${k}` })),
      save(staff, mine[0]!.id, 1, { description: 'stale' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 412]);
    for (const [k, r] of mine.entries()) {
      expect(results[k]!.body.record).toMatchObject({
        id: r.id,
        revision: 3,
        data: { description: `together ${k}` },
      });
      const [row] = await database.db.select().from(records).where(eq(records.id, r.id));
      expect(row).toMatchObject({ revision: 3, dataHash: hashJson({ description: `together ${k}` }) });
      const events = await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'record.save')));
      expect(events.find((e) => (e.detail as { revision: number }).revision === 3)).toMatchObject({
        chain: k === 3 ? orgB.id : orgA.id,
        beforeHash: hashJson({ description: 'x' }),
        afterHash: hashJson({ description: `together ${k}` }),
      });
      expect(await writes(r.id)).toBe(5); // revisions 1-3, two save events
    }
  });
});
