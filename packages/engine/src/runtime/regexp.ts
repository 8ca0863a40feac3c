/**
 * Every `pattern` is matched in linear time, so no pattern in a template (or a hostile one that slipped past
 * compile's checks) can hang the server or the browser: by RE2JS, a linear-time engine, or natively when the
 * pattern is one a backtracking engine provably runs in linear time (bounded-pattern.ts). ajv calls this as its
 * `code.regExp`.
 */
import { RE2JS } from 're2js';
import { type LinearRegExp, nativeIfBounded, nativeMatcher } from './native-regexp.js';

export type { LinearRegExp } from './native-regexp.js';

/** Compiles a pattern for RE2JS now; throws when RE2 cannot run it (compile's pattern check uses this). */
export function compileLinearPattern(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern));
}

export function linearRegExp(pattern: string, flags = ''): LinearRegExp {
  const native = nativeIfBounded(pattern, flags);
  if (native) return nativeMatcher(pattern, flags, native);
  // Compiled on first use: a precompiled module creates every pattern when it loads, and most forms test only a
  // few of them before someone answers more (compile has already checked that each one compiles).
  let compiled: RE2JS | undefined;
  return {
    test: (input: string) => {
      compiled ??= compileLinearPattern(pattern);
      return compiled.test(input);
    },
    // ajv de-duplicates patterns by this string: it must be unique per pattern.
    toString: () => `/${pattern}/${flags}`,
  };
}

/** How ajv's standalone output refers to this function (resolved by the precompiled module's `create(rt)`). */
linearRegExp.code = 'require("formwork:regexp").default';
