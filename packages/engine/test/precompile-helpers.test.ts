import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, loadPrecompiled, loadPrecompiledModule, precompile, prune } from '../src/index.js';
import type { CompiledTemplate, Json, PrecompiledModule, Template } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { formWith } from './helpers.js';

async function importModule(code: string): Promise<PrecompiledModule> {
  const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as PrecompiledModule;
}

function precompiled(template: Template): { code: string; compiled: CompiledTemplate } {
  const result = precompile(template);
  if (!result.ok) throw new Error(`fixture does not precompile: ${JSON.stringify(result.problems)}`);
  return { code: result.code, compiled: result.compiled };
}

const withPattern = formWith({ reference: { type: 'string', pattern: '^[A-Z]{2}-\\d{4}$' } });
// `+` is unbounded: RE2JS runs it. A `u`-mode syntax error the bounded check lets through runs on RE2JS too.
const withUnboundedPattern = formWith({ code: { type: 'string', pattern: '^[a-z]+-\\d{2}$' } });
const withBothPatterns = formWith({
  reference: { type: 'string', pattern: '^[A-Z]{2}-\\d{4}$' },
  code: { type: 'string', pattern: '^[a-z]+-\\d{2}$' },
  postcode: { type: 'string', pattern: '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$' },
});
const withoutPattern = formWith({ name: { type: 'string', minLength: 1 }, seen: { format: 'date-time' } });

