// Engine benchmark: Formwork's evaluate against raw Ajv2020 on the same 298-field schema and the same records, and
// the cold path (precompiled module → first result) against raw ajv compile → first validate. Every measurement is
// interleaved with its baseline, round by round, in this one process, so that machine load affects both alike.
// Prints one JSON document on stdout (see bench/run.mjs); progress on stderr. No assertions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compile, evaluate, loadPrecompiled, precompile } from '@formwork/engine';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { largeTemplate, load, withOffsets } from './lib/large-template.mjs';

const addFormats = ajvFormats.default ?? ajvFormats;
// Rounds are few but interleaved; the medians were stable to about ±10 % between runs on the 2-core machine.
const ROUNDS = 7;
const BATCH_MS = 150;
const COLD_ROUNDS = 15;
// Fresh-process rounds (the goal row): each round starts one Node process per side, in alternating order.
const PROCESS_ROUNDS = 11;
const coldProcessScript = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'cold-process.mjs');
const log = (text) => process.stderr.write(`${text}\n`);

const template = largeTemplate();
const { schema } = template;
const valid = withOffsets(load('large.valid.json'));
const invalid = withOffsets(load('large.invalid.json'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
let sink = 0; // read at the end so that no call can be optimised away

/** Per-call time in µs of fn over a batch of about BATCH_MS. */
function perCall(fn) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(BATCH_MS * 1e6);
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i++) sink += fn() ? 1 : 0;
    n += 20;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / 1e3 / n;
}

