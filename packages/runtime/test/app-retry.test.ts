import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/app/api/ApiError.js';
import { classifySaveFailure, retryDelay } from '../src/app/autosave/retry.js';

describe('retryDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const options = { base: 1000, max: 8000 };
    expect([1, 2, 3, 4, 5, 20].map((n) => retryDelay(n, 0.5, options))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('spreads retries by up to a fifth either way, never above the cap', () => {
    const options = { base: 1000, max: 8000 };
    expect(retryDelay(1, 0, options)).toBe(800);
    expect(retryDelay(1, 0.999, options)).toBeLessThanOrEqual(1200);
    expect(retryDelay(10, 0.999, options)).toBe(8000);
  });

  it('does not overflow on a very long outage', () => {
    expect(retryDelay(10_000, 0.5, { base: 2000, max: 30_000 })).toBe(30_000);
  });
});

describe('classifySaveFailure', () => {
  const error = (status: number) => new ApiError(status, 'x', 'x');

  it('retries when the network or server is down or busy', () => {
    expect([0, 502, 503, 504, 500, 429, 408].map((s) => classifySaveFailure(error(s)))).toEqual(
      Array(7).fill('retry'),
    );
    expect(classifySaveFailure(new TypeError('Failed to fetch'))).toBe('retry');
  });

  it('recognises a save from another device, a lost session, and a refusal', () => {
    expect(classifySaveFailure(error(412))).toBe('conflict');
    expect(classifySaveFailure(error(401))).toBe('signed-out');
    expect(classifySaveFailure(error(403))).toBe('refused');
    expect(classifySaveFailure(error(409))).toBe('refused');
  });
});