describe('precompiled modules declare the helpers they need', () => {
  it('names re2js only for a template with a pattern that does not run natively', async () => {
    const plain = await importModule(precompiled(withoutPattern).code);
    expect(plain.needs).toBeDefined();
    expect(plain.needs).not.toContain('formwork:regexp');
    expect(plain.needs).not.toContain('formwork:native-regexp');
    expect(plain.needs).not.toContain('ajv/dist/runtime/uri');
    const bounded = await importModule(precompiled(withPattern).code);
    expect(bounded.needs).toContain('formwork:native-regexp');
    expect(bounded.needs).not.toContain('formwork:regexp');
    const unbounded = await importModule(precompiled(withUnboundedPattern).code);
    expect(unbounded.needs).toContain('formwork:regexp');
    expect(unbounded.needs).not.toContain('formwork:native-regexp');
    const mixed = await importModule(precompiled(withBothPatterns).code);
    expect(mixed.needs).toEqual(expect.arrayContaining(['formwork:regexp', 'formwork:native-regexp']));
  });

  it('loadPrecompiledModule decides exactly like compile, with and without patterns', async () => {
    const loader = [
      (template: Template, module: PrecompiledModule) => loadPrecompiledModule(template, module),
      async (template: Template, module: PrecompiledModule) => loadPrecompiled(template, module),
    ];
    for (const [template, records] of [
      [withPattern, [{ reference: 'AB-1234' }, { reference: 'ab-12' }, { reference: 3 }]],
      [withUnboundedPattern, [{ code: 'abc-12' }, { code: 'abc-1' }, { code: '-12' }, { code: 'ABC-12' }]],
      [
        withBothPatterns,
        [
          { reference: 'AB-1234', code: 'x-00', postcode: 'SW1A 1AA' },
          { reference: 'AB-123', code: 'X-00', postcode: 'SW1A1A' },
          { reference: 'AB-1234\n', code: 'x-00\n', postcode: 'M1 1AE' },
        ],
      ],
      [incidentTemplate(), [{}, { harm: 'high', reference: 'x', summary: '' }]],
    ] as [Template, Json[]][]) {
      const { code, compiled } = precompiled(template);
      for (const load of loader) {
        const loaded = await load(template, await importModule(code));
        for (const data of records) {
          expect(evaluate(loaded, data)).toEqual(evaluate(compiled, data));
          expect(prune(loaded, data)).toEqual(prune(compiled, data));
        }
      }
    }
    const { code } = precompiled(withPattern);
    const loaded = await loadPrecompiledModule(withPattern, await importModule(code));
    expect(evaluate(loaded, { reference: 'ab-12' }).errors.map((e) => e.rule)).toEqual(['pattern']);
  });

  it('loads a module built before modules declared their needs, with every helper', async () => {
    const { code, compiled } = precompiled(withPattern);
    const old = code.replace(/^export const needs = .*$/m, '');
    const module = await importModule(old);
    expect(module.needs).toBeUndefined();
    const loaded = await loadPrecompiledModule(withPattern, module);
    expect(evaluate(loaded, { reference: 'ab-12' })).toEqual(evaluate(compiled, { reference: 'ab-12' }));
    expect(evaluate(loadPrecompiled(withPattern, module), { reference: 'AB-1234' }).valid).toBe(true);
  });

  it('loads a module whose bounded patterns still call formwork:regexp (made before native-regexp)', async () => {
    const { code, compiled } = precompiled(withBothPatterns);
    expect(code).toContain('require("formwork:native-regexp")');
    // What the engine before this one wrote: every pattern through the one re2js-backed helper.
    // The regexp helper's variable (its name is shortened like every generated name).
    const helper = /const ([\w$]+) ?= ?require\("formwork:regexp"\)\.default/.exec(code)?.[1];
    expect(helper).toBeDefined();
    const old = code
      .replace(/\n?const \$nativeRegExp ?= ?require\("formwork:native-regexp"\)\.default;/, '')
      .replaceAll('$nativeRegExp(', `${helper}(`)
      .replace('"formwork:native-regexp",', '');
    expect(old).not.toContain('native');
    const module = await importModule(old);
    expect(module.needs).toContain('formwork:regexp');
    const data = { reference: 'AB-123', code: 'x-00', postcode: 'SW1A 1AA' };
    for (const loaded of [
      await loadPrecompiledModule(withBothPatterns, module),
      loadPrecompiled(withBothPatterns, module),
    ])
      expect(evaluate(loaded, data)).toEqual(evaluate(compiled, data));
  });

  it('refuses a module that runs a pattern natively which does not run in linear time there', async () => {
    const { code } = precompiled(withPattern);
    const edited = code.replace('"^[A-Z]{2}-\\\\d{4}$"', '"^(a+)+$"');
    expect(edited).not.toBe(code);
    const module = await importModule(edited);
    await expect(loadPrecompiledModule(withPattern, module)).rejects.toThrow(
      /runs the pattern "\^\(a\+\)\+\$" natively.*Precompile the template again/,
    );
    expect(() => loadPrecompiled(withPattern, module)).toThrow(/not one that runs in linear time/);
  });

  it('refuses a module that needs a helper this engine does not have, saying what to do', async () => {
    const { code } = precompiled(withoutPattern);
    const module = await importModule(
      code.replace(/^export const needs = .*$/m, 'export const needs = ["formwork:from-the-future"];'),
    );
    await expect(loadPrecompiledModule(withoutPattern, module)).rejects.toThrow(
      /needs "formwork:from-the-future".*Precompile the template again/,
    );
    expect(() => loadPrecompiled(withoutPattern, module)).toThrow(/needs "formwork:from-the-future"/);
    const malformed = await importModule(
      code.replace(/^export const needs = .*$/m, 'export const needs = "formwork:regexp";'),
    );
    await expect(loadPrecompiledModule(withoutPattern, malformed)).rejects.toThrow(/list of helper names/);
  });

  it('refuses a module built from another template, as loadPrecompiled does', async () => {
    const module = await importModule(precompiled(withoutPattern).code);
    await expect(loadPrecompiledModule({ ...withoutPattern, version: '1.0.1' }, module)).rejects.toThrow(
      /built for unit@1\.0\.0/,
    );
  });
});

describe('the on-demand loader', () => {
  it('reaches re2js and fast-uri only through import(), so a bundler can split them off', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
    const seen = new Set<string>();
    const bare = new Set<string>();
    const dynamic = new Set<string>();
    const stack = [join(src, 'runtime/load-precompiled-module.ts')];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = match[1]!;
        if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else bare.add(spec);
      }
      for (const match of text.matchAll(/\bimport\('([^']+)'\)/g)) dynamic.add(match[1]!);
    }
    expect([...bare].filter((spec) => /re2js|runtime\/uri/.test(spec))).toEqual([]);
    expect([...seen].some((file) => file.endsWith('/regexp.ts'))).toBe(false);
    // The helper for patterns that run natively is loaded with the engine: it must not reach re2js.
    expect(seen.has(join(src, 'runtime/native-regexp.ts'))).toBe(true);
    expect([...dynamic].sort()).toEqual(['./regexp.js', 'ajv/dist/runtime/uri.js']);
  });
});

