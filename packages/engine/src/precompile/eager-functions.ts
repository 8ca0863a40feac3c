/**
 * Asks V8 to compile the validators a first `evaluate` calls while it parses the module, instead of twice.
 *
 * A function declaration is compiled lazily: V8 pre-parses it when the module loads (to find its end and its
 * free variables), then parses it again, fully, and makes its bytecode on its first call. For a precompiled module,
 * whose first `evaluate` calls nearly every validator, that is two parses of about 150 KB on the cold path of every
 * page that opens a form. A parenthesised function expression, `(function f(…){…})`, is the one shape V8 (and so
 * Chrome and Node alike) compiles eagerly, in the same pass that parses it (its "PIFE" heuristic). So each top-level
 * `function validateN(…){…}` becomes `var validateN=(function validateN(…){…});`, except the names in `lazy`
 * (validators only some callers use: the renderer's `if` conditions).
 *
 * A declaration is hoisted and a `var` is not, so the rewrite moves ajv's `exports.x=validateN;` statements to the
 * end and gives up (returns the code unchanged) if anything else outside a function reads a rewritten name before
 * its definition. Conservative like the other rewrites: code the tokenizer does not understand is left as it is.
 */
import { type Token, tokenize } from './tokenize.js';

interface Declaration {
  name: string;
  /** Token indexes of `function` and of the body's closing `}`. */
  first: number;
  last: number;
}

/** Whether token `i` begins a statement (what comes before it ends one), as ajv writes statements. */
function startsStatement(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.kind === 'newline' || tokens[k]!.kind === 'comment')) k--;
  const previous = tokens[k];
  return previous === undefined || previous.text === ';' || previous.text === '}';
}

/** The index of the token that closes the bracket opened at `open`, or -1. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Top-level `function name(…){…}` declarations, or undefined when the brackets do not balance. */
function declarations(tokens: readonly Token[]): Declaration[] | undefined {
  const found: Declaration[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      if (depth < 0) return undefined;
      continue;
    }
    if (depth !== 0 || t.kind !== 'name' || t.text !== 'function') continue;
    // Only a declaration (a statement of its own), never a function expression inside one.
    if (!startsStatement(tokens, i)) continue;
    const name = tokens[i + 1];
    const paren = tokens[i + 2];
    if (name?.kind !== 'name' || paren?.text !== '(') continue;
    const paramsEnd = closing(tokens, i + 2);
    if (paramsEnd < 0 || tokens[paramsEnd + 1]?.text !== '{') return undefined;
    const bodyEnd = closing(tokens, paramsEnd + 1);
    if (bodyEnd < 0) return undefined;
    found.push({ name: name.text, first: i, last: bodyEnd });
    i = bodyEnd;
  }
  return depth === 0 ? found : undefined;
}

/** An `exports.key=value;` statement outside any function: its first token and what it exports. */
interface ExportStatement {
  at: number;
  key: string;
  value: string;
}

/** `exports.x=name;` at token `i`, or undefined. */
function exportStatement(tokens: readonly Token[], i: number): ExportStatement | undefined {
  const [e, dot, key, eq, value, semi] = tokens.slice(i, i + 6);
  return startsStatement(tokens, i) &&
    e?.text === 'exports' &&
    dot?.text === '.' &&
    key?.kind === 'name' &&
    eq?.text === '=' &&
    value?.kind === 'name' &&
    semi?.text === ';'
    ? { at: i, key: key.text, value: value.text }
    : undefined;
}

const EXPORT_LENGTH = 6;

/**
 * `code` with its top-level validators compiled eagerly, except those exported only under the names in
 * `lazyExports`.
 */
export function eagerFunctions(code: string, lazyExports: ReadonlySet<string>): string {
  const tokens = tokenize(code);
  if (!tokens) return code;
  const found = declarations(tokens);
  if (!found) return code;
  const insideFunction = new Array<boolean>(tokens.length).fill(false);
  for (const d of found) for (let i = d.first; i <= d.last; i++) insideFunction[i] = true;
  const exported: ExportStatement[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const statement = insideFunction[i] ? undefined : exportStatement(tokens, i);
    if (statement) exported.push(statement);
  }
  const lazy = (name: string) => {
    const as = exported.filter((e) => e.value === name);
    return as.length > 0 && as.every((e) => lazyExports.has(e.key));
  };
  const eager = found.filter((d) => !lazy(d.name));
  if (eager.length === 0) return code;
  const names = new Set(eager.map((d) => d.name));
  const definedAt = new Map(eager.map((d) => [d.name, d.first]));

  // The exports of rewritten functions move to the end (after every `var` is assigned).
  const moved = exported.filter((e) => names.has(e.value));
  const skip = new Set<number>();
  for (const e of moved) for (let k = e.at; k < e.at + EXPORT_LENGTH; k++) skip.add(k);
  for (let i = 0; i < tokens.length; i++) {
    if (insideFunction[i] || skip.has(i)) continue;
    const t = tokens[i]!;
    // A read of a rewritten name before its `var` is assigned would see undefined, and so could a call made while
    // the module is still being created (the function may read one defined later): leave the code as it is.
    if (t.kind === 'name' && names.has(t.text) && tokens[i - 1]?.text !== '.') {
      if (i < definedAt.get(t.text)! || tokens[i + 1]?.text === '(') return code;
    }
  }

  const starts = new Map(eager.map((d) => [d.first, d]));
  const parts: string[] = [];
  let from = 0;
  const text = (first: number, last: number) =>
    code.slice(tokens[first]!.start, tokens[last]!.start + tokens[last]!.text.length);
  for (let i = 0; i < tokens.length; i++) {
    const d = starts.get(i);
    if (d) {
      parts.push(code.slice(from, tokens[i]!.start), `var ${d.name}=(${text(d.first, d.last)});`);
      from = tokens[d.last]!.start + 1;
      i = d.last;
    } else if (skip.has(i)) {
      parts.push(code.slice(from, tokens[i]!.start));
      from = tokens[i]!.start + tokens[i]!.text.length;
    }
  }
  parts.push(code.slice(from), moved.map((e) => `exports.${e.key}=${e.value};`).join(''));
  return parts.join('');
}
