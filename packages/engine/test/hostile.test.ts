// Hostile templates and records: catastrophic patterns, extreme nesting, multi-megabyte documents and prototype
// keys. Every case must end in data (problems or field errors), never a throw, a stack overflow or a hang, and must
// leave Object.prototype untouched. No timing assertions: completion is the property (vitest's timeout is the net).
import { afterEach, describe, expect, it } from 'vitest';
import { compile, evaluate, loadPrecompiled, precompile, prune } from '../src/index.js';
import type { CompiledTemplate, PrecompiledModule, TemplateProblem } from '../src/types.js';

const base = (schema: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'hostile',
  version: '1.0.0',
  title: 'Hostile input',
  schema: { type: 'object', ...schema },
  ...extra,
});

function compiledOf(template: unknown): CompiledTemplate {
  const result = compile(template);
  if (!result.ok) throw new Error(`expected the template to compile: ${JSON.stringify(result.problems)}`);
  return result.compiled;
}

async function precompiledOf(template: unknown): Promise<CompiledTemplate> {
  const result = precompile(template);
  if (!result.ok) throw new Error(`expected the template to precompile: ${JSON.stringify(result.problems)}`);
  const url = `data:text/javascript;base64,${Buffer.from(result.code).toString('base64')}`;
  return loadPrecompiled(template as never, (await import(url)) as PrecompiledModule);
}

function problemsOf(template: unknown): TemplateProblem[] {
  const result = compile(template);
  expect(result.ok, 'the template should be rejected').toBe(false);
  return result.ok ? [] : result.problems;
}

/** `{"a":{"a":…}}` `depth` levels deep, built as text so that building it needs no recursion. */
const nestedText = (depth: number, key: string, leaf: string) =>
  `${`{"${key}":`.repeat(depth)}${leaf}${'}'.repeat(depth)}`;

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('catastrophic patterns', () => {
  it('rejects (a+)+$ in pattern with unsafe-pattern at its pointer', () => {
    const problems = problemsOf(base({ properties: { name: { type: 'string', pattern: '^(a+)+$' } } }));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'unsafe-pattern', pointer: '/schema/properties/name/pattern' }),
    );
  });

  it('rejects a backtracking patternProperties key', () => {
    const problems = problemsOf(base({ patternProperties: { '^(a|a)*$': { type: 'string' } } }));
    expect(problems.map((p) => p.code)).toContain('unsafe-pattern');
  });

  it('rejects a pattern JavaScript cannot parse with invalid-pattern', () => {
    const problems = problemsOf(base({ properties: { name: { type: 'string', pattern: '(unclosed' } } }));
    expect(problems.map((p) => p.code)).toContain('invalid-pattern');
  });

  // ^(\w|\d)+$ passes the static check (its alternatives differ) but backtracks exponentially on "111…1!" in a
  // backtracking engine: a 40-digit input already takes hours in V8's RegExp. The linear engine must finish.
  const overlapping = base({
    properties: { code: { type: 'string', maxLength: 10_000, pattern: '^(\\w|\\d)+$' } },
  });
  const attack = { code: `${'1'.repeat(9_998)}!` };

  it('validates a would-be ReDoS record to completion with the runtime-compiled template', () => {
    const result = evaluate(compiledOf(overlapping), attack);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.path, e.rule])).toContainEqual(['/code', 'pattern']);
    expect(evaluate(compiledOf(overlapping), { code: '1'.repeat(9_999) }).valid).toBe(true);
  });

  it('validates the same record to completion with the precompiled module', async () => {
    const result = evaluate(await precompiledOf(overlapping), attack);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.path)).toContain('/code');
  });
});

