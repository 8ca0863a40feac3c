/**
 * ajv checks an `enum` of plain values as a chain of comparisons, `if(!((((x === "a") || (x === "b")) || …)))`:
 * 627 comparisons in 87 chains on the benchmark form, about a tenth of its code, all parsed and compiled by the
 * JavaScript engine before the first record is checked. Each chain of at least MIN_VALUES becomes one lookup in a
 * Set of the same values, `if(!$enum[3].has(x))`, with the values in one JSON string parsed when the module is
 * created.
 *
 * The same decision for every value of `x`: `Set.prototype.has` compares with SameValueZero, which differs from
 * `===` only for NaN, and the values here are JSON literals (strings, numbers, true, false, null), never NaN. Only
 * exactly this shape is rewritten: `||` of parenthesised `name === literal` comparisons of one name, nothing else.
 */
import { singleQuoted } from './single-quoted.js';
import { type Token, tokenize } from './tokenize.js';

/** Shorter chains are left as they are: a few comparisons are as small and as fast as a lookup. */
const MIN_VALUES = 4;

const ENUM_HELPER = '$enum';

function isLiteral(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'string') return token.text.startsWith('"');
  if (token.kind === 'number') return /^(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(token.text);
  return token.kind === 'name' && (token.text === 'true' || token.text === 'false' || token.text === 'null');
}

/**
 * Parses `expr := term ('||' term)*; term := '(' expr ')' | NAME '===' LITERAL` from `tokens[at]`, all comparisons
 * of one name. Returns the index after it, or -1.
 */
function parseChain(
  tokens: Token[],
  at: number,
  chain: { name?: string; values: unknown[] },
  depth = 0,
): number {
  if (depth > 400) return -1;
  let i = parseTerm(tokens, at, chain, depth);
  while (i >= 0 && tokens[i]?.text === '||') i = parseTerm(tokens, i + 1, chain, depth);
  return i;
}

function parseTerm(
  tokens: Token[],
  at: number,
  chain: { name?: string; values: unknown[] },
  depth: number,
): number {
  const first = tokens[at];
  if (first?.text === '(') {
    const end = parseChain(tokens, at + 1, chain, depth + 1);
    return end >= 0 && tokens[end]?.text === ')' ? end + 1 : -1;
  }
  if (
    first?.kind !== 'name' ||
    isLiteral(first) ||
    tokens[at + 1]?.text !== '===' ||
    !isLiteral(tokens[at + 2])
  )
    return -1;
  if (chain.name !== undefined && chain.name !== first.text) return -1;
  chain.name = first.text;
  chain.values.push(JSON.parse(tokens[at + 2]!.text));
  return at + 3;
}

/**
 * Rewrites every such chain; returns the code, the helper text defining `$enumValues` (the lists) and `$enum` (their
 * Sets), empty when there is none, and each list's index by its JSON (error-table.ts shares them).
 */
export function enumSets(code: string): { code: string; helper: string; lists: Map<string, number> } {
  const tokens = tokenize(code)?.filter((t) => t.kind !== 'newline' && t.kind !== 'comment');
  if (!tokens) return { code, helper: '', lists: new Map() };
  const lists: unknown[][] = [];
  const index = new Map<string, number>();
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i + 3 < tokens.length; i++) {
    // `if ( ! ( chain ) )`
    if (tokens[i]!.text !== 'if' || tokens[i - 1]?.text === '.') continue;
    if (tokens[i + 1]!.text !== '(' || tokens[i + 2]!.text !== '!') continue;
    if (tokens[i + 3]!.text !== '(') continue;
    const chain: { name?: string; values: unknown[] } = { values: [] };
    const end = parseChain(tokens, i + 4, chain);
    if (end < 0 || tokens[end]?.text !== ')' || tokens[end + 1]?.text !== ')') continue;
    if (chain.name === undefined || chain.values.length < MIN_VALUES) continue;
    const key = JSON.stringify(chain.values);
    let n = index.get(key);
    if (n === undefined) {
      n = lists.length;
      lists.push(chain.values);
      index.set(key, n);
    }
    const open = tokens[i + 3]!;
    const close = tokens[end]!;
    parts.push(code.slice(from, open.start), `${ENUM_HELPER}[${n}].has(${chain.name})`);
    from = close.start + 1;
    i = end;
  }
  if (lists.length === 0) return { code, helper: '', lists: index };
  parts.push(code.slice(from));
  return {
    code: parts.join(''),
    helper: [
      `const $enumValues = JSON.parse(${singleQuoted(JSON.stringify(lists))});`,
      `const ${ENUM_HELPER} = $enumValues.map((values) => new Set(values));`,
    ].join('\n'),
    lists: index,
  };
}
