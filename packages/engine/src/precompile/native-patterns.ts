/**
 * ajv's standalone code creates every `pattern` with the function it was given as `code.regExp`:
 * `const func0 = require("formwork:regexp").default;` then `const pattern5 = func0("^[A-Z]{2}$", "u");`.
 * "formwork:regexp" runs a bounded pattern natively anyway, but it imports RE2JS (44 KiB gzipped), which a browser
 * then downloads for every template with a pattern. Each call with literal arguments whose pattern runs natively
 * (the same decision regexp.ts makes, nativeIfBounded) calls "formwork:native-regexp" instead, a core helper with no
 * re2js; the module then needs "formwork:regexp" only while some call still names it. Only exactly this shape is
 * rewritten: anything else (a `$data` pattern, a call ajv made differently) keeps "formwork:regexp".
 */
import { nativeIfBounded, nativeRegExp } from '../runtime/native-regexp.js';
import { type Token, tokenize } from './tokenize.js';

/** The name the rewritten calls use. ajv never names a variable with a `$`. */
export const NATIVE_REGEXP = '$nativeRegExp';
const DECLARATION = `const ${NATIVE_REGEXP} = ${nativeRegExp.code};`;

const texts = (tokens: Token[], at: number, count: number) => tokens.slice(at, at + count).map((t) => t.text);

/** The JSON string a token holds, or undefined when it is not a double-quoted JSON string. */
function jsonString(token: Token | undefined): string | undefined {
  if (token?.kind !== 'string' || !token.text.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(token.text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function nativePatterns(code: string): string {
  const tokens = tokenize(code)?.filter((t) => t.kind !== 'newline' && t.kind !== 'comment');
  if (!tokens) return code;
  // `const NAME = require ( "formwork:regexp" ) . default ;`
  let declaration: { name: string; start: number; end: number } | undefined;
  for (let i = 0; i + 9 < tokens.length; i++) {
    const t = texts(tokens, i, 10);
    if (t[0] !== 'const' || tokens[i + 1]!.kind !== 'name' || t[2] !== '=' || t[3] !== 'require') continue;
    if (t[4] !== '(' || t[5] !== '"formwork:regexp"' || t[6] !== ')' || t[7] !== '.') continue;
    if (t[8] !== 'default' || t[9] !== ';') continue;
    // More than one such declaration is not ajv's shape.
    if (declaration) return code;
    declaration = { name: t[1]!, start: tokens[i]!.start, end: tokens[i + 9]!.start + 1 };
  }
  if (!declaration) return code;
  const { name } = declaration;
  const parts: string[] = [];
  let from = 0;
  let uses = 0;
  let rewritten = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'name' || token.text !== name || tokens[i - 1]?.text === '.') continue;
    uses++;
    // `NAME ( "pattern" , "flags" )`
    const t = texts(tokens, i + 1, 5);
    const pattern = jsonString(tokens[i + 2]);
    const flags = jsonString(tokens[i + 4]);
    if (t[0] !== '(' || t[2] !== ',' || t[4] !== ')' || pattern === undefined || flags === undefined)
      continue;
    if (!nativeIfBounded(pattern, flags)) continue;
    // ajv declares the function before the constants that call it; a call before it is not ajv's shape.
    if (token.start < declaration.start) return code;
    parts.push(code.slice(from, token.start), NATIVE_REGEXP);
    from = token.start + name.length;
    rewritten++;
  }
  if (rewritten === 0) return code;
  parts.push(code.slice(from));
  const out = parts.join('');
  // Every rewrite is after the declaration, so it is where it was. It counts as one use of the name; the
  // declaration of "formwork:regexp" stays only while another use remains.
  const keepRegExp = uses - 1 > rewritten;
  const original = code.slice(declaration.start, declaration.end);
  const replacement = keepRegExp ? `${original}\n${DECLARATION}` : DECLARATION;
  return out.slice(0, declaration.start) + replacement + out.slice(declaration.end);
}
