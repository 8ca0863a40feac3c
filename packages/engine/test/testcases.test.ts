import { describe, expect, it } from 'vitest';
import { type CompiledTemplate, compile, parseTestCases, runTestCases, type TestCase } from '../src/index.js';
import { calmVisit, concernVisit, visitNote } from './testcases-fixture.js';

function compiled(template: unknown = visitNote): CompiledTemplate {
  const result = compile(template);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

describe('parseTestCases', () => {
  it('accepts one case or an array of cases', () => {
    const one = { name: 'a', data: {}, expect: { valid: false } };
    expect(parseTestCases(one)).toEqual({ ok: true, cases: [one] });
    expect(parseTestCases([one, { ...one, name: 'b' }])).toMatchObject({
      ok: true,
      cases: [{ name: 'a' }, { name: 'b' }],
    });
  });

  it('rejects unknown keys at the case and in expect, with pointers', () => {
    const result = parseTestCases([
      { name: 'a', data: {}, expect: { valid: true, blokced: ['x'] }, note: 'x' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-key', pointer: '/0/note' }),
        expect.objectContaining({ code: 'unknown-key', pointer: '/0/expect/blokced' }),
      ]),
    );
  });

  it('rejects missing keys, wrong types, an empty expect, a zone-less now and duplicate names', () => {
    const result = parseTestCases([
      { name: 'a', expect: { valid: 'yes' } },
      { name: 'b', data: {}, expect: {} },
      { name: 'c', data: {}, now: '2026-01-01T09:00:00', expect: { errors: ['no-slash'] } },
      { name: 'c', data: {}, expect: { valid: true } },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const seen = result.problems.map((p) => `${p.code} ${p.pointer}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'missing-key /0',
        'wrong-type /0/expect/valid',
        'missing-key /1/expect',
        'wrong-type /2/now',
        'wrong-type /2/expect/errors',
        'duplicate-name /3/name',
      ]),
    );
  });

  it('rejects a file that is not a case at all', () => {
    expect(parseTestCases('hello')).toMatchObject({ ok: false, problems: [{ code: 'not-a-test-case' }] });
    expect(parseTestCases([])).toMatchObject({ ok: false, problems: [{ code: 'not-a-test-case' }] });
  });
});

describe('runTestCases', () => {
  it('passes cases whose every expectation holds', () => {
    const cases: TestCase[] = [
      {
        name: 'calm',
        data: calmVisit,
        to: 'closed',
        expect: {
          valid: true,
          canProceed: true,
          warned: ['manager-aware'],
          met: [],
          notApplicable: ['concern-escalated'],
          errors: [],
          pruned: [],
        },
      },
      {
        name: 'concern',
        data: concernVisit,
        to: 'submitted',
        expect: { valid: true, canProceed: false, blocked: ['concern-escalated'] },
      },
      {
        name: 'hidden branch',
        data: { ...calmVisit, concernDetail: 'left over' },
        expect: { pruned: ['/concernDetail'] },
      },
      {
        name: 'missing detail',
        data: { visitedAt: '2026-03-14T09:30:00Z', concern: 'yes' },
        expect: { valid: false, errors: ['/concernDetail'] },
      },
    ];
    const results = runTestCases(compiled(), cases);
    expect(results).toEqual(cases.map((c) => ({ name: c.name, passed: true, failures: [] })));
  });

  it('explains each mismatch in plain words', () => {
    const [result] = runTestCases(compiled(), [
      {
        name: 'wrong',
        data: concernVisit,
        to: 'submitted',
        expect: { canProceed: true, blocked: [], errors: ['/visitedAt'] },
      },
    ]);
    expect(result?.passed).toBe(false);
    expect(result?.failures).toHaveLength(3);
    expect(result?.failures[0]).toMatch(
      /canProceed to be true, but it is false.*concern-escalated needs \/managerName/,
    );
    expect(result?.failures[1]).toMatch(/blocking gates differ: found but not expected: concern-escalated/);
    expect(result?.failures[2]).toMatch(/error paths differ: expected but not found: \/visitedAt/);
  });

  it('lets a case name a required group nobody has started, or the questions inside it', () => {
    const grouped = compiled({
      id: 'grouped',
      version: '1.0.0',
      title: 'Grouped',
      schema: {
        type: 'object',
        required: ['person', 'note'],
        properties: {
          person: {
            type: 'object',
            title: 'Person',
            required: ['name', 'role'],
            properties: { name: { type: 'string' }, role: { type: 'string' } },
          },
          note: { type: 'string' },
        },
      },
    });
    const results = runTestCases(grouped, [
      { name: 'by group', data: {}, expect: { errors: ['/person', '/note'] } },
      { name: 'by question', data: {}, expect: { errors: ['/person/name', '/person/role', '/note'] } },
      { name: 'half', data: {}, expect: { errors: ['/person/name', '/note'] } },
    ]);
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(results[2]?.failures[0]).toMatch(/found but not expected: \/person\/role/);
  });

  it('fails a case naming a gate or stage the template does not have, instead of passing it', () => {
    const results = runTestCases(compiled(), [
      { name: 'typo gate', data: calmVisit, expect: { blocked: ['concern-escalatd'] } },
      { name: 'typo stage', data: calmVisit, to: 'sumbitted', expect: { canProceed: false } },
    ]);
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(results[0]?.failures[0]).toMatch(
      /gate "concern-escalatd", which template visit-note 1.0.0 does not have/,
    );
    expect(results[1]?.failures[0]).toMatch(/stage "sumbitted".*its stages: draft, submitted, closed/);
  });

  it('fails a malformed case with the reason, and skips cases for other versions', () => {
    const results = runTestCases(compiled(), [
      { name: 'bad', data: {}, expect: { valid: true, extra: true } } as unknown as TestCase,
      { name: 'other version', versions: ['2.0.0'], data: {}, expect: { valid: true } },
      { name: 'this version', versions: ['1.0.0'], data: calmVisit, expect: { valid: true } },
    ]);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['bad', false],
      ['this version', true],
    ]);
    expect(results[0]?.failures[0]).toMatch(/not usable at \/expect\/extra/);
  });
});
