// Modules made by an earlier engine (stored in servers' databases) still load with this runtime and decide exactly
// as the template compiled by this engine: same evaluate and prune results on the template's test records and on
// random ones.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, loadPrecompiled, loadPrecompiledModule, prune } from '../src/index.js';
import type { Json, PrecompiledModule, Template } from '../src/types.js';
import { editedRecords, recordsFor } from './fuzz-records.js';
import { fuzzTemplates } from './fuzz-templates.js';

const here = dirname(fileURLToPath(import.meta.url));
const forms = resolve(here, '../../../forms');

async function importText(code: string): Promise<PrecompiledModule> {
  const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as PrecompiledModule;
}

describe('a module made by the engine of main (db0f750)', () => {
  const template = JSON.parse(readFileSync(join(forms, 'incident-report/1.1.0.json'), 'utf8')) as Template;
  const code = readFileSync(join(here, 'fixtures/main-modules/incident-report-1.1.0.js.txt'), 'utf8');

  it('is an old module: no template digest, the validators as that engine wrote them', () => {
    expect(code).toContain('"templateHash":"');
    expect(code).not.toContain('templateDigest');
    expect(code).toContain('.evaluated');
  });

  it('loads (both loaders) and decides exactly as the template compiled now', async () => {
    const module = await importText(code);
    const now = compile(template);
    if (!now.ok) throw new Error('the template does not compile');
    const loaded = [loadPrecompiled(template, module), await loadPrecompiledModule(template, module)];
    const known = fuzzTemplates().find((t) => t.name === 'incident-report/1.1.0.json')?.knownRecords ?? [{}];
    const records = [
      ...known,
      ...fc.sample(fc.oneof(recordsFor(template.schema as never), editedRecords(known)), {
        numRuns: 60,
        seed: 5,
      }),
    ];
    const stages = [undefined, ...now.compiled.stages.map((s) => s.id)];
    for (const data of records)
      for (const compiled of loaded) {
        for (const to of stages)
          for (const when of [undefined, '2026-06-01T12:00:00Z'])
            expect(evaluate(compiled, data, { to, now: when })).toEqual(
              evaluate(now.compiled, data, { to, now: when }),
            );
        expect(prune(compiled, data as Json)).toEqual(prune(now.compiled, data as Json));
      }
  });

  it('is still refused for a different template', async () => {
    const module = await importText(code);
    expect(() => loadPrecompiled({ ...template, title: 'Changed' }, module)).toThrow(/Precompile it again/);
  });
});