describe('extreme nesting', () => {
  it('rejects a template nested 10,000 levels deep with too-deep, without a stack overflow', () => {
    const schema = JSON.parse(
      `${'{"type":"object","properties":{"a":'.repeat(10_000)}{}${'}}'.repeat(10_000)}`,
    );
    const problems = problemsOf({ id: 'deep', version: '1.0.0', title: 'Deep', schema });
    expect(problems.map((p) => p.code)).toContain('too-deep');
  });

  it('rejects 10,000 nested arrays inside an enum and inside a gate with too-deep', () => {
    const deepArray = JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`);
    expect(problemsOf(base({ properties: { x: { enum: [deepArray] } } })).map((p) => p.code)).toContain(
      'too-deep',
    );
    const gate = { id: 'g', stage: 'done', severity: 'block', message: 'Deep.', when: { enum: [deepArray] } };
    const withGate = base({}, { stages: [{ id: 'done', title: 'Done' }], gates: [gate] });
    expect(problemsOf(withGate).map((p) => p.code)).toContain('too-deep');
  });

  const open = base({ properties: { note: { type: 'object' }, list: { type: 'array', uniqueItems: true } } });

  it('evaluates and prunes a record nested 10,000 levels deep without throwing', () => {
    const compiled = compiledOf(open);
    const record = JSON.parse(`{"note":${nestedText(10_000, 'a', '1')}}`);
    const result = evaluate(compiled, record);
    expect(typeof result.valid).toBe('boolean');
    expect(Array.isArray(result.errors)).toBe(true);
    expect(() => prune(compiled, record)).not.toThrow();
  });

  it('compares two 10,000-level items under uniqueItems without a stack overflow', () => {
    const deep = nestedText(10_000, 'a', '1');
    const record = JSON.parse(`{"list":[${deep},${deep}]}`);
    const result = evaluate(compiledOf(open), record);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('multi-megabyte documents', () => {
  it('rejects a 5 MB template with too-large', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) properties[`f${i}`] = { type: 'string', description: 'x'.repeat(100_000) };
    const problems = problemsOf(base({ properties }));
    expect(problems.map((p) => p.code)).toContain('too-large');
  });

  it('rejects a template with 100,000 properties with too-large', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) properties[`f${i}`] = { type: 'string' };
    expect(problemsOf(base({ properties })).map((p) => p.code)).toContain('too-large');
  });

  it('evaluates a 5 MB record (a long text and a 200,000-item list) to a result', () => {
    const compiled = compiledOf(
      base({
        properties: {
          story: { type: 'string', maxLength: 50_000 },
          items: { type: 'array', maxItems: 200, items: { type: 'string' } },
        },
      }),
    );
    const record = {
      story: 'x'.repeat(3_000_000),
      items: Array.from({ length: 200_000 }, (_, i) => `item ${i}`),
    };
    const result = evaluate(compiled, record);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.path, e.rule])).toEqual(
      expect.arrayContaining([
        ['/story', 'maxLength'],
        ['/items', 'maxItems'],
      ]),
    );
  });
});

describe('prototype keys', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`rejects "${key}" as a property name in a template with forbidden-key at its pointer`, () => {
      const template = JSON.parse(
        `{"id":"p","version":"1.0.0","title":"P","schema":{"type":"object","properties":{"${key}":{"type":"object","properties":{"polluted":{"default":"yes"}}}}}}`,
      );
      const problems = problemsOf(template);
      expect(problems).toContainEqual(
        expect.objectContaining({ code: 'forbidden-key', pointer: `/schema/properties/${key}` }),
      );
    });
  }

  it('rejects prototype keys in $defs, uiSchema and messages', () => {
    for (const text of [
      '{"id":"p","version":"1.0.0","title":"P","schema":{"type":"object","$defs":{"__proto__":{"polluted":1}}}}',
      '{"id":"p","version":"1.0.0","title":"P","schema":{"type":"object"},"uiSchema":{"constructor":{"prototype":{"polluted":1}}}}',
      '{"id":"p","version":"1.0.0","title":"P","schema":{"type":"object"},"messages":{"/a":{"__proto__":"x"}}}',
    ]) {
      expect(problemsOf(JSON.parse(text)).map((p) => p.code)).toContain('forbidden-key');
    }
  });

  it('treats __proto__ and constructor keys in a record as inert data', async () => {
    const template = base({
      properties: { name: { type: 'string' }, details: { type: 'object', additionalProperties: false } },
      additionalProperties: false,
    });
    const record = JSON.parse(
      '{"name":"A","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"details":{"__proto__":{"polluted":"yes"}}}',
    );
    for (const compiled of [compiledOf(template), await precompiledOf(template)]) {
      const result = evaluate(compiled, record);
      expect(result.valid).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
      const pruned = prune(compiled, record);
      expect(Object.getPrototypeOf(pruned.data)).not.toHaveProperty('polluted');
    }
  });
});
