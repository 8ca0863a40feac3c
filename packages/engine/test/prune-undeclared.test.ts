// prune's convention for keys the schema does not declare: returned in `removed` where the schema lists its
// properties and does not allow others explicitly; kept wherever prune cannot prove a key undeclared.
import { describe, expect, it } from 'vitest';
import { compile, prune } from '../src/index.js';
import type { Json, Template } from '../src/types.js';
import { compiled, formWith } from './helpers.js';

const record: Json = { name: 'Ada', extra: 'from a newer version' };
const removedPaths = (template: Template, data: Json = record) =>
  prune(compiled(template), data).removed.map((r) => r.path);

describe('prune and undeclared keys', () => {
  it('removes a key no schema at that level declares, also with additionalProperties: false', () => {
    expect(removedPaths(formWith({ name: { type: 'string' } }))).toEqual(['/extra']);
    const closed = formWith({ name: { type: 'string' } });
    closed.schema.additionalProperties = false;
    expect(removedPaths(closed)).toEqual(['/extra']);
  });

  it('keeps undeclared keys where the schema allows more, or declares keys prune cannot list', () => {
    const variants: { [key: string]: Json }[] = [
      { additionalProperties: true },
      { additionalProperties: { type: 'string' } },
      { unevaluatedProperties: true },
      { patternProperties: { '^ex': { type: 'string' } } },
      { dependentSchemas: { name: { properties: { extra: { type: 'string' } } } } },
    ];
    for (const extra of variants) {
      const template = formWith({ name: { type: 'string' } });
      Object.assign(template.schema, extra);
      expect(removedPaths(template), JSON.stringify(extra)).toEqual([]);
    }
  });

  it('keeps keys of an object schema without properties, and keys only a condition mentions', () => {
    expect(removedPaths(formWith({ details: { type: 'object' } }), { details: { anything: 1 } })).toEqual([]);
    const conditional = formWith({ name: { type: 'string' } });
    conditional.schema.allOf = [
      { if: { required: ['extra'], properties: { extra: { const: 'x' } } }, then: { required: ['name'] } },
    ];
    expect(removedPaths(conditional)).toEqual([]);
  });

  it('counts keys declared in open anyOf/oneOf branches and in $defs reached by $ref as declared', () => {
    const template = formWith({});
    template.schema.$defs = { person: { properties: { name: { type: 'string' } } } };
    template.schema.anyOf = [{ $ref: '#/$defs/person' }, { properties: { extra: { type: 'string' } } }];
    expect(removedPaths(template)).toEqual([]);
  });

  it('keeps undeclared keys next to a $ref prune cannot follow (a schema supplied by the caller)', () => {
    const template = formWith({ name: { type: 'string' } });
    template.schema.allOf = [{ $ref: 'urn:example:more' }];
    const result = compile(template, { schemas: { 'urn:example:more': { properties: { extra: {} } } } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(prune(result.compiled, record).removed).toEqual([]);
  });
});
