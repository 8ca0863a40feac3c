// The form laid out with one function per top-level section (share-subschemas.ts) decides and reports exactly like
// the form as one function: same evaluate results and the same raw errors in the same order (only `schemaPath`
// names the `$defs` entry a section moved to), on every library template and the large form, with random records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWithInternals } from '../src/compile/compile.js';
import { evaluate, precompile } from '../src/index.js';
import type { CompiledTemplate, ValidatorError } from '../src/types.js';
import { editedRecords, recordsFor } from './fuzz-records.js';
import { fuzzTemplates } from './fuzz-templates.js';
import { formWith } from './helpers.js';

function compiledWith(template: unknown, split: boolean): CompiledTemplate {
  const result = compileWithInternals(template, {}, { split });
  if (!result.ok) throw new Error(`does not compile: ${JSON.stringify(result.problems).slice(0, 300)}`);
  return result.compiled;
}

function formErrors(compiled: CompiledTemplate, data: unknown): Omit<ValidatorError, 'schemaPath'>[] | null {
  const validate = compiled.validators.form;
  if (validate.call({ now: '2026-06-01T12:00:00Z' }, data, { rootData: data }) === true) return null;
  return (validate.errors ?? []).map(({ schemaPath: _, ...rest }) => structuredClone(rest));
}

describe.each(fuzzTemplates())('sections of $name', ({ template, knownRecords }) => {
  it('give the same errors and the same evaluate results as the form as one function', () => {
    const split = compiledWith(template, true);
    const whole = compiledWith(template, false);
    const records = [
      ...knownRecords,
      ...fc.sample(fc.oneof(recordsFor(template.schema), editedRecords(knownRecords)), {
        numRuns: 40,
        seed: 11,
      }),
    ];
    const stages = split.stages.map((s) => s.id);
    for (const data of records) {
      expect(formErrors(split, data)).toEqual(formErrors(whole, data));
      for (const to of [undefined, ...stages])
        expect(evaluate(split, data, { to, now: '2026-06-01T12:00:00Z' })).toEqual(
          evaluate(whole, data, { to, now: '2026-06-01T12:00:00Z' }),
        );
      for (const [pointer, validate] of Object.entries(split.validators.ifs))
        expect(validate.call({}, data, { rootData: data }), pointer).toBe(
          whole.validators.ifs[pointer]!.call({}, data, { rootData: data }),
        );
    }
  });
});

describe('sections', () => {
  it('each get their own function; a single question stays in the form function', () => {
    const result = precompile(
      formWith({
        a: { type: 'object', properties: { x: { type: 'string' } } },
        b: { type: 'array', items: { type: 'string' } },
        c: { type: 'string' },
      }),
    );
    if (!result.ok) throw new Error('fixture');
    expect(result.code.match(/function (?!create\()[\w$]+\(/g)?.length).toBe(3);
  });

  it('stay in place when a $ref points into one by its path', () => {
    const template = formWith({
      a: { type: 'object', properties: { x: { type: 'string', maxLength: 3 } } },
      b: { $ref: '#/properties/a/properties/x' },
    });
    const result = precompile(template);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.code.match(/function (?!create\()[\w$]+\(/g)?.length).toBe(2);
    expect(evaluate(result.compiled, { b: 'long' }).errors.map((e) => e.path)).toEqual(['/b']);
  });
});
