/** Test support: a database per test file (PGlite, or a fresh PostgreSQL database), two organisations, clients. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { createOrganisation, createTeam, createUser } from '../src/seed/organisation.js';
import { prepareVersion, storeVersion } from '../src/templates/publish.js';
import type { Role } from '../src/types.js';

export const here = dirname(fileURLToPath(import.meta.url));
export const fixture = JSON.parse(readFileSync(join(here, 'fixtures/concern.json'), 'utf8'));
export const PASSWORD = 'correct horse battery';

export type Backend = 'pglite' | 'postgres';
/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI). */
export const backends: Backend[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, empty database for one test file; `drop()` removes it again. */
export async function freshDatabase(
  backend: Backend,
): Promise<Database & { drop(): Promise<void>; url?: string }> {
  if (backend === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { ...db, drop: () => db.close() };
  }
  const base = process.env.DATABASE_URL!;
  const name = `fw_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 4 });
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const roles: Role[] = [
  'staff',
  'manager',
  'safeguarding-lead',
  'quality-team',
  'provider-admin',
  'auditor',
];

export interface Org {
  id: string;
  name: string;
  /** email by role; `staff2` is a second staff member of the same team, `staffOther` one in another team. */
  emails: Record<Role | 'staff2' | 'staffOther', string>;
}

export async function seedWorld(database: Database, at = new Date()): Promise<Org[]> {
  const orgs: Org[] = [];
  for (const name of ['Org A', 'Org B']) {
    const id = await createOrganisation(database.db, name, at);
    const team = await createTeam(database.db, id, 'Team 1');
    const otherTeam = await createTeam(database.db, id, 'Team 2');
    const slug = name.replace(' ', '').toLowerCase();
    const emails = {} as Org['emails'];
    const people: [Role | 'staff2' | 'staffOther', Role, string | null][] = [
      ...roles.map((r): [Role, Role, string] => [r, r, team]),
      ['staff2', 'staff', team],
      ['staffOther', 'staff', otherTeam],
    ];
    for (const [key, role, teamId] of people) {
      const email = `${key}@${slug}.test`;
      await createUser(
        database.db,
        { organisationId: id, teamId, email, name: `${key} of ${name}`, role, password: PASSWORD },
        at,
      );
      emails[key] = email;
    }
    const prepared = prepareVersion(fixture);
    if (!prepared.ok) throw new Error(`fixture does not compile: ${JSON.stringify(prepared.problems)}`);
    await database.db.transaction((tx) =>
      storeVersion(tx, {
        organisationId: id,
        template: prepared.template,
        document: fixture,
        hash: prepared.hash,
        code: prepared.code,
        by: null,
        at,
      }),
    );
    orgs.push({ id, name, emails });
  }
  return orgs;
}

export type TestApp = ReturnType<typeof createApp>;

export function testApp(database: Database, clock: { now: Date } = { now: new Date() }) {
  return createApp(
    { db: database.db, now: () => clock.now, secureCookies: false },
    { log: () => {}, loginLimits: { perAccount: 5, perAddress: 1000, windowMs: 15 * 60 * 1000 } },
  );
}

/** A browser-like client: keeps the cookies, sends the CSRF header on changes. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: TestApp) {}

  async login(email: string, password = PASSWORD) {
    const res = await this.send('POST', '/api/session', { email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
    return res;
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) h.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.cookies.has('fw_csrf') && !('X-CSRF-Token' in h))
      h['X-CSRF-Token'] = this.cookies.get('fw_csrf')!;
    if (body !== undefined && !('Content-Type' in h)) h['Content-Type'] = 'application/json';
    const payload =
      body === undefined
        ? undefined
        : typeof body === 'string' || body instanceof Uint8Array
          ? body
          : JSON.stringify(body);
    // As a browser's fetch does for a body it has whole (app.request alone would send none).
    if (payload !== undefined && !('Content-Length' in h))
      h['Content-Length'] = String(Buffer.byteLength(payload));
    const res = await this.app.request(path, {
      method,
      headers: h,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (v === '') this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }

  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
  async json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const res = await this.send(method, path, body, headers);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  }
}
