// Server benchmark: autosave (evaluate + revision + audit append) and proceed at 32 connections, on PostgreSQL and
// PGlite, side by side with hono's bare JSON route and a raw single-row insert through the same driver.
// The load comes from another process (bench/lib/load.mjs), as a deployment's clients would.
// Prints one JSON document on stdout (bench/run.mjs turns it into a table and bench/results/server.json);
// progress goes to stderr. No assertions. Needs `npm run build -w @formwork/server` first.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const server = process.env.BENCH_SERVER_DIR ?? join(here, '../packages/server'); // another build to compare with
const dist = (p) => import(join(server, 'dist', p));
const { serve } = await import(join(server, 'node_modules/@hono/node-server/dist/index.mjs')).catch(
  () => import('@hono/node-server'),
);
const { Hono } = await import('hono');
const { sql } = await import('drizzle-orm');
const { createApp } = await dist('app.js');
const { AuditLinker } = await dist('audit/linker.js');
const { openDatabase } = await dist('db/database.js');
const { createOrganisation, createTeam, createUser } = await dist('seed/organisation.js');
const { prepareVersion, storeVersion } = await dist('templates/publish.js');

const fixture = JSON.parse(readFileSync(join(server, 'test/fixtures/concern.json'), 'utf8'));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
// Autosave, raw insert and bare route run interleaved, round after round, and the medians are reported: this machine's
// 2 cores are shared, so only figures measured side by side, many times, compare. Proceed runs once (after them).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
// Knobs for profiling one part: BENCH_BACKENDS=postgres, BENCH_ONLY=save,insert (default: everything).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const ONLY = process.env.BENCH_ONLY?.split(',');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark knob, not a build input
const POOL = process.env.BENCH_POOL ? Number(process.env.BENCH_POOL) : undefined;
const wanted = (name) => !ONLY || ONLY.includes(name);
const log = (...a) => console.error(...a);

