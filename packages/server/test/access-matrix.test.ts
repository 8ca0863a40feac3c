/**
 * The access-control matrix, generated: every route of the catalogue × every role × {own organisation, another
 * organisation's identifiers, identifiers that do not exist}. Another organisation's id must get exactly the same
 * answer as an id that does not exist, and lists must never contain another organisation's data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCatalogue } from '../src/openapi/catalogue.js';
import type { Role } from '../src/types.js';
import {
  backends,
  Client,
  fixture,
  freshDatabase,
  type Org,
  PASSWORD,
  roles,
  seedWorld,
  testApp,
} from './helpers.js';

type Ids = { record: string; template: string; version: string };

/** Which roles may use each route in their own organisation (others get 403). */
const allowed: Record<string, readonly Role[] | 'all'> = {
  'get /api/session': 'all',
  'delete /api/session': 'all',
  'get /api/home': 'all',
  'get /api/templates': 'all',
  'post /api/templates': ['quality-team', 'provider-admin'],
  'get /api/templates/{id}/versions': 'all',
  'get /api/templates/{id}/versions/{version}': 'all',
  'get /api/templates/{id}/versions/{version}/validator.js': 'all',
  'post /api/templates/{id}/versions/{version}/check': 'all',
  'get /api/templates/{id}/draft': ['quality-team', 'provider-admin'],
  'put /api/templates/{id}/draft': ['quality-team', 'provider-admin'],
  'post /api/templates/{id}/draft/publish': ['quality-team', 'provider-admin'],
  'post /api/records': ['staff', 'manager', 'safeguarding-lead'],
  'get /api/records': 'all',
  'get /api/records/{id}': 'all',
  'put /api/records/{id}/data': ['staff', 'manager', 'safeguarding-lead'],
  'post /api/records/{id}/proceed': ['staff', 'manager', 'safeguarding-lead'],
  'post /api/records/{id}/return': ['manager', 'safeguarding-lead'],
  'post /api/records/{id}/approve': ['manager', 'safeguarding-lead'],
  'post /api/records/{id}/sign-off': ['manager', 'safeguarding-lead'],
  'get /api/audit': ['auditor', 'provider-admin'],
  'get /api/audit/verify': ['auditor', 'provider-admin'],
};

function request(route: (typeof routeCatalogue)[number], ids: Ids, revision: number) {
  const path = route.path
    .replace('/api/records/{id}', `/api/records/${ids.record}`)
    .replace('{id}', ids.template)
    .replace('{version}', ids.version);
  const headers: Record<string, string> = {};
  let body: unknown;
  const key = `${route.method} ${route.path}`;
  if (key === 'post /api/templates') body = { template: { ...fixture, id: `t-${randomUUID().slice(0, 8)}` } };
  if (key === 'put /api/templates/{id}/draft') {
    body = { template: { ...fixture, id: ids.template, version: '9.0.0' } };
    headers['If-Match'] = '"0"';
  }
  if (key.endsWith('/check')) body = { data: {} };
  if (key === 'post /api/records') {
    body = { templateId: ids.template, data: {} };
    headers['Idempotency-Key'] = randomUUID();
  }
  if (key === 'put /api/records/{id}/data') {
    body = { data: { occurredAt: '2026-03-01T09:00:00.000Z' } };
    headers['If-Match'] = `"${revision}"`;
  }
  if (key.endsWith('/proceed')) body = { to: 'reported' };
  if (key.endsWith('/return')) body = { comment: 'Please add more detail' };
  if (key.endsWith('/approve')) body = {};
  if (key.endsWith('/sign-off')) body = { to: 'signed', password: PASSWORD };
  return { method: route.method.toUpperCase(), path, body, headers };
}