function newAjv() {
  // The engine's own settings for error reporting: every error, not the first (staff see all their fields at once).
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const scratch = mkdtempSync(join(tmpdir(), 'formwork-bench-'));
let moduleSerial = 0;
/** Imports precompiled module text as a fresh module file (a new name each time, so nothing is cached), the way
 * the server loads it from disk. */
async function importModule(code) {
  moduleSerial++;
  const path = join(scratch, `module-${moduleSerial}.mjs`);
  writeFileSync(path, code);
  return import(pathToFileURL(path).href);
}

async function main() {
  const compiled = compile(template);
  if (!compiled.ok)
    throw new Error(`template does not compile: ${JSON.stringify(compiled.problems.slice(0, 3))}`);
  const pre = precompile(template);
  if (!pre.ok) throw new Error(`template does not precompile: ${JSON.stringify(pre.problems.slice(0, 3))}`);
  const precompiled = loadPrecompiled(template, await importModule(pre.code));
  const ajvValidate = newAjv().compile(schema);

  const checks = {
    evaluateValid: evaluate(precompiled, valid, { to: 'closed' }),
    evaluateInvalid: evaluate(precompiled, invalid, { to: 'closed' }),
    ajvValid: ajvValidate(valid),
    ajvInvalid: ajvValidate(invalid),
  };
  log(
    `valid record: engine valid=${checks.evaluateValid.valid} canProceed=${checks.evaluateValid.canProceed}, ajv ${checks.ajvValid}; ` +
      `invalid record: engine valid=${checks.evaluateInvalid.valid} (${checks.evaluateInvalid.errors.length} errors), ajv ${checks.ajvInvalid}`,
  );

  const cases = {
    'evaluate valid (precompiled)': () => evaluate(precompiled, valid, { to: 'closed' }).canProceed,
    'evaluate valid (runtime compiled)': () =>
      evaluate(compiled.compiled, valid, { to: 'closed' }).canProceed,
    'ajv validate valid': () => ajvValidate(valid),
    'evaluate invalid (precompiled)': () => evaluate(precompiled, invalid, { to: 'closed' }).canProceed,
    'evaluate invalid (runtime compiled)': () =>
      evaluate(compiled.compiled, invalid, { to: 'closed' }).canProceed,
    'ajv validate invalid': () => ajvValidate(invalid),
  };
  log('warming up');
  for (const fn of Object.values(cases)) for (let i = 0; i < 3; i++) perCall(fn);
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    log(`per-call round ${round + 1}/${ROUNDS}`);
    for (const [name, fn] of Object.entries(cases)) samples[name].push(perCall(fn));
  }
  const warm = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));

  // Cold path. Engine: import the precompiled module (a fresh copy), loadPrecompiled, first evaluate.
  // Baseline: new Ajv2020 + formats, compile the schema, first validate. Alternated round by round.
  const cold = { engine: [], ajv: [], engineImport: [], engineLoad: [], engineFirstEvaluate: [] };
  for (let round = 0; round < COLD_ROUNDS + 2; round++) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    const module = await importModule(pre.code);
    const t1 = process.hrtime.bigint();
    const loaded = loadPrecompiled(template, module);
    const t2 = process.hrtime.bigint();
    sink += evaluate(loaded, valid, { to: 'closed' }).canProceed ? 1 : 0;
    const t3 = process.hrtime.bigint();
    globalThis.gc?.();
    const a0 = process.hrtime.bigint();
    sink += newAjv().compile(schema)(valid) ? 1 : 0;
    const ajvMs = Number(process.hrtime.bigint() - a0) / 1e6;
    const engineMs = Number(t3 - t0) / 1e6;
    if (round >= 2) {
      cold.engine.push(engineMs);
      cold.engineImport.push(Number(t1 - t0) / 1e6);
      cold.engineLoad.push(Number(t2 - t1) / 1e6);
      cold.engineFirstEvaluate.push(Number(t3 - t2) / 1e6);
      cold.ajv.push(ajvMs);
    }
    log(
      `cold round ${round + 1}/${COLD_ROUNDS + 2}: engine ${engineMs.toFixed(2)} ms, ajv ${ajvMs.toFixed(1)} ms`,
    );
  }

  // Cold path in fresh processes: what a server process or a browser tab does the first time it meets a template
  // version, with its own libraries loaded but nothing JIT-warm (ajv's compiler included). See bench/README.md.
  const inputsFile = join(scratch, 'cold-inputs.json');
  writeFileSync(inputsFile, JSON.stringify({ template, schema, record: valid }));
  const moduleFile = join(scratch, 'cold-module.mjs');
  writeFileSync(moduleFile, pre.code);
  const runChild = (side) => {
    const run = spawnSync(process.execPath, [coldProcessScript, side, inputsFile, moduleFile], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`cold ${side} process exited with ${run.status ?? run.signal}`);
    return JSON.parse(run.stdout);
  };
  const processCold = { engine: [], ajv: [], engineImport: [], engineLoad: [], engineFirstEvaluate: [] };
  for (let round = 0; round < PROCESS_ROUNDS; round++) {
    const sides = round % 2 === 0 ? ['engine', 'ajv'] : ['ajv', 'engine'];
    const got = Object.fromEntries(sides.map((side) => [side, runChild(side)]));
    if (!got.engine.valid || !got.ajv.valid) throw new Error('cold process: the valid record was not valid');
    processCold.engine.push(got.engine.total);
    processCold.engineImport.push(got.engine.import);
    processCold.engineLoad.push(got.engine.load);
    processCold.engineFirstEvaluate.push(got.engine.firstEvaluate);
    processCold.ajv.push(got.ajv.total);
    log(
      `cold process round ${round + 1}/${PROCESS_ROUNDS}: engine ${got.engine.total.toFixed(2)} ms, ajv ${got.ajv.total.toFixed(1)} ms`,
    );
  }
  rmSync(scratch, { recursive: true, force: true });
  const coldEngine = median(cold.engine);
  const coldAjv = median(cold.ajv);
  const processEngine = median(processCold.engine);
  const processAjv = median(processCold.ajv);

  const row = (metric, value, unit, base, goal, note) => {
    const r = { metric, value, unit };
    if (base !== undefined) {
      r.baseline = base;
      r.ratio = value / base;
    }
    if (goal) r.goal = goal;
    if (note) r.note = note;
    return r;
  };
  const rows = [
    row(
      'evaluate, valid record',
      warm['evaluate valid (precompiled)'],
      'µs/call',
      warm['ajv validate valid'],
      '≤ 1.5×',
      'precompiled; baseline: raw Ajv2020 validate',
    ),
    row(
      'evaluate, invalid record',
      warm['evaluate invalid (precompiled)'],
      'µs/call',
      warm['ajv validate invalid'],
      '≤ 1.5×',
      'precompiled; baseline: raw Ajv2020 validate',
    ),
    row(
      'evaluate, valid (runtime compiled)',
      warm['evaluate valid (runtime compiled)'],
      'µs/call',
      warm['ajv validate valid'],
    ),
    row(
      'evaluate, invalid (runtime compiled)',
      warm['evaluate invalid (runtime compiled)'],
      'µs/call',
      warm['ajv validate invalid'],
    ),
    row(
      'cold (fresh process): module → first evaluate',
      processEngine,
      'ms',
      processAjv,
      '≤ 0.05× (20× faster)',
      `baseline: new Ajv2020 + compile + first validate, each in a fresh process; speed-up ${(processAjv / processEngine).toFixed(1)}×`,
    ),
    row('  of which: import the module', median(processCold.engineImport), 'ms'),
    row('  of which: loadPrecompiled', median(processCold.engineLoad), 'ms'),
    row('  of which: first evaluate', median(processCold.engineFirstEvaluate), 'ms'),
    row(
      'cold (warm process): module → first evaluate',
      coldEngine,
      'ms',
      coldAjv,
      undefined,
      `informative: engine and ajv compiler JIT-warm in this process; speed-up ${(coldAjv / coldEngine).toFixed(1)}×`,
    ),
    row('  of which: import the module', median(cold.engineImport), 'ms'),
    row('  of which: loadPrecompiled', median(cold.engineLoad), 'ms'),
    row('  of which: first evaluate', median(cold.engineFirstEvaluate), 'ms'),
    row('precompiled module size', Buffer.byteLength(pre.code) / 1024, 'KiB'),
    row('precompiled module size, gzipped', gzipSync(pre.code, { level: 9 }).length / 1024, 'KiB'),
  ];
  return {
    title: `Engine: large form (298 fields, 40 conditionals, ${template.gates.length} gates), medians of ${ROUNDS} interleaved rounds (per call) and ${COLD_ROUNDS} (cold)`,
    rows,
    details: {
      node: process.version,
      rounds: ROUNDS,
      batchMs: BATCH_MS,
      coldRounds: COLD_ROUNDS,
      processRounds: PROCESS_ROUNDS,
      ajvOptions: { allErrors: true, strict: false },
      evaluateOptions: { to: 'closed' },
      results: {
        valid: {
          valid: checks.evaluateValid.valid,
          canProceed: checks.evaluateValid.canProceed,
          ajv: checks.ajvValid,
        },
        invalid: {
          valid: checks.evaluateInvalid.valid,
          errors: checks.evaluateInvalid.errors.length,
          ajv: checks.ajvInvalid,
        },
      },
      perCallUsSamples: samples,
      coldMsSamples: cold,
      coldProcessMsSamples: processCold,
      sink,
    },
  };
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
