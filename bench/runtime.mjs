// Browser benchmark of the staff runtime's renderer: Formwork's FormworkForm (sections, engine-decided, precompiled
// validator) side by side, in the same run and the same Chromium, with plain @rjsf/core + @rjsf/validator-ajv8
// (liveValidate on) on the same 298-field, 40-conditional schema. Method: ../shared/bench-baseline/browser/bench.mjs
// and ../shared/research/perf-baseline.md (vite production builds in a temp dir, loopback server, Debian Chromium via
// playwright-core, a fresh context per page load, page order alternating between runs).
// Prints one JSON document on stdout (bench/run.mjs) and writes bench/results/runtime.json; progress and a readable
// table on stderr. No assertions: goals are shown, not enforced.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { largeTemplate, load } from './lib/large-template.mjs';
import { instrument } from './runtime/instrument.mjs';
import { staffPages } from './runtime/staff-pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: benchmark knobs, read only here
const RUNS = Number(process.env.RUNS || 5);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: benchmark knobs, read only here
const BUDGET_MS = Number(process.env.BROWSER_BUDGET_S || 300) * 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const KEY_GAP_MS = 50;
const REVEAL_REPS = 3;
const PAGES = ['formwork', 'rjsf'];
const log = (...a) => console.error('[runtime]', ...a);

const median = (a) => {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (a, p) => {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

// ---------- build ----------
async function build(out) {
  const { precompile } = await import('@formwork/engine');
  const template = largeTemplate();
  const pre = precompile(template);
  if (!pre.ok)
    throw new Error(
      `The benchmark template does not precompile: ${JSON.stringify(pre.problems.slice(0, 5))}`,
    );
  writeFileSync(join(out, 'validator.js'), pre.code);
  writeFileSync(join(out, 'template.json'), JSON.stringify(template));
  writeFileSync(join(out, 'large.draft.json'), JSON.stringify(load('large.draft.json')));
  for (const page of PAGES) {
    const res = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(here, 'runtime/vite.config.mjs'),
      ],
      {
        env: { ...process.env, BENCH_PAGE: page, BENCH_OUT: out },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (res.status !== 0)
      throw new Error(`vite build of the ${page} page failed:\n${res.stderr}${res.stdout}`);
  }
}

/** The scripts a page fetched (every measured load of it must fetch the same ones), with their sizes and, for
 * the files with a source map, what is in them. */
function loadedScripts(out, runs, page) {
  const loads = runs.map((rows) => rows.find((x) => x.page === page).scripts);
  const names = (list) => list.map((f) => f.file).sort();
  const files = loads[0];
  for (const other of loads.slice(1))
    if (JSON.stringify(names(other)) !== JSON.stringify(names(files)))
      throw new Error(
        `the ${page} page fetched different scripts in different runs: ${names(files)} / ${names(other)}`,
      );
  // What each fetched file is: the page's own bundle (the entry chunk and what it imports), the template's
  // validator, or a chunk the page imported on demand.
  const manifest = JSON.parse(readFileSync(join(out, `${page}.manifest.json`), 'utf8'));
  const bundled = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || bundled.has(chunk.file)) return;
    bundled.add(chunk.file);
    for (const k of chunk.imports ?? []) walk(k);
  };
  walk(Object.keys(manifest).find((k) => manifest[k].isEntry));
  for (const f of files)
    f.part = bundled.has(f.file) ? 'bundle' : f.file === 'validator.js' ? 'validator' : 'on demand';
  return {
    files,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    composition: Object.fromEntries(files.map((f) => [f.file, composition(out, f.file)])),
  };
}

