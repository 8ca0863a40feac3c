/**
 * The `pattern` helper for patterns that run natively (bounded-pattern.ts): a precompiled module calls it, as
 * "formwork:native-regexp", for each pattern precompile found bounded, so a template whose patterns are all bounded
 * never downloads RE2JS (44 KiB gzipped). This module must not import re2js, directly or not: it is one of the
 * core helpers loaded with the engine (regexp.ts, which does import it, is loaded on demand).
 */
import { isBoundedPattern } from './bounded-pattern.js';

export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

/** The pattern as a native RegExp when that is provably linear-time and valid, else undefined. */
export function nativeIfBounded(pattern: string, flags: string): RegExp | undefined {
  if (!isBoundedPattern(pattern)) return undefined;
  try {
    // Only the `u` flag: a global or sticky RegExp would carry `lastIndex` from one test to the next.
    return new RegExp(pattern, flags.includes('u') ? 'u' : '');
  } catch {
    return undefined;
  }
}

/** A native matcher for a bounded pattern; `toString` is the same as RE2JS's (ajv de-duplicates patterns by it). */
export function nativeMatcher(pattern: string, flags: string, native: RegExp): LinearRegExp {
  return {
    test: (input: string) => native.test(input),
    toString: () => `/${pattern}/${flags}`,
  };
}

/**
 * What "formwork:native-regexp" provides. It checks again rather than trusting the module: a module that asks for
 * a pattern that is not bounded (edited, or made by a different engine) is refused when it loads, never run by a
 * backtracking engine.
 */
export function nativeRegExp(pattern: string, flags = ''): LinearRegExp {
  const native = nativeIfBounded(pattern, flags);
  if (!native)
    throw new Error(
      `the precompiled module runs the pattern ${JSON.stringify(pattern)} natively, but it is not one that runs in linear time there. Precompile the template again with this engine.`,
    );
  return nativeMatcher(pattern, flags, native);
}

/** How a precompiled module refers to this function. */
nativeRegExp.code = 'require("formwork:native-regexp").default';
