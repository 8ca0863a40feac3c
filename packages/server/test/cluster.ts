/**
 * A throwaway PostgreSQL cluster of our own (initdb + pg_ctl as the postgres user, a free port, a temp dir), so
 * fault tests can stop and start a database without touching the shared one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = '/usr/lib/postgresql/15/bin';
export const clusterSupported = existsSync(`${bin}/initdb`) && process.getuid?.() === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const asPostgres = (args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });

export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'fw-pg-'));
  port = 0;
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  async init() {
    chmodSync(this.dir, 0o777);
    this.port = await freePort();
    asPostgres([`${bin}/initdb`, '-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    this.start();
  }
  start() {
    asPostgres([
      `${bin}/pg_ctl`,
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  }
  stop(mode: 'fast' | 'immediate' = 'immediate') {
    asPostgres([`${bin}/pg_ctl`, '-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }
  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Starts `node dist/main.js` on a free port and waits until it serves. */
export async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(import.meta.dirname, '../dist/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      await fetch(`${base}/api/openapi.json`);
      return { child, base, output: () => output };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

/** A fetch-based client for a real server process. */
export class HttpClient {
  cookie = '';
  csrf = '';
  constructor(public base: string) {}
  async login(email: string, password: string) {
    const res = await this.call('POST', '/api/session', { email, password });
    if (res.status !== 200) throw new Error(`login failed ${res.status}`);
  }
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'X-CSRF-Token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.getSetCookie();
    if (set.length > 0) {
      const pairs = set.map((c) => c.split(';')[0]!);
      this.cookie = pairs.join('; ');
      this.csrf = pairs.find((p) => p.startsWith('fw_csrf='))?.slice(8) ?? this.csrf;
    }
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test helper
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any };
  }
}
