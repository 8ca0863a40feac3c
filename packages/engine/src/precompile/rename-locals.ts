/**
 * Gives ajv's generated names short ones (`vErrors` → `a`, `instancePath` → `b`, `validate55` → `c`, …): about a
 * fifth of a precompiled module's text, which V8 scans and parses on the cold path of every page that opens a form
 * (measured: the benchmark form's module → first result about a fifth faster), and which every browser downloads.
 *
 * One consistent renaming of whole names across the code, shortest names for the most frequent, so scopes do not
 * matter: every occurrence of a name as a variable becomes the same new name, and no new name is a name the code
 * (or its helpers) already has. Only names in ajv's own naming schemes are renamed (RENAMED), and only where they
 * are variables: never after a `.`, never as an object key; a shorthand property or destructuring element
 * (`{rootData}`, `{instancePath=""}`) keeps its key (`{rootData:c}`, `{instancePath:b=""}`).
 * Conservative like the other rewrites: a `{` whose kind (block or object) is not obvious from the token before it,
 * or anything the tokenizer does not understand, leaves the code as it is.
 */
import { type Token, tokenize } from './tokenize.js';

/** ajv 8's generated variables (lib/compile/names.ts and its `gen.name(prefix)` prefixes, numbered). */
const RENAMED =
  /^(?:data\d*|vErrors|errors|instancePath|parentData|parentDataProperty|rootData|dynamicAnchors|evaluated\d*|(?:_errs|_valid|valid|missing|validate|schema|wrapper|func|pattern|formats|props|items|len|key|i|j|item|indices|passing|res|err|errs|_ref)\d+)$/;

// Every reserved word, strict-mode reserved word and global the generated code could mean.
const RESERVED = new Set(
  'do if in for let new try var case else enum eval null this true void with await break catch class const false super throw while yield delete export import public return static switch typeof default extends finally package private continue debugger function arguments interface protected implements instanceof undefined NaN Infinity Object Array Math JSON Number String Boolean RegExp Error Set Map Symbol Date'.split(
    ' ',
  ),
);

/** What the module declares around ajv's code (precompile.ts): `create(rt)`, its `exports` and `require`. */
const CREATE_SCOPE = ['rt', 'exports', 'require', 'create', 'manifest', 'needs'];

/** Tokens before a `{` that opens an object literal or a destructuring pattern. */
const BEFORE_OBJECT = new Set(['(', ',', '=', ':', '?', '[', '||', '&&', '??', '!', 'return']);
/** Tokens before a `{` that opens a block. */
const BEFORE_BLOCK = new Set([')', ';', '{', '}', 'else', 'try', 'finally', 'do', '=>']);

function* shortNames(taken: ReadonlySet<string>): Generator<string> {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';
  const rest = `${first}0123456789`;
  for (let length = 1; ; length++) {
    const total = first.length * rest.length ** (length - 1);
    for (let n = 0; n < total; n++) {
      let k = n;
      let name = first[k % first.length]!;
      k = Math.floor(k / first.length);
      for (let i = 1; i < length; i++) {
        name += rest[k % rest.length]!;
        k = Math.floor(k / rest.length);
      }
      if (!taken.has(name) && !RESERVED.has(name)) yield name;
    }
  }
}

/** Per token: is it a variable reference to rename, a shorthand to expand, or neither. Undefined: give up. */
function classify(tokens: readonly Token[]): ('variable' | 'shorthand' | undefined)[] | undefined {
  const out: ('variable' | 'shorthand' | undefined)[] = new Array(tokens.length).fill(undefined);
  const braces: ('object' | 'block' | 'paren' | 'bracket')[] = [];
  let previous: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'newline' || t.kind === 'comment') continue;
    if (t.kind === 'punct') {
      if (t.text === '{') {
        const before = previous?.text ?? ';';
        if (BEFORE_OBJECT.has(before)) braces.push('object');
        else if (BEFORE_BLOCK.has(before)) braces.push('block');
        else return undefined;
      } else if (t.text === '(') braces.push('paren');
      else if (t.text === '[') braces.push('bracket');
      else if (t.text === '}' || t.text === ')' || t.text === ']') {
        if (braces.pop() === undefined) return undefined;
      }
    } else if (t.kind === 'name' && (t.text === 'switch' || t.text === 'case')) {
      return undefined; // `case x:{` would read as an object: ajv does not write switches
    } else if (
      t.kind === 'name' &&
      RENAMED.test(t.text) &&
      previous?.text !== '.' &&
      previous?.text !== '?.'
    ) {
      let k = i + 1;
      while (tokens[k]?.kind === 'newline') k++;
      const next = tokens[k]?.text;
      const inObject = braces.at(-1) === 'object';
      const afterOpen = previous?.text === '{' || previous?.text === ',';
      if (inObject && afterOpen && next === ':') {
        // an object key: stays
      } else if (inObject && afterOpen && (next === ',' || next === '}' || next === '=')) {
        out[i] = 'shorthand';
      } else if (inObject && afterOpen) {
        return undefined; // `{ name(…) {…} }` or anything else: not ajv's
      } else out[i] = 'variable';
    }
    previous = t;
  }
  return braces.length === 0 ? out : undefined;
}

/** `code` (ajv's body) with its generated names shortened; `helpers` is the code around it (names it must not take). */
export function renameLocals(code: string, helpers = ''): string {
  const tokens = tokenize(code);
  const around = tokenize(helpers);
  if (!tokens || !around) return code;
  const kinds = classify(tokens);
  if (!kinds) return code;
  const counts = new Map<string, number>();
  const taken = new Set<string>();
  // And the names `create(rt)` (precompile.ts) declares around the body: a body's top-level `const rt` would clash.
  for (const name of CREATE_SCOPE) taken.add(name);
  for (const t of [...tokens, ...around]) if (t.kind === 'name') taken.add(t.text);
  // A variable of the helpers with one of these names (none today) would be theirs: then nothing is renamed.
  const aroundKinds = classify(around);
  if (!aroundKinds || aroundKinds.some((kind) => kind !== undefined)) return code;
  for (let i = 0; i < tokens.length; i++)
    if (kinds[i]) counts.set(tokens[i]!.text, (counts.get(tokens[i]!.text) ?? 0) + 1);
  // The code's own names stay taken (a renamed one could otherwise be given a name another still uses).
  const names = shortNames(taken);
  // Most frequent first; ties by name, so the same code always gives the same module.
  const renamed = new Map<string, string>();
  for (const [name] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    renamed.set(name, names.next().value as string);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const t = tokens[i]!;
    const to = renamed.get(t.text)!;
    parts.push(code.slice(from, t.start), kind === 'shorthand' ? `${t.text}:${to}` : to);
    from = t.start + t.text.length;
  }
  parts.push(code.slice(from));
  return parts.join('');
}
