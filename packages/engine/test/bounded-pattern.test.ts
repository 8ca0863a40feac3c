import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBoundedPattern } from '../src/runtime/bounded-pattern.js';
import { compileLinearPattern, linearRegExp } from '../src/runtime/regexp.js';

// Typical template patterns (the benchmark form's, among others): all bounded.
const bounded = [
  '^IR-[0-9]{4}-[0-9]{5}$',
  '^[A-Z]{2}[0-9]{5}$',
  '^\\+?[0-9 ]{10,14}$',
  '^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$',
  '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$',
  '^[0-9]{2,3}/[0-9]{2,3}$',
  '^\\d{10}$',
  '^[a-z\\]-]{1,3}x',
  '^$',
];

const unbounded = [
  '[0-9]{10}', // not anchored: tried at every position
  '^a*$',
  '^a+$',
  '^a{2,}$',
  '^(ab){2}$', // groups
  '^a|b$',
  '^(a+)+$',
  '^(?=a)a$',
  '^(a)\\1$',
  '^\\k<x>$',
  '^a??$',
  '^[0-9]{1,20}[0-9]{1,20}[0-9]{1,20}$', // 8,000 ways: more than the bound
  '^\\p{L}{2}$',
  '^\\u{1F600}$',
  '^[[a]]$',
  '^a{3,2}$',
];

describe('isBoundedPattern', () => {
  it.each(bounded)('runs %s natively', (p) => expect(isBoundedPattern(p)).toBe(true));
  it.each(unbounded)('leaves %s to RE2', (p) => expect(isBoundedPattern(p)).toBe(false));

  it('gives the same answers as RE2 for the bounded patterns', () => {
    for (const pattern of bounded) {
      const native = linearRegExp(pattern, 'u');
      const re2 = compileLinearPattern(pattern);
      fc.assert(
        fc.property(
          fc.oneof(fc.stringMatching(new RegExp(pattern, 'u')), fc.string({ maxLength: 20 })),
          (input) => native.test(input) === re2.test(input),
        ),
        { seed: 20261122, numRuns: 200 },
      );
    }
  });

  it('keeps a hostile pattern on RE2: no catastrophic backtracking', () => {
    const hostile = linearRegExp('^(a+)+$', 'u');
    expect(hostile.test(`${'a'.repeat(50_000)}!`)).toBe(false);
  });
});