/** Minified bytes per package, from the hidden source map (as ../shared/bench-baseline/scripts/bundle-size.mjs). */
function composition(out, file) {
  let map;
  try {
    map = JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8'));
  } catch {
    return null;
  }
  const lines = readFileSync(join(out, file), 'utf8').split('\n');
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const decode = (str) => {
    const res = [];
    let value = 0;
    let shift = 0;
    for (const ch of str) {
      const d = B64.indexOf(ch);
      value += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        res.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    return res;
  };
  const pkgOf = (src) => {
    const i = src.lastIndexOf('node_modules/');
    if (i < 0)
      return src.includes('packages/engine')
        ? '@formwork/engine'
        : src.includes('packages/runtime')
          ? '@formwork/runtime'
          : '(page)';
    const rest = src.slice(i + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  };
  const bytes = {};
  const text = {};
  let srcIdx = 0;
  map.mappings.split(';').forEach((lineMap, li) => {
    const line = lines[li] ?? '';
    const lineLen = Buffer.byteLength(line);
    let col = 0;
    const segs = [];
    for (const seg of lineMap.split(',')) {
      if (!seg) continue;
      const v = decode(seg);
      col += v[0];
      if (v.length >= 4) srcIdx += v[1];
      segs.push({ col, src: v.length >= 4 ? srcIdx : null });
    }
    segs.forEach((sg, k) => {
      const end = k + 1 < segs.length ? segs[k + 1].col : lineLen;
      const key = sg.src == null ? '(unmapped)' : pkgOf(map.sources[sg.src]);
      bytes[key] = (bytes[key] || 0) + Math.max(0, end - sg.col);
      text[key] = (text[key] || '') + line.slice(sg.col, end);
    });
  });
  // Raw minified bytes, and each package's code gzipped on its own (an estimate: gzip of the whole is smaller).
  return Object.fromEntries(
    Object.entries(bytes)
      .sort((a, b) => b[1] - a[1])
      .filter(([, v]) => v > 1000)
      .map(([k, v]) => [k, { raw: v, gzipAlone: gzipSync(Buffer.from(text[k])).length }]),
  );
}

// ---------- serve ----------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};
function serve(dir) {
  const server = http.createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------- measure one page load ----------
async function measure(browser, base, page, meta) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await tab.addInitScript(instrument);
  // Every script the page fetches (its bundle, the lazily imported chunks, the template's validator): what the
  // size row counts, rather than what a manifest says the entry imports.
  const scripts = [];
  tab.on('response', (res) => {
    if (res.request().resourceType() === 'script')
      scripts.push(res.body().then((body) => ({ path: new URL(res.url()).pathname, body })));
  });
  try {
    await tab.goto(`${base}/${page}.html`, { waitUntil: 'load', timeout: 60000 });
    await tab.waitForFunction(() => window.__ready === true, null, { timeout: 60000 });
    const first = await tab.evaluate(() => {
      const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
      return {
        scriptStart: m('script-start'),
        mountStart: m('mount-start'),
        committed: m('form-committed'),
        painted: m('form-painted'),
        controls: window.__firstCommit.controls,
        domElements: document.getElementsByTagName('*').length,
      };
    });
    await sleep(300);

    // Formwork shows one section at a time: open the one holding the typing target (not timed).
    const openSection = async (title) => {
      if (page !== 'formwork') return;
      await tab.getByRole('button', { name: title, exact: false }).first().click();
      await sleep(150);
    };
    await openSection(meta.sections.typing);

    // ---- typing ----
    const sel = `#${meta.typingTargetId}`;
    await tab.click(sel);
    await tab.$eval(sel, (el) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    const before = await tab.$eval(sel, (el) => el.value);
    await tab.evaluate(() => {
      window.__bench.events.length = 0;
      window.__bench.longtasks.length = 0;
      window.__bench.keys.length = 0;
    });
    const chars = [...meta.typedText];
    for (let i = 0; i < chars.length; i++) {
      await tab.keyboard.type(chars[i]);
      await tab.evaluate((n) => window.__waitKeys(n), i + 1);
      await sleep(KEY_GAP_MS);
    }
    const after = await tab.$eval(sel, (el) => el.value);
    if (after !== before + meta.typedText)
      throw new Error(`typed text mismatch on ${page}: ${JSON.stringify(after)}`);
    const t = await tab.evaluate(() => ({ keys: window.__bench.keys, events: window.__bench.events }));
    const keyToFrame = t.keys.map((k) => k.after - k.evTs);
    const handler = t.keys.map((k) => k.inEnd - k.inStart);
    const perInteraction = new Map();
    for (const e of t.events)
      if (e.id > 0 && ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'].includes(e.name))
        perInteraction.set(e.id, Math.max(perInteraction.get(e.id) || 0, e.duration));

    // ---- conditional reveal / hide ----
    await openSection(meta.sections.reveal);
    const target = `#${meta.revealTargetId}`;
    const reveal = [];
    const hide = [];
    for (let i = 0; i < REVEAL_REPS; i++) {
      for (const want of [true, false]) {
        // Formwork draws yes/no questions as Yes/No radios (GOV.UK); plain rjsf as one checkbox.
        const trigger =
          page === 'formwork' && !want ? `#${meta.revealTriggerId}-1` : `#${meta.revealTriggerId}`;
        await tab.evaluate(({ target, want }) => window.__armReveal(target, want), { target, want });
        await tab.click(trigger);
        const r = await tab.evaluate(() => window.__revealDone);
        (want ? reveal : hide).push({ toFrame: r.after - r.evTs, toDom: r.dom - r.evTs });
        await sleep(150);
      }
    }
    return {
      page,
      firstRender: {
        scriptToCommit: first.committed - first.scriptStart,
        scriptToPaint: first.painted - first.scriptStart,
        mountToCommit: first.committed - first.mountStart,
        navToPaint: first.painted,
        controls: first.controls,
        domElements: first.domElements,
      },
      typing: {
        p50: median(keyToFrame),
        p95: pct(keyToFrame, 95),
        max: Math.max(...keyToFrame),
        first: keyToFrame[0],
        handlerP50: median(handler),
        over50: [...perInteraction.values()].filter((d) => d > 50).length,
      },
      reveal: { toFrame: median(reveal.map((x) => x.toFrame)), toDom: median(reveal.map((x) => x.toDom)) },
      hide: { toFrame: median(hide.map((x) => x.toFrame)) },
      scripts: (await Promise.all(scripts)).map(({ path, body }) => ({
        file: path.replace(/^\//, ''),
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      })),
      errors,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg();
  const out = mkdtempSync(join(tmpdir(), 'formwork-bench-runtime-'));
  let server;
  let browser;
  try {
    log(`building the pages in ${out}`);
    await build(out);
    const meta = {
      ...load('large.meta.json'),
      sections: { typing: '3. The incident', reveal: '6. Safeguarding' },
    };
    server = await serve(out);
    const base = `http://127.0.0.1:${server.address().port}`;
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
    // Warm-up: one unmeasured load of each page.
    for (const page of PAGES) {
      const ctx = await browser.newContext();
      const tab = await ctx.newPage();
      await tab.goto(`${base}/${page}.html`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.__ready === true, null, { timeout: 60000 }).catch(() => {});
      await ctx.close();
    }
    const runs = [];
    let lastRunMs = 0;
    for (let r = 0; r < RUNS; r++) {
      if (Date.now() - started + lastRunMs > BUDGET_MS) {
        log(`time budget reached after ${r} runs`);
        break;
      }
      const t0 = Date.now();
      const order = r % 2 ? [...PAGES].reverse() : PAGES;
      const rows = [];
      for (const page of order) rows.push(await measure(browser, base, page, meta));
      runs.push(rows);
      lastRunMs = Date.now() - t0;
      log(
        `run ${r + 1}/${RUNS} in ${(lastRunMs / 1000).toFixed(1)}s: ${rows.map((x) => `${x.page} key p95 ${r1(x.typing.p95)} ms`).join(', ')}`,
      );
      for (const x of rows) if (x.errors.length) log(`page errors on ${x.page}:`, x.errors.slice(0, 3));
    }
    const agg = (page, f) =>
      r1(median(runs.map((rows) => f(rows.find((x) => x.page === page))).filter((v) => v != null)));
    const range = (page, f) => {
      const v = runs.map((rows) => f(rows.find((x) => x.page === page))).filter((x) => x != null);
      return v.length ? `${r1(Math.min(...v))}–${r1(Math.max(...v))}` : '';
    };
    const metric = (name, f, unit, goal) => {
      const value = agg('formwork', f);
      const baseline = agg('rjsf', f);
      return {
        metric: name,
        value,
        unit,
        baseline,
        ...(value != null && baseline ? { ratio: Math.round((value / baseline) * 100) / 100 } : {}),
        ...(goal ? { goal } : {}),
        note: `formwork ${range('formwork', f)}; rjsf ${range('rjsf', f)} (min–max over runs)`,
      };
    };
    const bundles = Object.fromEntries(PAGES.map((p) => [p, loadedScripts(out, runs, p)]));
    const kb = (b) => Math.round((b / 1024) * 10) / 10;
    const listed = (files) =>
      ['bundle', 'validator', 'on demand']
        .map((part) => [part, files.filter((f) => f.part === part)])
        .filter(([, fs]) => fs.length)
        .map(
          ([part, fs]) =>
            `${part} ${kb(fs.reduce((a, f) => a + f.gzip, 0))} (${fs.map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzip)}`).join(', ')})`,
        )
        .join(' + ');
    const staff = await staffPages(root);
    const rows = [
      metric('first render: script start → form in DOM', (x) => x.firstRender.scriptToCommit, 'ms', '≤ 300'),
      metric('first render: script start → next frame', (x) => x.firstRender.scriptToPaint, 'ms'),
      metric('first render: navigation → next frame', (x) => x.firstRender.navToPaint, 'ms'),
      metric('controls rendered at first render', (x) => x.firstRender.controls, 'count'),
      metric('keystroke → next frame p50', (x) => x.typing.p50, 'ms'),
      metric('keystroke → next frame p95', (x) => x.typing.p95, 'ms', '≤ 16'),
      metric('keystroke → next frame worst', (x) => x.typing.max, 'ms', '≤ 50'),
      metric('keystroke → next frame, first key', (x) => x.typing.first, 'ms'),
      metric('input handler p50 (React + rjsf work)', (x) => x.typing.handlerP50, 'ms'),
      metric('keyboard interactions > 50 ms (Event Timing, of 40)', (x) => x.typing.over50, 'count'),
      metric('reveal conditional: click → field in DOM', (x) => x.reveal.toDom, 'ms'),
      metric('reveal conditional: click → next frame', (x) => x.reveal.toFrame, 'ms', '≤ 20'),
      metric('hide conditional: click → next frame', (x) => x.hide.toFrame, 'ms'),
      {
        metric: 'JavaScript the page loads, gzip',
        value: kb(bundles.formwork.gzip),
        unit: 'KiB',
        baseline: kb(bundles.rjsf.gzip),
        ratio: Math.round((bundles.formwork.gzip / bundles.rjsf.gzip) * 100) / 100,
        goal: '≤ 150',
        note: `every script the page fetched, gzip -9 each: formwork ${listed(bundles.formwork.files)}; rjsf ${listed(bundles.rjsf.files)} (includes its schema)`,
      },
      ...staff.rows,
    ];
    const result = {
      title: `Staff runtime renderer in Chromium: Formwork (sections, engine) vs plain rjsf + ajv8 liveValidate, large form (${meta.stats.fields} fields, ${meta.stats.conditionals} conditionals), ${runs.length} runs`,
      rows,
      chromium: browser.version(),
      // The machine is shared: the load average says how much else was running.
      loadAverage: { start: loadAtStart, end: loadavg() },
      runs: runs.length,
      bundles: Object.fromEntries(
        PAGES.map((p) => [
          p,
          {
            raw: bundles[p].raw,
            gzip: bundles[p].gzip,
            files: bundles[p].files,
            composition: bundles[p].composition,
          },
        ]),
      ),
      staffApp: staff.details,
      raw: runs.map((rows) => rows.map(({ scripts: _scripts, ...rest }) => rest)),
      elapsedS: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'runtime.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const row of rows)
      log(
        `${row.metric.padEnd(52)} ${String(row.value).padStart(8)} ${row.unit.padEnd(5)} ${row.baseline == null ? ''.padStart(13) : `rjsf ${String(row.baseline).padStart(8)}`}  ${row.goal ?? ''}`,
      );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser?.close();
    if (server) await new Promise((res) => server.close(res));
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