function listen(fetch) {
  return new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ s, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

// CPU seconds used so far by the PostgreSQL backends serving the bench database (Linux, same machine), or null.
let backendPids = async () => [];
function backendCpu(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the backend has gone, or /proc is not ours to read
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

// The load generator: one child process for the whole benchmark, one scenario at a time.
const loader = fork(join(here, 'lib/load.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
await new Promise((resolve) => loader.once('message', resolve));

/**
 * One autocannon run (in the load process), with the CPU this process (the server) and the database backends spent
 * per request, and the load generator's own.
 */
async function run(name, scenario) {
  const cpu0 = process.cpuUsage();
  const before = new Map();
  for (const pid of await backendPids()) before.set(pid, backendCpu([pid]));
  loader.send({ name, connections: CONNECTIONS, seconds: SECONDS, ...scenario });
  const answer = await new Promise((resolve) => loader.once('message', resolve));
  if (!answer.ok) throw new Error(`load generator: ${answer.error}`);
  const result = answer.result;
  const cpu = process.cpuUsage(cpu0);
  let db = 0;
  for (const pid of await backendPids()) db += backendCpu([pid]) - (before.get(pid) ?? 0);
  const n = Math.max(1, result.requests.total);
  result.nodeMsPerRequest = (cpu.user + cpu.system) / 1000 / n;
  result.dbMsPerRequest = (db * 1000) / n;
  result.loadMsPerRequest = result.loadMs / n;
  return result;
}

async function login(url, email) {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-1' }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('fw_csrf=')).slice(8) };
}

async function backend(kind) {
  let database;
  let drop = async () => {};
  if (kind === 'postgres') {
    const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const { default: postgres } = await import('postgres');
    const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 3 });
    const name = `fw_bench_${randomUUID().slice(0, 8)}`;
    try {
      await admin.unsafe(`create database ${name}`);
    } catch (e) {
      await admin.end().catch(() => {});
      log(`PostgreSQL not reachable (${e.message}): PGlite only.`);
      return null;
    }
    const u = new URL(base);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), ...(POOL ? { max: POOL } : {}) });
    backendPids = async () =>
      (await admin`select pid from pg_stat_activity where datname = ${name}`).map((r) => r.pid);
    drop = async () => {
      backendPids = async () => [];
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
    drop = () => database.close();
  }
  const { db } = database;
  const at = new Date();
  const org = await createOrganisation(db, 'Bench', at);
  const team = await createTeam(db, org, 'Team');
  await createUser(
    db,
    {
      organisationId: org,
      teamId: team,
      email: 'staff@bench.test',
      name: 'Staff',
      role: 'staff',
      password: 'bench-password-1',
    },
    at,
  );
  const prepared = prepareVersion(fixture);
  await db.transaction((tx) =>
    storeVersion(tx, {
      organisationId: org,
      template: prepared.template,
      document: fixture,
      hash: prepared.hash,
      code: prepared.code,
      by: null,
      at,
    }),
  );
  await db.execute(sql`create table if not exists bench_raw (id uuid primary key, data jsonb not null)`);

  // Requests in flight, so that the database is dropped only after the last one has finished: autocannon stops
  // on time, but the server still completes (and the linker still chains) what it had already received.
  let inFlight = 0;
  let idle = () => {};
  const tracked = (fetch) => async (request, env) => {
    inFlight++;
    try {
      return await fetch(request, env);
    } finally {
      if (--inFlight === 0) idle();
    }
  };
  const audit = new AuditLinker(db, { log: () => {} }).start();
  const app = createApp({ db, now: () => new Date(), secureCookies: false, audit }, { log: () => {} });
  const { s, url } = await listen(tracked(app.fetch));
  const bare = new Hono();
  bare.get('/bare', (c) => c.json({ ok: true }));
  bare.post('/insert', async (c) => {
    await db.execute(
      sql`insert into bench_raw (id, data) values (${randomUUID()}, ${JSON.stringify({ description: 'x' })}::jsonb)`,
    );
    return c.json({ ok: true });
  });
  const { s: s2, url: bareUrl } = await listen(tracked(bare.fetch));
  const auth = await login(url, 'staff@bench.test');
  const headers = { Cookie: auth.cookie, 'X-CSRF-Token': auth.csrf, 'Content-Type': 'application/json' };
  const data = {
    occurredAt: '2026-03-01T09:00:00.000Z',
    description: 'A fall in the lounge',
    category: 'fall',
    harm: 'low',
  };
  const create = async () => {
    const res = await fetch(`${url}/api/records`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ templateId: 'concern', data }),
    });
    return (await res.json()).record.id;
  };
  const results = { save: [], insert: [], bare: [], proceed: [] };
  // A warm-up of each (not reported), so that no round pays for the JIT or the first prepared statements.
  const warm = async (name, scenario) => {
    loader.send({ name, connections: CONNECTIONS, seconds: 1, ...scenario });
    await new Promise((resolve) => loader.once('message', resolve));
  };
  if (wanted('save')) {
    const records = [];
    for (let i = 0; i < CONNECTIONS; i++) records.push(await create());
    await warm('save', { url, headers, data, records });
  }
  if (wanted('insert')) await warm('insert', { url: bareUrl });
  for (let round = 1; round <= ROUNDS; round++) {
    log(`${kind}: round ${round} of ${ROUNDS}: autosave, raw insert, bare route`);
    if (wanted('save')) {
      // Fresh records each round: every connection starts from its own record at revision 1.
      const records = [];
      for (let i = 0; i < CONNECTIONS; i++) records.push(await create());
      results.save.push(await run('save', { url, headers, data, records }));
    }
    if (wanted('insert')) results.insert.push(await run('insert', { url: bareUrl }));
    if (wanted('bare')) results.bare.push(await run('bare', { url: bareUrl }));
  }
  if (wanted('proceed')) {
    const poolSize = kind === 'postgres' ? 3000 : 600;
    log(`${kind}: creating ${poolSize} records for proceed`);
    const records = [];
    for (let i = 0; i < poolSize; i += 50)
      records.push(...(await Promise.all(Array.from({ length: Math.min(50, poolSize - i) }, create))));
    log(`${kind}: proceed`);
    results.proceed.push(await run('proceed', { url, headers, records }));
  }
  // Stop accepting, wait for the requests still in flight and the linker, then drop the database.
  const closed = (srv) =>
    new Promise((resolve) => {
      srv.close(resolve);
      srv.closeIdleConnections?.();
    });
  await Promise.all([closed(s), closed(s2)]);
  if (inFlight > 0) await new Promise((resolve) => (idle = resolve));
  await audit.stop();
  await drop();
  return results;
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rows = [];
const summary = {};
for (const kind of BACKENDS) {
  const r = await backend(kind);
  if (!r) continue;
  summary[kind] = {};
  for (const [name, list] of Object.entries(r)) {
    if (list.length === 0) continue;
    for (const res of list) {
      log(
        `${kind.padEnd(9)} ${name.padEnd(8)} ${res.requests.average.toFixed(0).padStart(7)} req/s  p50 ${res.latency.p50} ms  p99 ${res.latency.p99} ms  non-2xx ${res.non2xx + res.errors + res.timeouts}  cpu/req: server ${res.nodeMsPerRequest.toFixed(2)} ms, db ${res.dbMsPerRequest.toFixed(2)} ms, load ${res.loadMsPerRequest.toFixed(2)} ms`,
      );
    }
    summary[kind][name] = {
      rps: median(list.map((x) => x.requests.average)),
      p50: median(list.map((x) => x.latency.p50)),
      p99: median(list.map((x) => x.latency.p99)),
      worstP99: Math.max(...list.map((x) => x.latency.p99)),
      non2xx: list.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0),
      nodeMsPerRequest: median(list.map((x) => x.nodeMsPerRequest)),
      dbMsPerRequest: median(list.map((x) => x.dbMsPerRequest)),
      loadMsPerRequest: median(list.map((x) => x.loadMsPerRequest)),
      rounds: list.map((x) => ({ rps: x.requests.average, p50: x.latency.p50, p99: x.latency.p99 })),
    };
  }
  // The ratio of each round (autosave and insert measured one after the other), then their median.
  if (r.save.length > 0 && r.insert.length > 0) {
    summary[kind].saveToInsert = median(
      r.save.map((x, i) => x.requests.average / r.insert[i].requests.average),
    );
  }
  const s = summary[kind];
  const goal = kind === 'postgres';
  if (ONLY) continue; // a partial run prints its lines above, not the table
  rows.push(
    {
      metric: `${kind}: autosave req/s`,
      value: s.save.rps,
      unit: 'req/s',
      baseline: s.insert.rps,
      // The median of each round's own ratio (autosave and insert measured one after the other).
      ratio: s.saveToInsert,
      ...(goal ? { goal: '≥ 1000 and ≥ 0.5 × raw insert' } : {}),
      note: `medians of ${ROUNDS} interleaved rounds (${s.save.rounds.map((x) => x.rps.toFixed(0)).join(', ')} vs ${s.insert.rounds.map((x) => x.rps.toFixed(0)).join(', ')}); cpu/save: server ${s.save.nodeMsPerRequest.toFixed(2)} ms, db ${s.save.dbMsPerRequest.toFixed(2)} ms (insert ${s.insert.nodeMsPerRequest.toFixed(2)}, ${s.insert.dbMsPerRequest.toFixed(2)}); non-2xx ${s.save.non2xx}`,
    },
    {
      metric: `${kind}: autosave p50 / p99`,
      value: s.save.p99,
      unit: 'ms (p99)',
      note: `p50 ${s.save.p50} ms; worst round's p99 ${s.save.worstP99} ms`,
      ...(goal ? { goal: 'p99 < 100 ms' } : {}),
    },
    {
      metric: `${kind}: proceed req/s`,
      value: s.proceed.rps,
      unit: 'req/s',
      baseline: s.insert.rps,
      ratio: s.proceed.rps / s.insert.rps,
      note: `p50 ${s.proceed.p50} ms, p99 ${s.proceed.p99} ms, non-2xx ${s.proceed.non2xx}`,
    },
    {
      metric: `${kind}: raw insert req/s`,
      value: s.insert.rps,
      unit: 'req/s',
      note: `p50 ${s.insert.p50} ms, p99 ${s.insert.p99} ms`,
    },
    {
      metric: `${kind}: bare JSON route req/s`,
      value: s.bare.rps,
      unit: 'req/s',
      note: `p50 ${s.bare.p50} ms, p99 ${s.bare.p99} ms`,
    },
  );
}
loader.disconnect();
console.log(
  JSON.stringify(
    {
      title: `Server: ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s, loopback, load from another process`,
      rows,
      summary,
    },
    null,
    2,
  ),
);
process.exit(0);
