/**
 * The tokens of the JavaScript ajv generates (names, numbers, strings, regular expressions, comments, punctuators
 * and line breaks), for the rewrites that must know where a token starts and ends. Deliberately small: anything it
 * does not recognise (a template literal, a character outside names, numbers and punctuators) makes it give up,
 * and the callers then leave the code as it is.
 */
export type Kind = 'name' | 'number' | 'string' | 'regexp' | 'comment' | 'punct' | 'newline';

export interface Token {
  kind: Kind;
  text: string;
  /** Where it starts in the code tokenized. */
  start: number;
}

const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[\w$]/;
// Longest first, so that `===` is not read as `==` `=`.
const PUNCTUATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '|',
  '^',
  '!',
  '~',
  '?',
  ':',
  '=',
  '.',
];

const PUNCTUATORS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) PUNCTUATORS_BY_FIRST.set(p[0]!, [...(PUNCTUATORS_BY_FIRST.get(p[0]!) ?? []), p]);

/** After these a `/` starts a regular expression; after anything else it divides. */
function regexpMayFollow(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === 'name')
    return /^(return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else)$/.test(previous.text);
  if (previous.kind === 'punct')
    return !(previous.text === ')' || previous.text === ']' || previous.text === '}');
  return false;
}

function endOfQuoted(code: string, start: number): number {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

function endOfRegExp(code: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return -1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '/') {
      let end = i + 1;
      while (end < code.length && NAME_PART.test(code[end]!)) end++;
      return end;
    }
  }
  return -1;
}

/** The tokens of `code`, or undefined when something is not understood. Whitespace runs with a line break give one newline token. */
export function tokenize(code: string): Token[] | undefined {
  const tokens: Token[] = [];
  let previous: Token | undefined;
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      let j = i;
      let newline = false;
      // Not `newline ||= code[j++] === …`: that stops advancing `j` after the first line break.
      for (; j < code.length && /[ \t\n\r]/.test(code[j]!); j++) if (code[j] === '\n') newline = true;
      if (newline && tokens.at(-1)?.kind !== 'newline')
        tokens.push({ kind: 'newline', text: '\n', start: i });
      i = j;
      continue;
    }
    let end: number;
    let kind: Kind;
    if (NAME_START.test(c)) {
      end = i + 1;
      while (end < code.length && NAME_PART.test(code[end]!)) end++;
      kind = 'name';
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(code[i + 1] ?? ''))) {
      const m = /^(?:0[xX][\da-fA-F]+|\d*\.?\d+(?:[eE][+-]?\d+)?|\d+\.)/.exec(code.slice(i, i + 64));
      if (!m || NAME_PART.test(code[i + m[0].length] ?? '')) return undefined;
      end = i + m[0].length;
      kind = 'number';
    } else if (c === '"' || c === "'") {
      end = endOfQuoted(code, i);
      kind = 'string';
    } else if (c === '`') {
      return undefined;
    } else if (c === '/' && code[i + 1] === '/') {
      end = code.indexOf('\n', i);
      if (end < 0) end = code.length;
      kind = 'comment';
    } else if (c === '/' && code[i + 1] === '*') {
      end = code.indexOf('*/', i + 2);
      if (end >= 0) end += 2;
      kind = 'comment';
    } else if (c === '/' && regexpMayFollow(previous)) {
      end = endOfRegExp(code, i);
      kind = 'regexp';
    } else if (c === '/' && previous?.text === '}') {
      // A block then a regular expression, or an object literal divided: ajv writes neither; not guessed here.
      return undefined;
    } else {
      const p = PUNCTUATORS_BY_FIRST.get(c)?.find((candidate) => code.startsWith(candidate, i));
      if (p === undefined) return undefined;
      end = i + p.length;
      kind = 'punct';
    }
    if (end < 0) return undefined;
    const token = { kind, text: code.slice(i, end), start: i };
    tokens.push(token);
    if (kind !== 'comment') previous = token;
    i = end;
  }
  return tokens;
}