describe('precompiled module size', () => {
  it('keeps no schema value that nothing reads, and no copy of ajv error bookkeeping', () => {
    const { code } = precompiled(incidentTemplate());
    for (const [, name] of code.matchAll(/const (schema\d+) = /g))
      expect(code.split(new RegExp(`\\b${name}\\b`)).length - 1, name).toBeGreaterThan(1);
    expect(code).not.toContain('if(vErrors === null)');
  });
});

describe('shared functions', () => {
  const urgent = { required: ['level'], properties: { level: { const: 'sentinel-urgent' } } };
  const template: Template = {
    id: 'shared',
    version: '1.0.0',
    title: 'Shared',
    stages: [
      { id: 'draft', title: 'Draft' },
      { id: 'done', title: 'Done' },
    ],
    gates: [
      {
        id: 'why',
        stage: 'done',
        message: 'Say why.',
        severity: 'block',
        when: { $ref: '#/$defs/conditions/urgent' },
        requires: ['/why'],
      },
    ],
    safeguarding: { when: { $ref: '#/$defs/conditions/urgent' } },
    schema: {
      type: 'object',
      $defs: { conditions: { urgent } },
      properties: {
        level: { type: 'string' },
        kind: { type: 'string' },
        why: { type: 'string' },
        how: { type: 'string' },
      },
      allOf: [
        { if: { $ref: '#/$defs/conditions/urgent' }, then: { required: ['why'] } },
        {
          if: { required: ['kind'], properties: { kind: { const: 'sentinel-inline' } } },
          then: { required: ['how'] },
        },
      ],
    },
  };

  it('generates a named condition once for the form, its if, a gate and the safeguarding rule', async () => {
    const { code, compiled } = precompiled(template);
    expect(code.split('"sentinel-urgent"!==').length - 1).toBe(1);
    // An if written in place is checked in place by the form (fast, no error objects) and once more for rjsf.
    expect(code.split('"sentinel-inline"!==').length - 1).toBe(2);
    const loaded = loadPrecompiled(template, await importModule(code));
    const ifs = (compiled.schema.allOf as { if: object }[]).map((branch) => branch.if);
    for (const data of [
      {},
      { level: 'sentinel-urgent' },
      { level: 'sentinel-urgent', why: 'x' },
      { kind: 'sentinel-inline' },
    ]) {
      expect(evaluate(loaded, data, { to: 'done' })).toEqual(evaluate(compiled, data, { to: 'done' }));
      for (const condition of ifs)
        expect(loaded.isValid(condition, data)).toBe(compiled.isValid(condition, data));
    }
    expect(evaluate(loaded, { level: 'sentinel-urgent' }, { to: 'done' })).toMatchObject({
      safeguarding: true,
      canProceed: false,
      errors: [{ path: '/why', rule: 'required' }],
    });
    expect(loaded.isValid(ifs[1], { kind: 'sentinel-inline' })).toBe(true);
  });

  it('compiles each validator on its own when the form changes base URI inside', async () => {
    const scoped: Template = {
      ...template,
      id: 'scoped',
      schema: {
        ...template.schema,
        properties: {
          ...(template.schema.properties as object),
          nested: { $id: 'urn:x:nested', type: 'object' },
        },
      },
    };
    const { code, compiled } = precompiled(scoped);
    const loaded = loadPrecompiled(scoped, await importModule(code));
    for (const data of [{}, { level: 'sentinel-urgent' }, { kind: 'sentinel-inline', how: 'y' }])
      expect(evaluate(loaded, data, { to: 'done' })).toEqual(evaluate(compiled, data, { to: 'done' }));
  });
});
