// Property tests: random records never make evaluate or prune throw, and the precompiled module decides exactly as
// the runtime compilation; random malformed templates give typed problems, never a throw. Runs are bounded so the
// whole file stays within a few seconds (seeded by fast-check; a failure prints its seed and shrunk counterexample).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluate, loadPrecompiled, precompile, prune } from '../src/index.js';
import type { CompiledTemplate, PrecompiledModule, TemplateProblemCode } from '../src/types.js';
import { breakingMutations } from './fuzz-mutations.js';
import { editedRecords, recordsFor } from './fuzz-records.js';
import { fuzzTemplates } from './fuzz-templates.js';

const PROBLEM_CODES: readonly TemplateProblemCode[] = [
  'not-json',
  'not-a-template',
  'invalid-schema',
  'unknown-keyword',
  'unknown-field',
  'unknown-parameter',
  'unknown-stage',
  'duplicate-id',
  'unsafe-pattern',
  'invalid-pattern',
  'too-deep',
  'too-large',
  'forbidden-key',
  'invalid-parameter',
  'invalid-condition',
];

const templates = fuzzTemplates();
const NOW = '2026-06-01T12:00:00Z';
// The record runs are shared out between the templates, so the file stays bounded as forms/ grows.
const RECORD_RUNS = Math.max(30, Math.floor(600 / templates.length));

/** Whether an RFC 6901 pointer names a value in `doc`. */
function resolves(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

interface Prepared {
  runtime: CompiledTemplate;
  precompiled: CompiledTemplate;
  stages: string[];
  schema: { [key: string]: unknown };
}

describe.each(templates)('random records against $name', ({ template, knownRecords }) => {
  let prepared: Prepared;

  beforeAll(async () => {
    const runtime = compile(template);
    const pre = precompile(template);
    if (!runtime.ok || !pre.ok) {
      throw new Error(
        `the template does not compile: ${JSON.stringify(runtime.ok ? pre : runtime).slice(0, 500)}`,
      );
    }
    const url = `data:text/javascript;base64,${Buffer.from(pre.code).toString('base64')}`;
    const precompiled = loadPrecompiled(template as never, (await import(url)) as PrecompiledModule);
    prepared = {
      runtime: runtime.compiled,
      precompiled,
      stages: runtime.compiled.stages.map((s) => s.id),
      schema: template.schema,
    };
  }, 30_000);

  it('evaluate and prune never throw, and precompiled ≡ compiled', () => {
    const options = fc.record(
      {
        to: fc.option(fc.constantFrom(...prepared.stages, 'no-such-stage'), { nil: undefined }),
        now: fc.option(fc.constant(NOW), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(recordsFor(prepared.schema), editedRecords(knownRecords)),
        options,
        (record, opts) => {
          const clean = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
          const a = evaluate(prepared.runtime, record as never, clean);
          const b = evaluate(prepared.precompiled, record as never, clean);
          expect(b).toEqual(a);
          expect(typeof a.valid).toBe('boolean');
          if (!a.valid) expect(a.canProceed).toBe(false);
          if (clean.to === 'no-such-stage') expect(a.canProceed).toBe(false);
          expect(prune(prepared.precompiled, record as never)).toEqual(
            prune(prepared.runtime, record as never),
          );
        },
      ),
      { numRuns: RECORD_RUNS },
    );
  });
});

describe('random malformed templates', () => {
  const bases = templates.map((t) => t.template);

  it('give { ok: false, problems } with typed codes, pointers and messages, never a throw', () => {
    fc.assert(
      fc.property(fc.nat(), breakingMutations, (index, mutations) => {
        const template = structuredClone(bases[index % bases.length]!);
        for (const m of mutations) m.apply(template);
        const result = compile(template);
        expect(result.ok, mutations.map((m) => m.name).join(', ')).toBe(false);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(PROBLEM_CODES).toContain(problem.code);
          expect(problem.pointer === '' || problem.pointer.startsWith('/')).toBe(true);
          // The pointer leads into the template: at least its parent exists (the key itself may be the missing one).
          expect(resolves(template, problem.pointer.split('/').slice(0, -1).join('/')), problem.pointer).toBe(
            true,
          );
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('arbitrary JSON as a template gives problems, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = compile(value);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const p of result.problems) expect(PROBLEM_CODES).toContain(p.code);
      }),
      { numRuns: 300 },
    );
  });

  it('objects with template keys but random values give problems, never a throw', () => {
    const nearTemplate = fc.record(
      {
        id: fc.oneof(fc.constant('fuzz'), fc.jsonValue({ maxDepth: 1 })),
        version: fc.oneof(fc.constant('1.0.0'), fc.jsonValue({ maxDepth: 1 })),
        title: fc.oneof(fc.constant('Fuzz'), fc.jsonValue({ maxDepth: 1 })),
        schema: fc.oneof(fc.constant({ type: 'object' }), fc.jsonValue({ maxDepth: 3 })),
        gates: fc.jsonValue({ maxDepth: 3 }),
        stages: fc.jsonValue({ maxDepth: 3 }),
        parameters: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: ['id', 'version', 'title', 'schema'] },
    );
    fc.assert(
      fc.property(nearTemplate, (value) => {
        const result = compile(value);
        if (!result.ok) for (const p of result.problems) expect(PROBLEM_CODES).toContain(p.code);
      }),
      { numRuns: 300 },
    );
  });
});
