/**
 * Every `pattern` is matched by RE2JS, a linear-time engine, so no pattern in a template (or a hostile one that
 * slipped past compile's checks) can hang the server or the browser. ajv calls this as its `code.regExp`.
 */
import { RE2JS } from 're2js';

export interface LinearRegExp {
  test(input: string): boolean;
  toString(): string;
}

export function linearRegExp(pattern: string, flags = ''): LinearRegExp {
  const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  return {
    test: (input: string) => compiled.test(input),
    // ajv de-duplicates patterns by this string: it must be unique per pattern.
    toString: () => `/${pattern}/${flags}`,
  };
}

/** How ajv's standalone output refers to this function (resolved by the precompiled module's `create(rt)`). */
linearRegExp.code = 'require("formwork:regexp").default';
