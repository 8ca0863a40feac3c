// The small URI resolver rjsf uses in the staff app (src/renderer/refUri.ts) must answer as fast-uri does for what
// rjsf asks: resolve every $ref against its base ('#' or the schema's $id), and compare $ids.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastUri from 'fast-uri';
import { describe, expect, it } from 'vitest';
import { equal, resolve } from '../src/renderer/refUri.js';

const forms = join(import.meta.dirname, '..', '..', '..', 'forms');

function refsAndIds(): { refs: Set<string>; ids: Set<string> } {
  const refs = new Set<string>();
  const ids = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') refs.add(x);
        if (k === '$id' && typeof x === 'string') ids.add(x);
        visit(x);
      }
  };
  for (const dir of readdirSync(forms, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const f of readdirSync(join(forms, dir.name)).filter((n) => n.endsWith('.json')))
      visit(JSON.parse(readFileSync(join(forms, dir.name, f), 'utf8')));
  return { refs, ids };
}

const bases = [
  '#',
  '',
  'https://formwork.example/forms/incident-report/1.1.0',
  'https://Formwork.Example/a/b/c?q=1#frag',
  'urn:formwork:incident',
  'http://a/b/c/d;p?q',
  'forms/incident.json',
];
const references = [
  '#/$defs/person',
  '#/$defs/conditions/fall',
  '#',
  '',
  'person.json',
  'person.json#/$defs/a',
  '../shared/person.json',
  '/root.json#x',
  '//other.example/x',
  'https://other.example/x/../y/./z',
  'g?y#s',
  '?y',
  '../../../g',
  './g/.',
  'g/..',
  'urn:other:thing',
];

describe('refUri (rjsf $ref resolution) answers as fast-uri does', () => {
  it('on every $ref and $id of the template library, and on general URI references', () => {
    const { refs, ids } = refsAndIds();
    expect(refs.size).toBeGreaterThan(0);
    for (const base of [...bases, ...ids])
      for (const ref of [...references, ...refs])
        expect([base, ref, resolve(base, ref)]).toEqual([base, ref, fastUri.resolve(base, ref)]);
  });

  it('compares $ids as fast-uri does', () => {
    const pairs: [string, string][] = [
      ['https://a.example/x', 'https://a.example/x'],
      ['https://A.example/x', 'https://a.example/x'],
      ['HTTPS://a.example/x', 'https://a.example/x'],
      ['https://a.example/x', 'https://a.example/y'],
      ['urn:formwork:a', 'urn:formwork:a'],
      ['urn:formwork:a', 'urn:formwork:b'],
      ['#', '#'],
    ];
    for (const [a, b] of pairs) expect([a, b, equal(a, b)]).toEqual([a, b, fastUri.equal(a, b)]);
  });
});
