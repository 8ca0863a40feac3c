/**
 * Removes the whitespace a JavaScript engine does not need from ajv's generated code (`if(x === undefined){…}else
 * {…}` → `if(x===undefined){…}else{…}`): about a tenth of a precompiled module, which every browser downloads and
 * parses. Nothing else changes: no token is renamed, added or removed.
 *
 * It reads the code as tokens (names, numbers, strings, regular expressions, comments, punctuators) and writes them
 * back with a space only where two tokens would otherwise run together, and a line break wherever the original had
 * one (so automatic semicolon insertion sees the same lines). Conservative, like the other rewrites: a template
 * literal, or anything the tokenizer does not recognise, leaves the code as it is; and the result is tokenized again
 * and must give exactly the same tokens, or the code is left as it is.
 */

import { type Token, tokenize } from './tokenize.js';

/** Whether `a` directly followed by `b` would be read differently. */
function needsSpace(a: Token, b: Token): boolean {
  if (a.kind === 'newline' || b.kind === 'newline') return false;
  const last = a.text.at(-1)!;
  const first = b.text[0]!;
  const wordy = (ch: string) => /[\w$]/.test(ch);
  if (wordy(last) && wordy(first)) return true;
  if (a.kind === 'number' && first === '.') return true;
  // `a + +b`, `a - -b`, `a / /re/`, `x = /* … */`: operators that would merge or start a comment.
  if ((last === '+' || last === '-') && first === last) return true;
  if (last === '/' && (first === '/' || first === '*')) return true;
  return false;
}

export function minifyWhitespace(code: string): string {
  const tokens = tokenize(code);
  if (!tokens) return code;
  let out = '';
  let previous: Token | undefined;
  for (const token of tokens) {
    if (previous && needsSpace(previous, token)) out += ' ';
    out += token.text;
    previous = token;
  }
  const again = tokenize(out);
  if (
    !again ||
    again.length !== tokens.length ||
    again.some((t, i) => t.kind !== tokens[i]!.kind || t.text !== tokens[i]!.text)
  )
    return code;
  return out;
}
