// Runs every template's logic test cases: `node forms/test.mjs`.
// Uses the real engine CLI when packages/engine/dist is built; until then, the interim stand-in in _tools.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const formsDir = dirname(fileURLToPath(import.meta.url));
const cli = join(formsDir, '..', 'packages', 'engine', 'dist', 'cli.js');

// The CLI file can exist before the engine core has landed (a partial build): check the core too.
const engineBuilt = ['evaluate/evaluate.js', 'precompile/precompile.js'].every((f) =>
  existsSync(join(formsDir, '..', 'packages', 'engine', 'dist', f)),
);
if (existsSync(cli) && engineBuilt && !process.argv.includes('--interim')) {
  const run = spawnSync(process.execPath, [cli, 'test', formsDir], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const { compile, evaluate, prune } = await import('./_tools/interim-engine.mjs');
const VERSION = /^\d+\.\d+\.\d+\.json$/;
let failed = 0;
let passed = 0;

function diff(what, want, got) {
  const w = new Set(want);
  const g = new Set(got);
  const missing = [...w].filter((x) => !g.has(x));
  const extra = [...g].filter((x) => !w.has(x));
  return missing.length || extra.length ? [`${what}: missing [${missing}] extra [${extra}]`] : [];
}

for (const id of readdirSync(formsDir).sort()) {
  const dir = join(formsDir, id);
  if (!existsSync(join(dir, 'tests'))) continue;
  const cases = readdirSync(join(dir, 'tests'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) =>
      [JSON.parse(readFileSync(join(dir, 'tests', f), 'utf8'))].flat().map((c) => ({ ...c, file: f })),
    );
  for (const file of readdirSync(dir).filter((f) => VERSION.test(f))) {
    const template = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const c = compile(template);
    const gateIds = new Set(template.gates.map((g) => g.id));
    for (const tc of cases) {
      if (tc.versions && !tc.versions.includes(template.version)) continue;
      const r = evaluate(c, tc.data, { to: tc.to, now: tc.now });
      const e = tc.expect;
      const ids = (status, severity) =>
        r.gates.filter((g) => g.status === status && (!severity || g.severity === severity)).map((g) => g.id);
      const failures = [];
      for (const key of ['blocked', 'warned', 'met', 'notApplicable'])
        for (const gid of e[key] ?? []) if (!gateIds.has(gid)) failures.push(`unknown gate ${gid}`);
      if (e.valid !== undefined && e.valid !== r.valid)
        failures.push(
          `valid ${r.valid}: ${r.errors.map((x) => `${x.path} ${x.rule} ${x.message}`).join('; ')}`,
        );
      if (e.canProceed !== undefined && e.canProceed !== r.canProceed)
        failures.push(`canProceed ${r.canProceed}`);
      if (e.blocked) failures.push(...diff('blocked', e.blocked, ids('blocked', 'block')));
      if (e.warned) failures.push(...diff('warned', e.warned, ids('blocked', 'warn')));
      if (e.met) failures.push(...diff('met', e.met, ids('met')));
      if (e.notApplicable) failures.push(...diff('notApplicable', e.notApplicable, ids('not-applicable')));
      if (e.errors) failures.push(...diff('errors', e.errors, [...new Set(r.errors.map((x) => x.path))]));
      if (e.pruned)
        failures.push(
          ...diff(
            'pruned',
            e.pruned,
            prune(c, tc.data).removed.map((x) => x.path),
          ),
        );
      if (failures.length) {
        failed++;
        console.log(`FAIL ${id} ${template.version} ${tc.file} "${tc.name}"\n  ${failures.join('\n  ')}`);
      } else passed++;
    }
  }
}
console.log(`${passed} passed, ${failed} failed (interim engine)`);
process.exitCode = failed ? 1 : 0;
