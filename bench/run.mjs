// Runs every benchmark in bench/ (each `*.mjs` except this file), one after another, each in its own Node process
// so that one benchmark's JIT state and garbage cannot colour the next. A benchmark prints ONE JSON document on
// stdout (progress goes to stderr):
//
//   { "title": "…", "rows": [ { "metric", "value", "unit", "baseline"?, "ratio"?, "goal"?, "note"? } ], … }
//
// run.mjs writes it to bench/results/<name>.json and prints the rows as a table. No assertions: a missed goal is
// shown, not failed. Usage: node bench/run.mjs [name…]   (e.g. `node bench/run.mjs engine`; default: all)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const names = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => basename(f, '.mjs'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (names.length === 0) {
  console.error(`No benchmarks found${only.length ? ` named ${only.join(', ')}` : ''} in ${here}.`);
  process.exit(2);
}

const fmt = (v) => {
  if (typeof v !== 'number') return v === undefined || v === null ? '' : String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toPrecision(3);
};

function table(rows) {
  const header = ['metric', 'value', 'unit', 'baseline', 'ratio', 'goal', 'note'];
  const cells = rows.map((r) => [
    r.metric,
    fmt(r.value),
    r.unit ?? '',
    fmt(r.baseline),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
    r.goal ?? '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) =>
    c
      .map((x, i) =>
        i === 1 || i === 3 || i === 4 ? String(x).padStart(widths[i]) : String(x).padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

mkdirSync(join(here, 'results'), { recursive: true });
let failed = 0;
for (const name of names) {
  console.log(`\n== ${name} ==`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, `${name}.mjs`)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    failed++;
    console.log(`${name}: exited with ${run.status ?? run.signal}; no results written.`);
    continue;
  }
  let result;
  try {
    result = JSON.parse(run.stdout);
  } catch {
    failed++;
    console.log(`${name}: did not print one JSON document on stdout; no results written.`);
    continue;
  }
  writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (result.title) console.log(result.title);
  console.log(table(result.rows ?? []));
  console.log(`(bench/results/${name}.json)`);
}
process.exit(failed > 0 ? 1 : 0);
