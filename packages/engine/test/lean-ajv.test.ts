// The lean validators (compiled without ajv's unevaluated/dynamic-scope bookkeeping, ajv-instance.ts) decide and
// report exactly like validators compiled with it: same result and the same raw errors, in the same order, for the
// form, every gate and every `if`, on every library template and the large form, with random records. And a
// template that does need the bookkeeping gets it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWithInternals } from '../src/compile/compile.js';
import { precompile } from '../src/index.js';
import type { TemplateValidators, Validator } from '../src/types.js';
import { editedRecords, recordsFor } from './fuzz-records.js';
import { fuzzTemplates } from './fuzz-templates.js';
import { formWith } from './helpers.js';

function validatorsOf(template: unknown, tracking: 'auto' | 'always'): TemplateValidators {
  const result = compileWithInternals(template, {}, { tracking, split: false });
  if (!result.ok) throw new Error(`does not compile: ${JSON.stringify(result.problems).slice(0, 300)}`);
  return result.compiled.validators;
}

function named(validators: TemplateValidators): [string, Validator][] {
  const out: [string, Validator][] = [['form', validators.form]];
  validators.gates.forEach((g, i) => {
    if (g.when) out.push([`gate${i}.when`, g.when]);
    if (g.check) out.push([`gate${i}.check`, g.check]);
  });
  for (const [pointer, v] of Object.entries(validators.ifs)) out.push([pointer, v]);
  if (validators.safeguarding) out.push(['safeguarding', validators.safeguarding]);
  return out;
}

function run(validate: Validator, data: unknown): { valid: boolean; errors: unknown } {
  const context = { now: '2026-06-01T12:00:00Z' };
  const valid = validate.call(context, data, { rootData: data }) === true;
  return { valid, errors: valid ? null : structuredClone(validate.errors) };
}

describe.each(fuzzTemplates())('lean validators of $name', ({ template, knownRecords }) => {
  it('decide and report exactly like validators with evaluation tracking', () => {
    const lean = named(validatorsOf(template, 'auto'));
    const tracked = named(validatorsOf(template, 'always'));
    expect(lean.map(([name]) => name)).toEqual(tracked.map(([name]) => name));
    const records = [
      ...knownRecords,
      ...fc.sample(fc.oneof(recordsFor(template.schema), editedRecords(knownRecords)), {
        numRuns: 40,
        seed: 7,
      }),
    ];
    for (const data of records)
      lean.forEach(([name, validate], i) => {
        expect(run(validate, data), name).toEqual(run(tracked[i]![1], data));
      });
  });
});

describe('evaluation tracking', () => {
  it('is left out of a template that uses none of the keywords that need it', () => {
    const result = precompile(formWith({ name: { type: 'string' } }));
    if (!result.ok) throw new Error('fixture');
    expect(result.code).not.toMatch(/\.evaluated\b|dynamicAnchors|\bprops\d+\b/);
  });

  it('is generated for a template with unevaluatedProperties, which then still works', () => {
    const template = formWith({ name: { type: 'string' } });
    template.schema = {
      ...template.schema,
      allOf: [{ properties: { extra: { type: 'string' } } }],
      unevaluatedProperties: false,
    };
    const result = precompile(template);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.code).toMatch(/\.evaluated\b/);
    const validate = result.compiled.validators.form;
    expect(run(validate, { name: 'a', extra: 'b' }).valid).toBe(true);
    expect(run(validate, { name: 'a', other: 'b' }).valid).toBe(false);
  });
});
