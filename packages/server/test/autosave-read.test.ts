/**
 * The autosave reads its session and its record in one statement (src/records/session-and-record.ts) instead of
 * the general session middleware and `findVisibleRecord`: it must decide and answer exactly as they do.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../src/db/schema.js';
import { backends, Client, freshDatabase, type Org, seedWorld, testApp } from './helpers.js';

describe.each(backends)('autosave read on %s', (backend) => {
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

  const as = async (email: string) => {
    const client = new Client(app);
    await client.login(email);
    return client;
  };
  const newRecord = async (client: Client) => {
    const res = await client.json(
      'POST',
      '/api/records',
      { templateId: 'concern', data: { occurredAt: '2026-03-01T09:00:00.000Z' } },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(res.status).toBe(201);
    return res.body.record as { id: string; revision: number };
  };
  const save = (client: Client, id: string, revision = 1) =>
    client.json(
      'PUT',
      `/api/records/${id}/data`,
      { data: { description: 'x' } },
      { 'If-Match': `"${revision}"` },
    );

  it('answers with the same record as a read: creator, dates, revision', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    const saved = await save(staff, record.id);
    expect(saved.status).toBe(200);
    const read = await staff.json('GET', `/api/records/${record.id}`);
    expect(saved.body.record).toEqual(read.body.record);
    expect(saved.body.record.createdBy.name).toBe('staff of Org A');
  });

  it('is a 404 with the read’s body for a record the caller may not see, another organisation’s, or no record', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await newRecord(staff);
    const ids = [record.id, randomUUID(), 'not-a-uuid', record.id.toUpperCase()];
    for (const [client, id] of [
      [await as(orgA.emails.staffOther), ids[0]],
      [await as(orgB.emails.staff), ids[0]],
      [staff, ids[1]],
      [staff, ids[2]],
    ] as const) {
      const saved = await save(client, id!);
      const read = await client.json('GET', `/api/records/${id}`);
      expect(saved.status).toBe(404);
      expect(read.status).toBe(404);
      expect(saved.body).toEqual(read.body);
    }
    // The id's case does not matter, as for a read.
    expect((await save(staff, ids[3]!)).status).toBe(200);
  });

  it('is a 401 with the middleware’s body without a session, after the idle limit (ending it), or when disabled', async () => {
    const anonymous = new Client(app);
    const record = await newRecord(await as(orgA.emails.staff));
    const expected = (await anonymous.json('GET', '/api/home')).body;
    expect((await save(anonymous, record.id)).body).toEqual(expected);

    const idle = await as(orgA.emails.staff);
    clock.now = new Date(start.getTime() + 31 * 60 * 1000);
    try {
      const saved = await save(idle, record.id);
      expect(saved.status).toBe(401);
      expect(saved.body).toEqual(expected);
    } finally {
      clock.now = start;
    }
    // Ended, not just refused: it stays a 401 back inside the idle limit.
    expect((await save(idle, record.id)).status).toBe(401);

    const disabled = await as(orgA.emails.staff2);
    const staff2 = await newRecord(disabled);
    await database.db.update(users).set({ disabled: true }).where(eq(users.email, orgA.emails.staff2));
    try {
      const saved = await save(disabled, staff2.id);
      expect(saved.status).toBe(401);
      expect(saved.body).toEqual(expected);
      const [user] = await database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, orgA.emails.staff2));
      const left = await database.db.select().from(sessions).where(eq(sessions.userId, user!.id));
      expect(left).toEqual([]);
    } finally {
      await database.db.update(users).set({ disabled: false }).where(eq(users.email, orgA.emails.staff2));
    }
  });
});
