import { createCustomEqual } from 'fast-equals';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import deepEquals from '../src/renderer/deepEquals.js';

// The reference: rjsf's own deepEquals (@rjsf/utils/lib/deepEquals.js), which vite.config.ts replaces.
const reference = createCustomEqual({
  circular: true,
  createCustomConfig: () => ({ areFunctionsEqual: (_a: unknown, b: unknown) => typeof b === 'function' }),
});

/** A small deterministic generator (no clock, no Math.random: the same cases every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function jsonValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth <= 0 || r < 0.45) {
    const leaves = [null, true, false, 0, -0, 1, 2.5, Number.NaN, '', 'a', 'b', 'Care Act'];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => jsonValue(next, depth - 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--)
    out[['x', 'y', 'z', 'type'][Math.floor(next() * 4)] as string] = jsonValue(next, depth - 1);
  return out;
}

/** A copy that is equal, or one changed in one place (roughly half the time). */
function variant(value: unknown, next: () => number): unknown {
  if (next() < 0.15) return jsonValue(next, 2);
  if (Array.isArray(value)) return value.map((v) => variant(v, next));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, variant(v, next)]));
  }
  return value;
}

describe('deepEquals (the replacement for rjsf’s fast-equals comparison)', () => {
  it('agrees with fast-equals on generated JSON values, equal and changed', () => {
    const next = rng(20261122);
    let equalCount = 0;
    for (let i = 0; i < 3000; i++) {
      const a = jsonValue(next, 4);
      const b = next() < 0.5 ? structuredClone(a) : variant(a, next);
      const expected = reference(a, b);
      if (expected) equalCount++;
      expect(deepEquals(a, b), JSON.stringify([a, b])).toBe(expected);
      expect(deepEquals(b, a)).toBe(reference(b, a));
    }
    // Both answers are exercised.
    expect(equalCount).toBeGreaterThan(500);
    expect(equalCount).toBeLessThan(2900);
  });

  it('agrees on what rjsf compares besides data: functions, elements, dates, patterns, odd objects', () => {
    const f = () => 1;
    const g = () => 2;
    const cases: [unknown, unknown][] = [
      [f, g],
      [{ onChange: f }, { onChange: g }],
      [{ onChange: f }, { onChange: 'f' }],
      [createElement('p', { id: 'a' }, 'x'), createElement('p', { id: 'a' }, 'x')],
      [createElement('p', { id: 'a' }, 'x'), createElement('p', { id: 'b' }, 'x')],
      [new Date(0), new Date(0)],
      [new Date(0), new Date(1)],
      [new Date(Number.NaN), new Date(Number.NaN)],
      [/a/g, /a/g],
      [/a/g, /a/i],
      [Object.assign(Object.create(null), { a: 1 }), { a: 1 }],
      [{ a: 1 }, Object.assign(Object.create(null), { a: 2 })],
      [{ a: undefined }, { b: undefined }],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [[1, 2], { 0: 1, 1: 2, length: 2 }],
      [new Date(0), { getTime: f }],
      [null, undefined],
      [0, -0],
      ['1', 1],
    ];
    for (const [i, [a, b]] of cases.entries()) {
      expect(deepEquals(a, b), `case ${i}`).toBe(reference(a, b));
      expect(deepEquals(b, a), `case ${i}, swapped`).toBe(reference(b, a));
    }
  });

  it('follows circular references as fast-equals does', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const b: Record<string, unknown> = { name: 'a' };
    b.self = b;
    const c: Record<string, unknown> = { name: 'c' };
    c.self = c;
    expect(deepEquals(a, b)).toBe(true);
    expect(deepEquals(a, b)).toBe(reference(a, b));
    expect(deepEquals(a, c)).toBe(false);
    expect(deepEquals(a, c)).toBe(reference(a, c));
  });

  it('counts other kinds of object equal only to themselves (fast-equals may compare them by value)', () => {
    const m = new Map([[1, 2]]);
    expect(deepEquals(m, m)).toBe(true);
    expect(deepEquals(m, new Map([[1, 2]]))).toBe(false);
    expect(deepEquals(new Set([1]), new Set([2]))).toBe(false);
  });

  it('is what rjsf uses: its utils import it in place of fast-equals', async () => {
    const utils = await import('@rjsf/utils');
    expect(utils.deepEquals).toBe(deepEquals);
  });
});