describe.each(backends)('access matrix on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let orgs: Org[];
  let app: ReturnType<typeof testApp>;
  const clients = new Map<string, Client>();
  let own: Ids;
  const missing: Ids = { record: randomUUID(), template: 'no-such-form', version: '1.0.0' };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    orgs = await seedWorld(database);
    app = testApp(database);
    for (const org of orgs) {
      for (const role of roles) {
        const client = new Client(app);
        await client.login(org.emails[role]);
        clients.set(`${org.id}:${role}`, client);
      }
    }
    const a = orgs[0]!;
    const staffA = clients.get(`${a.id}:staff`)!;
    const created = await staffA.json(
      'POST',
      '/api/records',
      { templateId: 'concern', data: {} },
      { 'Idempotency-Key': randomUUID() },
    );
    // A form that exists only in organisation A, with a published version.
    const quality = clients.get(`${a.id}:quality-team`)!;
    await quality.json('POST', '/api/templates', { template: { ...fixture, id: 'only-a' } });
    const published = await quality.json('POST', '/api/templates/only-a/draft/publish');
    expect(published.status).toBe(200);
    own = { record: created.body.record.id, template: 'only-a', version: '1.0.0' };
  });
  afterAll(async () => {
    await database?.drop();
  });

  const protectedRoutes = routeCatalogue.filter((r) => !r.public);

  it('lists an access rule for every protected route in the catalogue', () => {
    for (const route of protectedRoutes)
      expect(allowed[`${route.method} ${route.path}`], route.path).toBeDefined();
  });

  it.each(roles)(
    '%s: another organisation’s ids get exactly the answer of ids that do not exist',
    async (role) => {
      const b = orgs[1]!;
      const client = clients.get(`${b.id}:${role}`)!;
      for (const route of protectedRoutes) {
        if (route.method === 'delete') continue;
        const foreign = request(route, own, 1);
        const none = request(route, missing, 1);
        const r1 = await client.send(foreign.method, foreign.path, foreign.body, foreign.headers);
        const r2 = await client.send(none.method, none.path, none.body, none.headers);
        const t1 = await r1.text();
        const t2 = await r2.text();
        const label = `${role} ${route.method} ${route.path}`;
        if (!route.path.includes('{')) {
          // A list or create route: whatever comes back must not mention organisation A.
          expect(t1, label).not.toContain(own.record);
          expect(t1, label).not.toContain(orgs[0]!.id);
          expect(t1, label).not.toContain('only-a');
          continue;
        }
        expect(r1.status, label).toBe(r2.status);
        expect(t1.replaceAll(own.record, 'ID').replaceAll(own.template, 'T'), label).toBe(
          t2.replaceAll(missing.record, 'ID').replaceAll(missing.template, 'T'),
        );
        expect([403, 404], label).toContain(r1.status);
      }
    },
  );

  it.each(roles)(
    '%s: in its own organisation, gets 403 exactly where its role is not allowed',
    async (role) => {
      const a = orgs[0]!;
      const client = clients.get(`${a.id}:${role}`)!;
      for (const route of protectedRoutes) {
        const key = `${route.method} ${route.path}`;
        const rule = allowed[key]!;
        const may = rule === 'all' || rule.includes(role);
        const detail = await clients.get(`${a.id}:manager`)!.json('GET', `/api/records/${own.record}`);
        const req = request(route, own, detail.body.record.revision);
        const target = route.method === 'delete' ? new Client(app) : client;
        if (route.method === 'delete') await target.login(a.emails[role]);
        const res = await target.send(req.method, req.path, req.body, req.headers);
        const label = `${role} ${key} → ${res.status} ${res.status >= 400 ? await res.clone().text() : ''}`;
        expect(res.status, label).not.toBe(401);
        expect(res.status, label).toBeLessThan(500);
        if (may) expect([403, 404], label).not.toContain(res.status);
        else expect(res.status, label).toBe(403);
      }
    },
  );

  it('answers 401 on every protected route without a session', async () => {
    const anon = new Client(app);
    for (const route of protectedRoutes) {
      const req = request(route, own, 1);
      const res = await anon.send(req.method, req.path, req.body, req.headers);
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
