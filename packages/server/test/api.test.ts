/** The API end to end, in-process: sign-in, records through their stages, templates, bad input, audit chain. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../src/db/schema.js';
import { writeRevision } from '../src/records/persist.js';
import { loadVersion } from '../src/templates/version-cache.js';
import { backends, Client, fixture, freshDatabase, type Org, seedWorld, testApp } from './helpers.js';

describe.each(backends)('API on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let orgs: Org[];
  let app: ReturnType<typeof testApp>;
  const clock = { now: new Date('2026-03-01T10:00:00.000Z') };
  let orgA: Org;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    orgs = await seedWorld(database, clock.now);
    orgA = orgs[0]!;
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
  const start = async (client: Client, data: unknown = { occurredAt: '2026-03-01T09:00:00.000Z' }) => {
    const res = await client.json(
      'POST',
      '/api/records',
      { templateId: 'concern', data },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    expect(res.status).toBe(201);
    return res.body.record;
  };

  it('signs in with httpOnly SameSite=Strict cookies, reports the user, signs out', async () => {
    const client = new Client(app);
    const res = await client.send('POST', '/api/session', {
      email: orgA.emails.staff,
      password: 'correct horse battery',
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('fw_session='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('fw_session='))).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('fw_csrf='))).not.toMatch(/HttpOnly/);
    const me = await client.json('GET', '/api/session');
    expect(me.body.user).toMatchObject({
      email: orgA.emails.staff,
      role: 'staff',
      organisationName: 'Org A',
    });
    expect((await client.send('DELETE', '/api/session')).status).toBe(204);
    expect((await client.send('GET', '/api/session')).status).toBe(401);
  });

  it('refuses a wrong password with 401 and limits attempts per account with 429 and Retry-After', async () => {
    const client = new Client(app);
    const email = orgA.emails.staffOther;
    for (let i = 0; i < 5; i++) {
      expect((await client.json('POST', '/api/session', { email, password: 'wrong' })).status).toBe(401);
    }
    const limited = await client.json('POST', '/api/session', { email, password: 'correct horse battery' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('needs the CSRF header on changes, JSON bodies, and refuses cross-site posts', async () => {
    const client = await as(orgA.emails.staff);
    const noToken = await client.json(
      'POST',
      '/api/records',
      { templateId: 'concern' },
      { 'X-CSRF-Token': '', 'Idempotency-Key': 'k1' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf-token-missing');
    const form = await client.json('POST', '/api/records', 'templateId=concern', {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Idempotency-Key': 'k2',
    });
    expect(form.status).toBe(415);
    const text = await client.json('POST', '/api/records', '{"templateId":"concern"}', {
      'Content-Type': 'text/plain',
      'Idempotency-Key': 'k3',
    });
    expect(text.status).toBe(415);
    const cross = await client.json(
      'POST',
      '/api/records',
      { templateId: 'concern' },
      { 'Sec-Fetch-Site': 'cross-site', 'Idempotency-Key': 'k4' },
    );
    expect(cross.status).toBe(403);
  });

  it('answers bad input with 400 and a pointer, never 500', async () => {
    const client = await as(orgA.emails.staff);
    const record = await start(client);
    const put = (body: string) =>
      client.json('PUT', `/api/records/${record.id}/data`, body, { 'If-Match': `"${record.revision}"` });
    const proto = await put('{"data":{"a":{"__proto__":{"polluted":true}}}}');
    expect(proto.status).toBe(400);
    expect(proto.body.error).toMatchObject({ code: 'forbidden-key', pointer: '/data/a/__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = await put(`{"data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.error.code).toBe('too-deep');
    const unknown = await put('{"data":{},"status":"closed"}');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'unknown-field', pointer: '/status' });
    const wrongType = await put('{"data":[1,2]}');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.pointer).toBe('/data');
    const nul = await put('{"data":{"description":"a\\u0000b"}}');
    expect(nul.status).toBe(400);
    const broken = await put('{"data":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid-json');
    const big = await put(JSON.stringify({ data: { description: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    for (const res of [proto, deep, unknown, wrongType, nul, broken, big])
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  it('reads a body with a declared Content-Length in one go, with the same checks as a streamed one', async () => {
    const client = await as(orgA.emails.staff);
    const record = await start(client);
    const put = (bytes: Uint8Array) =>
      client.send('PUT', `/api/records/${record.id}/data`, bytes, {
        'If-Match': `"${record.revision}"`,
        'Content-Length': String(bytes.byteLength),
      });
    const encode = (s: string) => new TextEncoder().encode(s);
    const badUtf8 = await put(
      Uint8Array.from([...encode('{"data":{"description":"'), 0xff, ...encode('"}}')]),
    );
    expect(badUtf8.status).toBe(400);
    expect(((await badUtf8.json()) as { error: { code: string } }).error.code).toBe('invalid-encoding');
    const declaredTooBig = await client.send('PUT', `/api/records/${record.id}/data`, '{"data":{}}', {
      'If-Match': `"${record.revision}"`,
      'Content-Length': String(2 * 1024 * 1024),
    });
    expect(declaredTooBig.status).toBe(413);
    const good = await put(encode(JSON.stringify({ data: { description: 'Fell in the garden' } })));
    expect(good.status).toBe(200);
    expect(((await good.json()) as { record: { data: unknown } }).record.data).toEqual({
      description: 'Fell in the garden',
    });
  });

  it('creates records idempotently: a retry with the same key returns the first result', async () => {
    const client = await as(orgA.emails.staff);
    const key = crypto.randomUUID();
    const body = { templateId: 'concern', data: { occurredAt: '2026-03-01T09:00:00.000Z' } };
    const first = await client.json('POST', '/api/records', body, { 'Idempotency-Key': key });
    const again = await client.json('POST', '/api/records', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await client.json(
      'POST',
      '/api/records',
      { ...body, data: {} },
      { 'Idempotency-Key': key },
    );
    expect(other.status).toBe(422);
    const missing = await client.json('POST', '/api/records', body);
    expect(missing.status).toBe(400);
  });

  it('autosaves invalid data, detects stale writes with 412, and requires If-Match', async () => {
    const client = await as(orgA.emails.staff);
    const record = await start(client);
    const saved = await client.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: { count: 'not a number' } },
      { 'If-Match': '"1"' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.record.revision).toBe(2);
    expect(saved.body.record.data).toEqual({ count: 'not a number' });
    expect(saved.body.evaluation.valid).toBe(false);
    expect(saved.headers.get('etag')).toBe('"2"');
    const stale = await client.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: {} },
      { 'If-Match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current.revision).toBe(2);
    expect((await client.json('PUT', `/api/records/${record.id}/data`, { data: {} })).status).toBe(428);
  });

  it('moves a record through its stages: gates block with 409, roles limit, sign-off and final close', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await start(staff, {
      occurredAt: '2026-03-01T09:00:00.000Z',
      concern: false,
      concernDetail: 'typed before unticking',
    });
    const blocked = await staff.json('POST', `/api/records/${record.id}/proceed`, { to: 'reported' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.evaluation.gates.find((g: { id: string }) => g.id === 'description').status).toBe(
      'blocked',
    );
    const saved = await staff.json(
      'PUT',
      `/api/records/${record.id}/data`,
      {
        data: {
          occurredAt: '2026-03-01T09:00:00.000Z',
          concern: false,
          concernDetail: 'typed before unticking',
          description: 'A fall',
          category: 'fall',
          harm: 'low',
          actions: [{ description: 'Check sensor', owner: 'Sam', dueDate: '2026-03-08' }],
        },
      },
      { 'If-Match': '"1"' },
    );
    expect(saved.status).toBe(200);
    const reported = await staff.json('POST', `/api/records/${record.id}/proceed`, { to: 'reported' });
    expect(reported.status).toBe(200);
    expect(reported.body.record.stage).toBe('reported');
    // prune removed the hidden branch's value; the revision history keeps it.
    expect(reported.body.record.data.concernDetail).toBeUndefined();
    const tooSoon = await staff.json('POST', `/api/records/${record.id}/proceed`, { to: 'reviewed' });
    expect(tooSoon.status).toBe(403);
    const manager = await as(orgA.emails.manager);
    const returned = await manager.json('POST', `/api/records/${record.id}/return`, {
      comment: 'Add the time',
    });
    expect(returned.body.record).toMatchObject({
      status: 'changes-requested',
      reviewComment: 'Add the time',
    });
    const reviewed = await manager.json('POST', `/api/records/${record.id}/proceed`, { to: 'reviewed' });
    expect(reviewed.status).toBe(200);
    expect(
      (await manager.json('POST', `/api/records/${record.id}/proceed`, { to: 'signed' })).body.error.code,
    ).toBe('sign-off-required');
    const wrongPassword = await manager.json('POST', `/api/records/${record.id}/sign-off`, {
      to: 'signed',
      password: 'nope',
    });
    expect(wrongPassword.status).toBe(403);
    const signed = await manager.json('POST', `/api/records/${record.id}/sign-off`, {
      to: 'signed',
      password: 'correct horse battery',
    });
    expect(signed.status).toBe(200);
    const closed = await manager.json('POST', `/api/records/${record.id}/proceed`, { to: 'closed' });
    expect(closed.body.record.status).toBe('closed');
    const edit = await staff.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: {} },
      { 'If-Match': `"${closed.body.record.revision}"` },
    );
    expect(edit.status).toBe(409);
    const detail = await manager.json('GET', `/api/records/${record.id}`);
    const kinds = detail.body.history.map((h: { kind: string }) => h.kind);
    expect(kinds).toContain('sign-off');
    expect(kinds).toContain('review');
    expect(kinds.filter((k: string) => k === 'transition')).toHaveLength(4);
    const pruned = detail.body.history.find((h: { removed?: unknown[] }) => h.removed);
    expect(pruned.removed).toEqual([{ path: '/concernDetail', value: 'typed before unticking' }]);
    // Governance columns and the actions table were filled from the data.
    const rows = await database.db.execute(
      sql`select category, harm, occurred_at from records where id = ${record.id}`,
    );
    const row = ((rows as { rows?: unknown[] }).rows ?? rows) as { category: string; harm: string }[];
    expect(row[0]).toMatchObject({ category: 'fall', harm: 'low' });
    const actions = await database.db.execute(
      sql`select owner, pointer from record_actions where record_id = ${record.id}`,
    );
    expect(((actions as { rows?: unknown[] }).rows ?? actions) as unknown[]).toEqual([
      { owner: 'Sam', pointer: '/actions/0' },
    ]);
  });

  it('hides safeguarding records from other staff and auditors, shows them to leads and managers', async () => {
    const author = await as(orgA.emails.staff);
    const record = await start(author, { occurredAt: '2026-03-01T09:00:00.000Z', concern: true });
    expect(record.safeguarding).toBe(true);
    for (const email of [orgA.emails.staff2, orgA.emails.auditor, orgA.emails['quality-team']]) {
      const client = await as(email);
      expect((await client.json('GET', `/api/records/${record.id}`)).status).toBe(404);
      const list = await client.json('GET', '/api/records');
      expect(list.body.records.map((r: { id: string }) => r.id)).not.toContain(record.id);
    }
    for (const email of [orgA.emails['safeguarding-lead'], orgA.emails.manager]) {
      const client = await as(email);
      expect((await client.json('GET', `/api/records/${record.id}`)).status).toBe(200);
    }
  });

  it('serves templates, the validator module, check, home with deadlines', async () => {
    const staff = await as(orgA.emails.staff);
    const list = await staff.json('GET', '/api/templates');
    expect(list.body).toEqual([
      expect.objectContaining({ id: 'concern', latestVersion: '1.0.0', versions: ['1.0.0'] }),
    ]);
    const version = await staff.json('GET', '/api/templates/concern/versions/1.0.0');
    expect(version.body.hash).toMatch(/^[0-9a-f]{64}$/);
    const js = await staff.send('GET', '/api/templates/concern/versions/1.0.0/validator.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    const check = await staff.json('POST', '/api/templates/concern/versions/1.0.0/check', {
      data: {},
      to: 'reported',
    });
    expect(check.body).toMatchObject({ valid: false, canProceed: false });
    await start(staff);
    clock.now = new Date('2026-03-02T12:00:00.000Z');
    // A day later the old session has timed out (idle limit): sign in again.
    const later = await as(orgA.emails.staff);
    const home = await later.json('GET', '/api/home');
    clock.now = new Date('2026-03-01T10:00:00.000Z');
    expect(home.body.drafts.length).toBeGreaterThan(0);
    expect(home.body.deadlines.some((d: { status: string }) => d.status === 'overdue')).toBe(true);
  });

  it('lets template managers edit drafts (412 when stale) and publish (422 when broken)', async () => {
    const quality = await as(orgA.emails['quality-team']);
    const draft = await quality.json('GET', '/api/templates/concern/draft');
    expect(draft.body.etag).toBe('0');
    const next = { ...fixture, version: '1.1.0', title: 'Concern report (v1.1)' };
    const saved = await quality.json(
      'PUT',
      '/api/templates/concern/draft',
      { template: next },
      { 'If-Match': '"0"' },
    );
    expect(saved.status).toBe(200);
    const stale = await quality.json(
      'PUT',
      '/api/templates/concern/draft',
      { template: next },
      { 'If-Match': '"0"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current.etag).toBe('1');
    const broken = await quality.json(
      'PUT',
      '/api/templates/concern/draft',
      { template: { ...next, gates: [{ id: 'x', stage: 'nowhere', message: 'm', severity: 'block' }] } },
      { 'If-Match': '"1"' },
    );
    expect(broken.status).toBe(200);
    const refused = await quality.json('POST', '/api/templates/concern/draft/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems.length).toBeGreaterThan(0);
    await quality.json('PUT', '/api/templates/concern/draft', { template: next }, { 'If-Match': '"2"' });
    const published = await quality.json('POST', '/api/templates/concern/draft/publish');
    expect(published.status).toBe(200);
    expect(published.body.version).toBe('1.1.0');
    const staff = await as(orgA.emails.staff);
    expect(
      (await staff.json('PUT', '/api/templates/concern/draft', { template: next }, { 'If-Match': '"0"' }))
        .status,
    ).toBe(403);
    const versions = await staff.json('GET', '/api/templates/concern/versions');
    expect(versions.body.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0']);
    // Records started before stay pinned to 1.0.0.
    const record = await start(staff);
    expect(record.templateVersion).toBe('1.1.0');
  });

  it('runs the draft’s logic test cases at publish and refuses with the failing ones', async () => {
    const quality = await as(orgA.emails['quality-team']);
    const created = await quality.json('POST', '/api/templates', { template: { ...fixture, id: 'tested' } });
    expect(created.status).toBeLessThan(300);
    const draft = await quality.json('GET', '/api/templates/tested/draft');
    const passing = {
      name: 'an empty report cannot be reported',
      data: {},
      to: 'reported',
      expect: { canProceed: false },
    };
    const failing = { name: 'an empty report is complete', data: {}, expect: { valid: true } };
    const saved = await quality.json(
      'PUT',
      '/api/templates/tested/draft',
      { template: { ...fixture, id: 'tested' }, tests: [passing, failing] },
      { 'If-Match': `"${draft.body.etag}"` },
    );
    expect(saved.status).toBe(200);
    const refused = await quality.json('POST', '/api/templates/tested/draft/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('template-not-publishable');
    expect(refused.body.error.details.failingCases).toEqual([
      { name: 'an empty report is complete', message: expect.stringMatching(/valid/) },
    ]);
    const malformed = await quality.json(
      'PUT',
      '/api/templates/tested/draft',
      { template: { ...fixture, id: 'tested' }, tests: [{ name: 'no expectations', data: {} }] },
      { 'If-Match': `"${saved.body.etag}"` },
    );
    const badCase = await quality.json('POST', '/api/templates/tested/draft/publish');
    expect(badCase.status).toBe(422);
    expect(badCase.body.error.details.problems[0].pointer).toMatch(/^\/tests\/0/);
    await quality.json(
      'PUT',
      '/api/templates/tested/draft',
      { template: { ...fixture, id: 'tested' }, tests: [passing] },
      { 'If-Match': `"${malformed.body.etag}"` },
    );
    const published = await quality.json('POST', '/api/templates/tested/draft/publish');
    expect(published.status).toBe(200);
  });

  it('keeps the actions table in step with the record: added, changed and removed items', async () => {
    const staff = await as(orgA.emails.staff);
    const record = await start(staff);
    const save = async (revision: number, actions: unknown[]) => {
      const res = await staff.json(
        'PUT',
        `/api/records/${record.id}/data`,
        { data: { occurredAt: '2026-03-01T09:00:00.000Z', actions } },
        { 'If-Match': `"${revision}"` },
      );
      expect(res.status).toBe(200);
      const rows = await database.db.execute(
        sql`select pointer, owner from record_actions where record_id = ${record.id} order by pointer`,
      );
      return ((rows as { rows?: unknown[] }).rows ?? rows) as { pointer: string; owner: string }[];
    };
    expect(
      await save(1, [
        { description: 'Check sensor', owner: 'Sam' },
        { description: 'Call family', owner: 'Kim' },
      ]),
    ).toEqual([
      { pointer: '/actions/0', owner: 'Sam' },
      { pointer: '/actions/1', owner: 'Kim' },
    ]);
    expect(await save(2, [{ description: 'Call family', owner: 'Kim' }])).toEqual([
      { pointer: '/actions/0', owner: 'Kim' },
    ]);
    expect(await save(3, [])).toEqual([]);
    // A stale save writes nothing: no revision, no actions, no audit event.
    const stale = await staff.json(
      'PUT',
      `/api/records/${record.id}/data`,
      { data: { actions: [{ description: 'late', owner: 'Late' }] } },
      { 'If-Match': '"3"' },
    );
    expect(stale.status).toBe(412);
    // The same straight at the writer, as when a concurrent save wins between the check and the write.
    const [row] = await database.db.select().from(records).where(eq(records.id, record.id));
    const version = await loadVersion(database.db, row!.templateVersionId);
    const lost = await writeRevision(
      database.db,
      version!,
      row!,
      2,
      {
        data: { actions: [{ owner: 'Lost' }] },
        valid: false,
        safeguarding: false,
        by: row!.createdBy,
        at: new Date(),
      },
      {
        organisationId: orgA.id,
        actor: null,
        action: 'record.save',
        entityType: 'record',
        entityId: row!.id,
        at: new Date(),
      },
    );
    expect(lost).toBeUndefined();
    const detail = await staff.json('GET', `/api/records/${record.id}`);
    expect(detail.body.history.filter((h: { kind: string }) => h.kind === 'revision')).toHaveLength(4);
    const saves = await database.db.execute(
      sql`select count(*)::int as n from audit_events where entity_id = ${record.id} and action = 'record.save'`,
    );
    expect((((saves as { rows?: unknown[] }).rows ?? saves) as { n: number }[])[0]!.n).toBe(3);
  });

  it('serves OpenAPI and the docs page publicly, with a strict CSP; everything else needs a session', async () => {
    const anon = new Client(app);
    const doc = await anon.json('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const page = await anon.send('GET', '/api/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.text()).not.toMatch(/<script>(?!<)/);
    expect((await anon.send('GET', '/api/home')).status).toBe(401);
  });

  it('keeps a hash chain that verifies, and detects an edited, deleted or reordered event', async () => {
    const auditor = await as(orgA.emails.auditor);
    const ok = await auditor.json('GET', '/api/audit/verify');
    expect(ok.body.ok).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(10);
    const events = await auditor.json('GET', '/api/audit?limit=5');
    expect(events.body.events).toHaveLength(5);
    const actions = (await auditor.json('GET', '/api/audit?limit=1000')).body.events.map(
      (e: { action: string }) => e.action,
    );
    for (const a of [
      'login',
      'login-failed',
      'record.save',
      'record.transition',
      'template.publish',
      'user.create',
    ])
      expect(actions).toContain(a);
    const staff = await as(orgA.emails.staff);
    expect((await staff.json('GET', '/api/audit')).status).toBe(403);
    // Tamper as a superuser would: switch the append-only trigger off, change a row, switch it back on.
    const tamper = async (statement: ReturnType<typeof sql>) => {
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await database.db.execute(statement);
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    };
    const chain = orgA.id;
    await tamper(sql`update audit_events set actor_name = 'someone else' where chain = ${chain} and seq = 3`);
    const edited = await auditor.json('GET', '/api/audit/verify');
    expect(edited.body.ok).toBe(false);
    expect(edited.body.firstBadEventId).toBeTruthy();
    await expect(
      database.db.execute(sql`update audit_events set action = 'x' where seq = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
  });

  it('detects a deleted event and two swapped events', async () => {
    const auditor = await as(orgs[1]!.emails.auditor);
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true);
    const chain = orgs[1]!.id;
    await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    // Swap the content of events 2 and 3 (keeping their sequence numbers): a reorder.
    await database.db.execute(sql`update audit_events set seq = -1 where chain = ${chain} and seq = 2`);
    await database.db.execute(sql`update audit_events set seq = 2 where chain = ${chain} and seq = 3`);
    await database.db.execute(sql`update audit_events set seq = 3 where chain = ${chain} and seq = -1`);
    const swapped = await auditor.json('GET', '/api/audit/verify');
    expect(swapped.body).toMatchObject({ ok: false, checked: 1 });
    await database.db.execute(sql`update audit_events set seq = -1 where chain = ${chain} and seq = 2`);
    await database.db.execute(sql`update audit_events set seq = 2 where chain = ${chain} and seq = 3`);
    await database.db.execute(sql`update audit_events set seq = 3 where chain = ${chain} and seq = -1`);
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true);
    await database.db.execute(sql`delete from audit_events where chain = ${chain} and seq = 4`);
    await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const deleted = await auditor.json('GET', '/api/audit/verify');
    expect(deleted.body).toMatchObject({ ok: false, checked: 3 });
  });
});
