// The staff app's JavaScript per page (gzip -9 of each file), worked out from a production build of the app made
// with its own config (packages/runtime/vite.config.ts) and its manifest, for the latest version of every template
// in forms/:
//   sign-in / home    the entry chunk and what it imports
//   fill a record     that, plus the fill page's lazily loaded chunk and its imports, the template's precompiled
//                     validator (as the server sends it), and the engine helper chunks the validator's `needs` name
//   view a record     the same with the record page's chunk (it loads the validator too, for the summary)
// The app needs the server to load a page, so this is read from the build rather than watched in the browser; the
// renderer page of bench/runtime.mjs is watched in the browser and must agree with it on what the form loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The engine's helpers that load on demand (engine/src/runtime/lazy-helpers.ts), by the module each one imports. */
const LAZY_HELPERS = {
  'formwork:regexp': '/engine/dist/runtime/regexp.js',
  'ajv/dist/runtime/uri': '/ajv/dist/runtime/uri.js',
};
const ROUTES = {
  fill: 'src/app/pages/FillRecordPage.tsx',
  record: 'src/app/pages/RecordPage.tsx',
  home: 'src/app/pages/HomePage.tsx',
  login: 'src/app/pages/LoginPage.tsx',
};

const kb = (b) => Math.round((b / 1024) * 10) / 10;
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

function latestTemplates(formsDir) {
  const out = [];
  for (const d of readdirSync(formsDir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith('_')) continue;
    const versions = readdirSync(join(formsDir, d.name))
      .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (versions.length) out.push(JSON.parse(readFileSync(join(formsDir, d.name, versions.at(-1)), 'utf8')));
  }
  return out;
}

export async function staffPages(root) {
  const { precompile } = await import('@formwork/engine');
  const out = mkdtempSync(join(tmpdir(), 'formwork-bench-staff-'));
  try {
    const res = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        out,
        '--emptyOutDir',
        '--manifest',
        '--logLevel',
        'warn',
      ],
      { cwd: join(root, 'packages/runtime'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (res.status !== 0) throw new Error(`vite build of the staff app failed:\n${res.stderr}${res.stdout}`);
    const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
    const size = new Map();
    const sizeOf = (file) => {
      if (!size.has(file)) size.set(file, gzip(readFileSync(join(out, file))));
      return size.get(file);
    };
    /** The chunk for a manifest key and every chunk it imports statically. */
    const closure = (key, into = new Set()) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the staff app's manifest has no ${key}`);
      if (into.has(chunk.file)) return into;
      into.add(chunk.file);
      for (const k of chunk.imports ?? []) closure(k, into);
      return into;
    };
    const keyEndingWith = (suffix) => {
      const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
      if (!key) throw new Error(`no chunk of the staff app holds ${suffix}`);
      return key;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
    const shell = closure(entry);
    const sum = (files) => [...files].reduce((a, f) => a + sizeOf(f), 0);
    // Sign-in and home are route chunks of their own: the row counts the shell with both (what someone who signs in
    // and lands on home downloads).
    const home = new Set([...shell, ...closure(ROUTES.login), ...closure(ROUTES.home)]);

    const templates = [];
    for (const template of latestTemplates(join(root, 'forms'))) {
      const pre = precompile(template);
      if (!pre.ok) throw new Error(`${template.id} ${template.version} does not precompile`);
      const validator = gzip(Buffer.from(pre.code));
      const needs = JSON.parse(/export const needs\s*=\s*(\[[^\]]*\])/.exec(pre.code)?.[1] ?? '[]');
      const helpers = new Set();
      for (const name of needs) if (LAZY_HELPERS[name]) closure(keyEndingWith(LAZY_HELPERS[name]), helpers);
      const page = (route) => {
        const files = new Set([...shell, ...closure(ROUTES[route]), ...helpers]);
        return { app: sum(files), validator, total: sum(files) + validator, files: [...files] };
      };
      templates.push({
        template: `${template.id} ${template.version}`,
        needs,
        fill: page('fill'),
        record: page('record'),
      });
    }
    const incident = templates.find((t) => t.template.startsWith('incident-report '));
    const row = (metric, value, note, goal) => ({
      metric,
      value: kb(value),
      unit: 'KiB',
      ...(goal ? { goal } : {}),
      note,
    });
    const parts = (p) => `app ${kb(p.app)} + validator ${kb(p.validator)}`;
    return {
      rows: [
        row('staff app, sign-in and home pages: JavaScript, gzip', sum(home), [...home].join(' + ')),
        ...(incident
          ? [
              row(
                `staff app, filling an ${incident.template} record: JavaScript, gzip`,
                incident.fill.total,
                parts(incident.fill),
                '≤ 150',
              ),
              row(
                `staff app, viewing an ${incident.template} record: JavaScript, gzip`,
                incident.record.total,
                parts(incident.record),
              ),
            ]
          : []),
      ],
      details: {
        shell: { files: [...shell].map((f) => ({ file: f, gzip: sizeOf(f) })), gzip: sum(shell) },
        home: { files: [...home].map((f) => ({ file: f, gzip: sizeOf(f) })), gzip: sum(home) },
        templates: templates.map((t) => ({
          ...t,
          fill: { ...t.fill, files: t.fill.files.map((f) => ({ file: f, gzip: sizeOf(f) })) },
          record: { ...t.record, files: t.record.files.map((f) => ({ file: f, gzip: sizeOf(f) })) },
        })),
      },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
