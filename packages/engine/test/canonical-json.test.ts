import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/index.js';
import { fuzzTemplates } from './fuzz-templates.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    // RFC 8785 §3.2.3 example ordering: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "ﬂ" (surrogates sort below U+FB02).
    const value = { '€': 1, '\r': 2, ﬂ: 3, '1': 4, '😀': 5, '\u0080': 6, ö: 7 };
    expect(canonicalJson(value)).toBe('{"\\r":2,"1":4,"\u0080":6,"ö":7,"€":1,"😀":5,"ﬂ":3}');
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('serialises numbers the ECMAScript way', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1 + 0.2, -0, 100, 333333333.3333333])).toBe(
      '[1e+21,1e-7,0.30000000000000004,0,100,333333333.3333333]',
    );
  });

  it('rejects what is not JSON', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('canonicalJson against a plain reference implementation', () => {
  // The straightforward recursive form of RFC 8785 (what canonicalJson computed before it was tuned for cold runs).
  const reference = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value))
      return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  };

  it('gives the same text for any JSON value, every template, and undefined members', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)),
      { numRuns: 300 },
    );
    for (const { template } of fuzzTemplates()) expect(canonicalJson(template)).toBe(reference(template));
    expect(canonicalJson({ b: undefined, a: [undefined, { c: undefined }], '': {} })).toBe(
      '{"":{},"a":[null,{}]}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    let deep: unknown = 1;
    for (let i = 0; i < 1100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/deeper than 1000/);
  });
});
