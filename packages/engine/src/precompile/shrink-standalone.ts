/**
 * Makes ajv's standalone code smaller without changing what it does: the precompiled module is downloaded by
 * every browser that opens a form (463 KB raw for the benchmark form before this). Two rewrites, each only where
 * the generated text has exactly the shape ajv 8 emits (anything else is left as it is):
 * - `const schemaN = {…};` that nothing reads: ajv emits every compiled root schema as a value, used or not;
 * - ajv's error bookkeeping (`const errN = {…};if(vErrors === null){vErrors = [errN];}else
 *   {vErrors.push(errN);}`), repeated for each of hundreds of rules, becomes one call of a helper that `create`
 *   defines (PUSH_ERROR_HELPER);
 * - patterns that run natively are created by a helper without re2js (native-patterns.ts);
 * - chains of `===` for an `enum` become lookups in Sets (enum-sets.ts);
 * - then the constant parts of those error objects move into one table (error-table.ts);
 * - then the whitespace the code does not need goes (minify-whitespace.ts);
 * - last, ajv's long generated names become short ones (rename-locals.ts).
 */
import { endOfLiteral } from './end-of-literal.js';
import { enumSets } from './enum-sets.js';
import { tabulateErrors } from './error-table.js';
import { minifyWhitespace } from './minify-whitespace.js';
import { nativePatterns } from './native-patterns.js';
import { renameLocals } from './rename-locals.js';

/** The name of the helper the rewritten error bookkeeping calls. ajv never names a variable with a `$`. */
export const PUSH_ERROR = '$pushError';
export const PUSH_ERROR_HELPER = `const ${PUSH_ERROR} = (list, error) => { if (list === null) return [error]; list.push(error); return list; };`;

function occurrences(code: string, name: string): number {
  return code.split(new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}(?![\\w$])`)).length - 1;
}

function dropUnusedSchemas(code: string): string {
  let out = code;
  for (const match of code.matchAll(/const (schema\d+) = [{[]/g)) {
    const name = match[1]!;
    if (occurrences(out, name) !== 1) continue;
    const head = `const ${name} = `;
    const start = out.indexOf(head);
    const end = start < 0 ? -1 : endOfLiteral(out, start + head.length);
    if (end < 0 || out[end] !== ';') continue;
    out = out.slice(0, start) + out.slice(end + 1);
  }
  return out;
}

function shortenErrorBookkeeping(code: string): string {
  const parts: string[] = [];
  let from = 0;
  const head = /const (err\d+) = \{/g;
  for (let match = head.exec(code); match !== null; match = head.exec(code)) {
    const name = match[1]!;
    const objectStart = match.index + match[0].length - 1;
    const objectEnd = endOfLiteral(code, objectStart);
    if (objectEnd < 0) continue;
    const tail = `;if(vErrors === null){vErrors = [${name}];}else {vErrors.push(${name});}`;
    if (!code.startsWith(tail, objectEnd)) continue;
    parts.push(
      code.slice(from, match.index),
      `vErrors = ${PUSH_ERROR}(vErrors, ${code.slice(objectStart, objectEnd)});`,
    );
    from = objectEnd + tail.length;
    head.lastIndex = from;
  }
  parts.push(code.slice(from));
  return parts.join('');
}

/**
 * The shrunk code and the helpers it calls (to define before it in `create`). Schema constants are dropped last:
 * the error table takes the values error params read from them.
 */
export function shrinkStandalone(code: string): { code: string; helpers: string } {
  const sets = enumSets(shortenErrorBookkeeping(nativePatterns(code)));
  const tabulated = tabulateErrors(sets.code, sets.lists);
  // The enum lists first: the error table refers to them.
  const helpers = [PUSH_ERROR_HELPER, sets.helper, tabulated.helper].filter(Boolean).join('\n');
  return {
    code: renameLocals(minifyWhitespace(dropUnusedSchemas(tabulated.code)), helpers),
    helpers,
  };
}
