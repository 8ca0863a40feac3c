/**
 * The operator commands as real processes (the built `dist/`): `create-admin` (refuses a missing or weak password
 * with a clear message; creates an admin who can sign in) and `audit:verify` (exit 0 on an intact database, 1 with
 * the broken chain named on a tampered one). One backend: PostgreSQL when DATABASE_URL is set, else a PGlite folder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { backends, Client, fixture, freshDatabase, here, testApp } from './helpers.js';

const backend = backends.at(-1)!;

function run(script: string, args: string[], env: Record<string, string>, input = '') {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, '../dist/cli', script), ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

describe(`operator commands on ${backend}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-cli-'));
  const env: Record<string, string> = { FORMWORK_FORMS_DIR: join(dir, 'forms') };
  let scratch: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  const open = (): Promise<Database> =>
    backend === 'postgres'
      ? openDatabase({ url: scratch!.url, max: 2 })
      : openDatabase({ dataDir: env.FORMWORK_DATA_DIR });

  beforeAll(async () => {
    mkdirSync(join(dir, 'forms/concern'), { recursive: true });
    writeFileSync(join(dir, 'forms/concern/1.0.0.json'), JSON.stringify(fixture));
    if (backend === 'postgres') {
      scratch = await freshDatabase('postgres');
      env.DATABASE_URL = scratch.url!;
    } else {
      env.FORMWORK_DATA_DIR = join(dir, 'data');
      env.DATABASE_URL = '';
    }
  });
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = ['--email', 'lead@example.org', '--org', 'Brook House'];

  it('create-admin refuses a missing or weak password, saying what is needed', async () => {
    const missing = await run('create-admin.js', admin, { ...env, FORMWORK_ADMIN_PASSWORD: '' });
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/No password was given\. Set FORMWORK_ADMIN_PASSWORD/);
    const fromEmptyStdin = await run('create-admin.js', admin, env);
    expect(fromEmptyStdin.code).toBe(2);
    expect(fromEmptyStdin.out).toMatch(/No password was given/);
    const short = await run('create-admin.js', admin, { ...env, FORMWORK_ADMIN_PASSWORD: 'brook-11' });
    expect(short.code).toBe(2);
    expect(short.out).toMatch(/at least 12 characters/);
    const repetitive = await run('create-admin.js', admin, {
      ...env,
      FORMWORK_ADMIN_PASSWORD: 'aaaaaaaaaaaaaaaa',
    });
    expect(repetitive.code).toBe(2);
    expect(repetitive.out).toMatch(/too few characters/);
    const noEmail = await run('create-admin.js', ['--org', 'Brook House'], env, 'kettle orbit lantern 42');
    expect(noEmail.code).toBe(2);
    expect(noEmail.out).toMatch(/--email/);
  });

  // One story in one test: on PGlite every step opens the data folder afresh (seconds each), so it is not repeated.
  it('create-admin makes an admin who can sign in; audit:verify passes, then catches tampering', async () => {
    const created = await run('create-admin.js', admin, env, 'kettle orbit lantern 42\n');
    expect(created.out).toMatch(/Created provider admin lead@example.org/);
    expect(created.code).toBe(0);
    const again = await run('create-admin.js', admin, {
      ...env,
      FORMWORK_ADMIN_PASSWORD: 'another long passphrase',
    });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already an account for lead@example.org/);
    const intact = await run('audit-verify.js', [], env);
    expect(intact.out).toMatch(/^ok {6}\S+: \d+ events$/m);
    expect(intact.code).toBe(0);
    const database = await open();
    try {
      const client = new Client(testApp(database));
      const me = (await (await client.login('lead@example.org', 'kettle orbit lantern 42')).json()) as {
        user: unknown;
      };
      expect(me.user).toMatchObject({ role: 'provider-admin', organisationName: 'Brook House' });
      const templates = await client.json('GET', '/api/templates');
      expect(templates.body.map((t: { id: string }) => t.id)).toEqual(['concern']);
      // Tamper as a superuser would: switch the append-only trigger off, edit an event, switch it back on.
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await database.db.execute(sql`update audit_events set actor_name = 'someone else' where seq = 2`);
      await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    } finally {
      await database.close();
    }
    const tampered = await run('audit-verify.js', [], env);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(
      /^BROKEN {2}\S+: after 1 good events, at event [0-9a-f-]{36}: its content does not match its hash$/m,
    );
    expect(tampered.out).toMatch(/failed verification\. Restore from a backup you trust/);
  }, 120_000);
});
