import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, loadPrecompiled, loadsFromText, precompile, prune } from '../src/index.js';
import type { CompiledTemplate, Json, PrecompiledModule, Template } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';

async function importModule(code: string): Promise<PrecompiledModule> {
  return (await import(
    /* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`
  )) as PrecompiledModule;
}

const records: Json[] = [
  {},
  { occurredAt: '2026-06-01T10:00:00Z', summary: 'x', harm: 'low' },
  {
    occurredAt: '2026-06-01T23:30:00Z',
    reportedAt: '2026-06-02T01:00:00Z',
    harm: 'high',
    summary: '',
    reference: 'x',
  },
  {
    occurredAt: '2026-06-01T23:30:00Z',
    summary: 'x',
    harm: 'critical',
    escalation: { escalatedTo: 'Duty', escalatedAt: 'not a date' },
    selfNeglect: {
      indicators: ['hydration', 'infection'],
      sameDayContact: { contactedAt: '2026-06-02T22:00:00Z' },
    },
    actions: [{ what: 'a' }, { what: 'b', owner: 'Sam' }],
    lastSeenAt: '2026-06-01T00:00:00Z',
    managerReview: { reviewedBy: 'Jo', reviewedAt: '2026-06-01T09:00:00Z' },
  },
  { harm: 'medium', reference: 'AB-1234', selfNeglect: { indicators: ['hydration', 'hydration'] } },
];

describe('precompile', () => {
  it('produces a module that imports nothing and uses no eval, and evaluates exactly like compile', async () => {
    const template = incidentTemplate();
    const result = precompile(template);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).not.toMatch(/^\s*import\s/m);
    expect(result.code).not.toMatch(/\bnew Function\b|\beval\(/);
    const loaded: CompiledTemplate = loadPrecompiled(template, await importModule(result.code));
    for (const data of records) {
      for (const options of [{}, { to: 'closed' }, { to: 'submitted', now: '2026-06-02T12:00:00Z' }]) {
        expect(evaluate(loaded, data, options)).toEqual(evaluate(result.compiled, data, options));
      }
      expect(prune(loaded, data)).toEqual(prune(result.compiled, data));
    }
    const ifSchema = ((loaded.schema.allOf as unknown[])[1] as { if: object }).if;
    const two = { selfNeglect: { indicators: ['a', 'b'] } };
    expect(loaded.isValid(ifSchema, two)).toBe(true);
    expect(loaded.isValid(ifSchema, two)).toBe(result.compiled.isValid(ifSchema, two));
  });

  it('refuses a module built from another template version', async () => {
    const template = incidentTemplate();
    const result = precompile(template);
    if (!result.ok) throw new Error('fixture');
    const module = await importModule(result.code);
    expect(() => loadPrecompiled({ ...template, version: '1.0.1' }, module)).toThrow(
      /built for incident@1\.0\.0/,
    );
    expect(() => loadPrecompiled({ ...template, title: 'Changed' }, module)).toThrow(/Precompile it again/);
  });

  it('returns problems, not a module, for a bad template', () => {
    const result = precompile({ id: 'x' });
    expect(result.ok).toBe(false);
  });
});

describe('@formwork/engine/runtime import graph', () => {
  it('never reaches ajv core or its compiler', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
    const seen = new Set<string>();
    const bare = new Set<string>();
    const stack = [join(src, 'runtime/index.ts')];
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
    }
    expect(seen.size).toBeGreaterThan(5);
    const allowed = /^(ajv\/dist\/runtime\/[a-z0-9_]+\.js|ajv-formats\/dist\/formats\.js|re2js)$/;
    expect([...bare].filter((spec) => !allowed.test(spec))).toEqual([]);
    // And those helpers themselves require only tiny leaf packages, never ajv's core.
    const requireOf = createRequire(import.meta.url);
    for (const spec of bare) {
      if (spec === 're2js') continue;
      const text = readFileSync(requireOf.resolve(spec), 'utf8');
      const required = [...text.matchAll(/(?<!['"])require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(required.filter((r) => !/^(fast-deep-equal|fast-uri)$/.test(r!))).toEqual([]);
    }
  });
});

describe('the template digest', () => {
  it('is checked on load, in its own format; an unknown format is refused, not ignored', async () => {
    const template = incidentTemplate();
    const result = precompile(template);
    if (!result.ok) throw new Error('fixture');
    expect(result.code).toMatch(/"templateDigest":"w32:[0-9a-f]{16}"/);
    const wrong = await importModule(
      result.code.replaceAll(/(w32|q32):[0-9a-f]{16}/g, '$1:0000000000000000'),
    );
    expect(() => loadPrecompiled(template, wrong)).toThrow(
      /differs from the template the module was built from/,
    );
    const future = await importModule(
      result.code.replace(/"templateDigest":"w32:/, '"templateDigest":"w64:'),
    );
    expect(() => loadPrecompiled(template, future)).toThrow(/form this engine does not know/);
    // Without a digest (a module from before it existed), the fingerprint decides.
    const old = await importModule(
      result.code.replace(/,"templateDigest":"w32:[0-9a-f]{16}","textDigests":\[[^\]]*\]/, ''),
    );
    expect(old).not.toHaveProperty(['manifest', 'textDigests']);
    expect(evaluate(loadPrecompiled(template, old), {})).toEqual(evaluate(result.compiled, {}));
    expect(() => loadPrecompiled({ ...template, title: 'Changed' }, old)).toThrow(/Precompile it again/);
  });

  it('does not depend on key order, and changes with any content', async () => {
    const { templateDigest } = await import('../src/template-digest.js');
    expect(templateDigest({ b: 1, a: ['é', { y: null, x: 'a\u2028b' }] })).toBe(
      templateDigest({ a: ['é', { x: 'a\u2028b', y: null }], b: 1 }),
    );
    const seen = new Set(
      [
        {},
        { a: 1 },
        { a: 2 },
        { a: '1' },
        { a: [1] },
        { a: 'x' },
        { a: 'y' },
        { a: 'xxxx' },
        { a: 'xxxxx' },
      ].map((v) => templateDigest(v)),
    );
    expect(seen.size).toBe(9);
    // The byte-by-byte reading (big-endian machines) gives the same digest as the word reading.
    const { digestOfBytes } = await import('../src/template-digest.js');
    const bytes = new TextEncoder().encode('{"a":"é ünïcode and more"}xxx');
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes);
    expect(digestOfBytes(padded, bytes.length, false)).toBe(digestOfBytes(padded, bytes.length, true));
  });
});

describe('loading resolves parameters', () => {
  it('the same as compile, with and without parameters (loading skips the walk when there are none)', async () => {
    const withParams = incidentTemplate();
    const { parameters: _, ...rest } = incidentTemplate();
    const withoutParams = JSON.parse(
      JSON.stringify({ ...rest, id: 'plain' }).replace(/\{"\$param":"[^"]+"\}/g, '2'),
    ) as typeof withParams;
    for (const template of [withParams, withoutParams]) {
      const result = precompile(template);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const loaded = loadPrecompiled(template, await importModule(result.code));
      expect(loaded.schema).toEqual(result.compiled.schema);
      expect(loaded.gates).toEqual(result.compiled.gates);
      expect(loaded.stages).toEqual(result.compiled.stages);
    }
    expect(JSON.stringify(withParams)).toContain('"$param":');
    expect(JSON.stringify(withoutParams)).not.toContain('"$param":');
  });
});

describe('the text digests (loading without canonical JSON)', () => {
  const reversed = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversed)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;

  it('lets a template load on its own text as written and in jsonb key order; any other order loads the slow way', async () => {
    const { inJsonbOrder } = await import('../src/text-digests.js');
    const { canonicalJson } = await import('../src/canonical-json.js');
    const template = incidentTemplate();
    const result = precompile(template);
    if (!result.ok) throw new Error('fixture');
    const module = await importModule(result.code);
    expect(module.manifest.textDigests).toHaveLength(2);
    const jsonb = inJsonbOrder(template) as Template;
    const canonical = JSON.parse(canonicalJson(template)) as Template;
    const other = reversed(template) as Template;
    expect(JSON.stringify(jsonb)).not.toBe(JSON.stringify(template));
    expect(loadsFromText(template, module)).toBe(true);
    expect(loadsFromText(jsonb, module)).toBe(true);
    expect(loadsFromText(other, module)).toBe(false);
    const expected = evaluate(result.compiled, {}, { to: 'closed' });
    for (const t of [template, jsonb, canonical, other])
      expect(evaluate(loadPrecompiled(t, module), {}, { to: 'closed' })).toEqual(expected);
  });

  it('never lets a changed template through, in any order', async () => {
    const template = incidentTemplate();
    const result = precompile(template);
    if (!result.ok) throw new Error('fixture');
    const module = await importModule(result.code);
    const text = JSON.stringify(template);
    expect(text).toContain('"message":"');
    const changed = JSON.parse(text.replace('"message":"', '"message":"!')) as Template;
    for (const t of [
      { ...template, title: `${template.title}.` },
      changed,
      reversed({ ...template, description: 'other' }) as Template,
    ]) {
      expect(loadsFromText(t, module)).toBe(false);
      expect(() => loadPrecompiled(t, module)).toThrow(/differs from the template the module was built from/);
    }
  });

  it('are their own format, read bytes alike on any machine, and change with any content', async () => {
    const { textDigest, textDigestOfBytes } = await import('../src/text-digest.js');
    const texts = [
      '',
      '{}',
      '{"a":1}',
      '{"a":2}',
      '{"a":"1"}',
      '{"b":1}',
      '{"a":1} ',
      'x'.repeat(16),
      'x'.repeat(17),
    ];
    const digests = texts.map(textDigest);
    expect(new Set(digests).size).toBe(texts.length);
    for (const d of digests) expect(d).toMatch(/^q32:[0-9a-f]{16}$/);
    const bytes = new TextEncoder().encode('{"a":"é ünïcode and more, longer than sixteen bytes"}');
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes);
    expect(textDigestOfBytes(padded, bytes.length, false)).toBe(
      textDigestOfBytes(padded, bytes.length, true),
    );
  });

  it('orders keys as jsonb does: shorter UTF-8 first, then by bytes (integer-like keys first, as JavaScript lists them)', async () => {
    const { inJsonbOrder } = await import('../src/text-digests.js');
    const value = { é: 1, b: 2, aa: 3, z: 4, ab: 5, '10': 6, '9': 7, nested: [{ yy: 1, x: 2 }] };
    expect(JSON.stringify(inJsonbOrder(value))).toBe(
      '{"9":7,"10":6,"b":2,"z":4,"aa":3,"ab":5,"é":1,"nested":[{"x":2,"yy":1}]}',
    );
  });
});
