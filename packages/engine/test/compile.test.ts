import { describe, expect, it } from 'vitest';
import { compile, templateMetaSchema } from '../src/index.js';
import type { Template } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { formWith } from './helpers.js';

function problems(template: unknown) {
  const result = compile(template);
  return result.ok ? [] : result.problems.map((p) => ({ code: p.code, pointer: p.pointer }));
}

function withStages(t: Template): Template {
  return { ...t, stages: [{ id: 'open', title: 'Open' }] };
}

describe('compile', () => {
  it('compiles the incident fixture, keeps the authored template and exposes the resolved schema', () => {
    const authored = incidentTemplate();
    const before = JSON.stringify(authored);
    const result = compile(authored);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(authored)).toBe(before);
    expect(result.compiled.template).toBe(authored);
    const threshold = result.compiled.schema.$defs as { conditions: { selfNeglectThreshold: unknown } };
    expect(JSON.stringify(threshold.conditions.selfNeglectThreshold)).toContain('"minItems":2');
    expect(result.compiled.stages[2]!.due!.hours).toBe(72);
    expect(result.compiled.uiSchema['ui:order']).toContain('*');
  });

  it('accepts JSON text and exports its meta-schema', () => {
    expect(compile(JSON.stringify(incidentTemplate())).ok).toBe(true);
    expect(templateMetaSchema.required).toContain('schema');
  });

  it.each<[string, unknown, { code: string; pointer: string }]>([
    ['not-json', '{"id":', { code: 'not-json', pointer: '' }],
    ['not-a-template (not an object)', [1, 2], { code: 'not-a-template', pointer: '' }],
    [
      'not-a-template (meta-schema)',
      { ...formWith({}), version: 'one' },
      { code: 'not-a-template', pointer: '/version' },
    ],
    [
      'invalid-schema',
      formWith({ a: { type: 'strng' } }),
      { code: 'invalid-schema', pointer: '/schema/properties/a/type' },
    ],
    [
      'unknown-keyword',
      formWith({ a: { type: 'string', 'x-withn': { after: '/a' } } }),
      { code: 'unknown-keyword', pointer: '/schema/properties/a/x-withn' },
    ],
    [
      'unknown-field (x-within)',
      formWith({ a: { type: 'string', 'x-within': { after: '/b', maxHours: 1 } } }),
      { code: 'unknown-field', pointer: '/schema/properties/a/x-within/after' },
    ],
    [
      'unknown-parameter',
      formWith({ a: { type: 'integer', minimum: { $param: 'floor' } } }),
      { code: 'unknown-parameter', pointer: '/schema/properties/a/minimum' },
    ],
    [
      'invalid-parameter (outside bounds)',
      formWith(
        { a: { type: 'integer' } },
        { parameters: { k: { type: 'integer', value: 9, stricter: 'lower', max: 5, title: 'K' } } },
      ),
      { code: 'invalid-parameter', pointer: '/parameters/k/value' },
    ],
    [
      'invalid-parameter (wrong type)',
      formWith(
        { a: { type: 'integer' } },
        { parameters: { k: { type: 'integer', value: 1.5, stricter: 'lower', title: 'K' } } },
      ),
      { code: 'invalid-parameter', pointer: '/parameters/k/value' },
    ],
    [
      'unknown-stage',
      formWith(
        { a: { type: 'string' } },
        {
          stages: [{ id: 'open', title: 'Open' }],
          gates: [{ id: 'g', stage: 'shut', message: 'm', severity: 'block' }],
        },
      ),
      { code: 'unknown-stage', pointer: '/gates/0/stage' },
    ],
    [
      'duplicate-id (stages)',
      formWith(
        {},
        {
          stages: [
            { id: 'open', title: 'Open' },
            { id: 'open', title: 'Again' },
          ],
        },
      ),
      { code: 'duplicate-id', pointer: '/stages/1/id' },
    ],
    [
      'duplicate-id (gates)',
      withStages(
        formWith(
          {},
          {
            gates: [
              { id: 'g', stage: 'open', message: 'm', severity: 'block' },
              { id: 'g', stage: 'open', message: 'm', severity: 'warn' },
            ],
          },
        ),
      ),
      { code: 'duplicate-id', pointer: '/gates/1/id' },
    ],
    [
      'unknown-field (gate requires)',
      withStages(
        formWith(
          { a: { type: 'string' } },
          { gates: [{ id: 'g', stage: 'open', message: 'm', severity: 'block', requires: ['/b'] }] },
        ),
      ),
      { code: 'unknown-field', pointer: '/gates/0/requires/0' },
    ],
    [
      'unknown-field (gate when, through a typo)',
      withStages(
        formWith(
          { harm: { enum: ['low', 'high'] } },
          {
            gates: [
              {
                id: 'g',
                stage: 'open',
                message: 'm',
                severity: 'block',
                when: { properties: { harn: { const: 'high' } }, required: ['harn'] },
              },
            ],
          },
        ),
      ),
      { code: 'unknown-field', pointer: '/gates/0/when/properties/harn' },
    ],
    [
      'unknown-field (message)',
      formWith({ a: { type: 'string' } }, { messages: { '/b': { required: 'Say b' } } }),
      { code: 'unknown-field', pointer: '/messages/~1b' },
    ],
    [
      'unknown-field (deadline)',
      formWith(
        { a: { type: 'string' } },
        { stages: [{ id: 'open', title: 'Open', due: { from: '/b', hours: 1 } }] },
      ),
      { code: 'unknown-field', pointer: '/stages/0/due/from' },
    ],
    [
      'unknown-field (extension point)',
      formWith(
        { a: { type: 'string' } },
        { extensionPoints: { e: { pointer: '/schema/properties/b', title: 'E' } } },
      ),
      { code: 'unknown-field', pointer: '/extensionPoints/e/pointer' },
    ],
    [
      'unsafe-pattern (a+)+$',
      formWith({ a: { type: 'string', pattern: '(a+)+$' } }),
      { code: 'unsafe-pattern', pointer: '/schema/properties/a/pattern' },
    ],
    [
      'unsafe-pattern (a|a)*',
      formWith({ a: { type: 'string', pattern: '(a|a)*' } }),
      { code: 'unsafe-pattern', pointer: '/schema/properties/a/pattern' },
    ],
    [
      'unsafe-pattern (.*)*',
      formWith({ a: { type: 'string', pattern: '(.*)*' } }),
      { code: 'unsafe-pattern', pointer: '/schema/properties/a/pattern' },
    ],
    [
      'invalid-pattern (syntax)',
      formWith({ a: { type: 'string', pattern: '([' } }),
      { code: 'invalid-pattern', pointer: '/schema/properties/a/pattern' },
    ],
    [
      'invalid-pattern (look-behind)',
      formWith({ a: { type: 'string', pattern: '(?<=a)b' } }),
      { code: 'invalid-pattern', pointer: '/schema/properties/a/pattern' },
    ],
    [
      'invalid-condition (if without required)',
      {
        ...formWith({ a: { type: 'string' }, b: { type: 'string' } }),
        schema: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' } },
          allOf: [{ if: { properties: { a: { const: 'x' } } }, then: { required: ['b'] } }],
        },
      },
      { code: 'invalid-condition', pointer: '/schema/allOf/0/if' },
    ],
    [
      'invalid-schema (remote $ref)',
      formWith({ a: { $ref: 'https://example.org/part.json' } }),
      { code: 'invalid-schema', pointer: '/schema/properties/a/$ref' },
    ],
    [
      'invalid-schema (unknown format)',
      formWith({ a: { type: 'string', format: 'postcode' } }),
      { code: 'invalid-schema', pointer: '/schema/properties/a/format' },
    ],
  ])('%s', (_label, template, expected) => {
    expect(problems(template)).toContainEqual(expected);
  });

  it('too-deep: 10,000 levels give a problem, not a stack overflow', () => {
    const t = formWith({});
    let node = t.schema as { [key: string]: unknown };
    for (let i = 0; i < 10_000; i++) {
      const child: { [key: string]: unknown } = { type: 'object' };
      node.properties = { x: child };
      node = child;
    }
    const found = problems(t);
    expect(found).toHaveLength(1);
    expect(found[0]!.code).toBe('too-deep');
  });

  it('too-large: more values than the limit', () => {
    expect(
      problems(formWith({ a: { enum: Array.from({ length: 25_000 }, (_, i) => i) } })).map((p) => p.code),
    ).toEqual(['too-large']);
  });

  it('forbidden-key: __proto__, constructor and prototype anywhere', () => {
    const text =
      '{"id":"t","version":"1.0.0","title":"T","schema":{"type":"object","properties":{"__proto__":{"type":"string"}}}}';
    expect(problems(text)).toEqual([{ code: 'forbidden-key', pointer: '/schema/properties/__proto__' }]);
    expect(problems(formWith({ constructor: { type: 'string' } }))).toEqual([
      { code: 'forbidden-key', pointer: '/schema/properties/constructor' },
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('allows a remote $ref that the caller supplies', () => {
    const t = formWith({ a: { $ref: 'https://example.org/part.json' } });
    expect(compile(t, { schemas: { 'https://example.org/part.json': { type: 'string' } } }).ok).toBe(true);
  });

  it('matches patterns in linear time (a hostile subject against a safe pattern finishes)', () => {
    const result = compile(formWith({ a: { type: 'string', pattern: '^(a|b)*c$' } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.compiled.validators.form.call({}, { a: `${'a'.repeat(50_000)}!` })).toBe(false);
  });

  it('isValid answers rjsf by identity, by canonical JSON, and fails closed on unknown subschemas', () => {
    const result = compile(incidentTemplate());
    if (!result.ok) throw new Error('fixture');
    const c = result.compiled;
    const ifSchema = ((c.schema.allOf as unknown[])[0] as { if: object }).if;
    expect(c.isValid(ifSchema, { harm: 'high' })).toBe(true);
    expect(c.isValid(ifSchema, { harm: 'low' })).toBe(false);
    expect(c.isValid(JSON.parse(JSON.stringify(ifSchema)), { harm: 'critical' })).toBe(true);
    expect(c.isValid({ required: ['somethingElse'] }, {})).toBe(false);
    expect(c.isValid(null, {})).toBe(false);
  });
});
