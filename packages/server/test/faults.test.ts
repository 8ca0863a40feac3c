/**
 * Faults, against a throwaway PostgreSQL cluster and real server processes: the database stopped during saves
 * (503, then recovery without a restart), a server killed during saves and restarted (acknowledged state intact),
 * and two processes sharing one database (both serve, conflicting writes get 412).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, clusterSupported, HttpClient, startServer } from './cluster.js';

const DEMO = { email: 'staff@riverside.example', password: 'formwork-demo' };

// Needs /usr/lib/postgresql/15/bin and root (to run the cluster as the postgres user): skipped elsewhere.
describe.skipIf(!clusterSupported)('faults on a throwaway PostgreSQL cluster', () => {
  const cluster = new Cluster();
  const children: { kill(signal: NodeJS.Signals): void }[] = [];

  beforeAll(async () => {
    await cluster.init();
  }, 60_000);
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    cluster.destroy();
  });

  it('answers 503 while the database is stopped, and works again when it is back, without a restart', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database stoptest');
    await admin.end();
    // A real server process: a driver error on a dead socket must not take it down.
    const server = await startServer({
      DATABASE_URL: cluster.url.replace(/\/postgres$/, '/stoptest'),
      FORMWORK_DEMO: '1',
    });
    children.push(server.child);
    const client = new HttpClient(server.base);
    await client.login(DEMO.email, DEMO.password);
    const created = await client.call(
      'POST',
      '/api/records',
      { templateId: 'incident-report', data: {} },
      { 'Idempotency-Key': randomUUID() },
    );
    const id = created.body.record.id;
    let revision = 1;
    const acknowledged: number[] = [];
    // Saves run while the database is stopped underneath them.
    const saving = (async () => {
      let failures = 0;
      for (let i = 0; i < 400 && failures < 2; i++) {
        const res = await client.call(
          'PUT',
          `/api/records/${id}/data`,
          { data: { count: i } },
          { 'If-Match': `"${revision}"` },
        );
        if (res.status === 200) {
          revision = res.body.record.revision;
          acknowledged.push(i);
        } else {
          failures++;
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBeTruthy();
          expect(res.body.error.code).toBe('database-unavailable');
          expect(JSON.stringify(res.body)).not.toMatch(/\.ts:|\.js:/);
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    cluster.stop('immediate');
    await saving;
    expect((await client.call('GET', `/api/records/${id}`)).status).toBe(503);
    cluster.start();
    let back = await client.call('GET', `/api/records/${id}`);
    for (let i = 0; i < 50 && back.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 200));
      back = await client.call('GET', `/api/records/${id}`);
    }
    expect(back.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    // Nothing acknowledged was lost: the stored record is the last acknowledged save.
    expect(back.body.record.revision).toBe(revision);
    if (acknowledged.length > 0) expect(back.body.record.data).toEqual({ count: acknowledged.at(-1) });
    const again = await client.call(
      'PUT',
      `/api/records/${id}/data`,
      { data: { count: 99 } },
      { 'If-Match': `"${revision}"` },
    );
    expect(again.status).toBe(200);
    server.child.kill('SIGTERM');
  }, 90_000);

  it('keeps every acknowledged save when the server process is killed mid-save, and restarts cleanly', async () => {
    const env = { DATABASE_URL: cluster.url.replace(/\/postgres$/, '/postgres'), FORMWORK_DEMO: '1' };
    const { default: postgres } = await import('postgres');
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database killtest');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/killtest');
    const first = await startServer({ ...env, DATABASE_URL: url });
    children.push(first.child);
    const client = new HttpClient(first.base);
    await client.login(DEMO.email, DEMO.password);
    const created = await client.call(
      'POST',
      '/api/records',
      { templateId: 'incident-report', data: {} },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(created.status).toBe(201);
    const id = created.body.record.id;
    let revision = 1;
    let lastData: unknown = {};
    let killed = false;
    for (let i = 0; i < 200 && !killed; i++) {
      const data = { incident: { description: `save ${i}` } };
      const pending = client
        .call('PUT', `/api/records/${id}/data`, { data }, { 'If-Match': `"${revision}"` })
        .catch(() => null);
      if (i === 20) {
        first.child.kill('SIGKILL');
        killed = true;
      }
      const res = await pending;
      if (res?.status === 200) {
        revision = res.body.record.revision;
        lastData = res.body.record.data;
      }
    }
    const second = await startServer({ DATABASE_URL: url, FORMWORK_DEMO: '1' });
    children.push(second.child);
    const after = new HttpClient(second.base);
    await after.login(DEMO.email, DEMO.password);
    const record = await after.call('GET', `/api/records/${id}`);
    expect(record.status).toBe(200);
    // The stored revision is the last acknowledged one, or the one in flight when the process died.
    expect([revision, revision + 1]).toContain(record.body.record.revision);
    if (record.body.record.revision === revision) expect(record.body.record.data).toEqual(lastData);
    expect(record.body.history.filter((h: { kind: string }) => h.kind === 'revision')).toHaveLength(
      record.body.record.revision,
    );
    const auditor = new HttpClient(second.base);
    await auditor.login('auditor@riverside.example', DEMO.password);
    expect((await auditor.call('GET', '/api/audit/verify')).body.ok).toBe(true);
    second.child.kill('SIGTERM');
  }, 90_000);

  it('serves one database from two processes: a draft written by one is read by the other; conflicts get 412', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database twoprocs');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/twoprocs');
    const a = await startServer({ DATABASE_URL: url, FORMWORK_DEMO: '1' });
    children.push(a.child);
    const b = await startServer({ DATABASE_URL: url, FORMWORK_DEMO: '1' });
    children.push(b.child);
    const onA = new HttpClient(a.base);
    await onA.login(DEMO.email, DEMO.password);
    // The same session works on both processes: sessions live in the database.
    const onB = new HttpClient(b.base);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    const created = await onA.call(
      'POST',
      '/api/records',
      { templateId: 'incident-report', data: {} },
      { 'Idempotency-Key': randomUUID() },
    );
    const id = created.body.record.id;
    const saved = await onA.call(
      'PUT',
      `/api/records/${id}/data`,
      { data: { incident: { description: 'from A' } } },
      { 'If-Match': '"1"' },
    );
    expect(saved.status).toBe(200);
    const read = await onB.call('GET', `/api/records/${id}`);
    expect(read.body.record.data).toEqual({ incident: { description: 'from A' } });
    const [x, y] = await Promise.all([
      onA.call(
        'PUT',
        `/api/records/${id}/data`,
        { data: { incident: { description: 'A again' } } },
        { 'If-Match': '"2"' },
      ),
      onB.call(
        'PUT',
        `/api/records/${id}/data`,
        { data: { incident: { description: 'B' } } },
        { 'If-Match': '"2"' },
      ),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 412]);
    const loser = x.status === 412 ? x : y;
    expect(loser.body.current.revision).toBe(3);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
  }, 90_000);
});
