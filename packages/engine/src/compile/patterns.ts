/**
 * `pattern` checks. Every pattern is matched by a linear-time engine anyway (runtime/regexp.ts); these checks
 * reject at compile time what would not run there, and the nested quantifiers that backtrack catastrophically in
 * the regular-expression engines other tools (rjsf's browser validator) use.
 */
import { compileLinearPattern } from '../runtime/regexp.js';

export type PatternVerdict =
  | { ok: true }
  | { ok: false; code: 'invalid-pattern' | 'unsafe-pattern'; reason: string };

export function checkPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { ok: false, code: 'invalid-pattern', reason: (error as Error).message };
  }
  try {
    compileLinearPattern(pattern);
  } catch (error) {
    return {
      ok: false,
      code: 'invalid-pattern',
      reason: `it uses a feature the engine does not support (look-around or back-references): ${(error as Error).message}`,
    };
  }
  const unsafe = catastrophicReason(pattern);
  return unsafe ? { ok: false, code: 'unsafe-pattern', reason: unsafe } : { ok: true };
}

interface Atom {
  text: string;
  /** The quantifier after the atom ('' when none). */
  quantifier: string;
  /** For a group: its body. */
  body?: string;
}

const UNBOUNDED = /^(\*|\+|\{\d+,\})/;

/** Splits a regular expression (or a group body) into top-level alternatives of quantified atoms. */
function alternatives(source: string): Atom[][] {
  const result: Atom[][] = [[]];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let end = i + 1;
    let body: string | undefined;
    if (c === '|') {
      result.push([]);
      i++;
      continue;
    }
    if (c === '\\') end = i + 2;
    else if (c === '[') {
      end = i + 1;
      if (source[end] === '^') end++;
      if (source[end] === ']') end++;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      end++;
    } else if (c === '(') {
      let depth = 1;
      let inClass = false;
      while (end < source.length && depth > 0) {
        const d = source[end]!;
        if (d === '\\') end++;
        else if (inClass) inClass = d !== ']';
        else if (d === '[') inClass = true;
        else if (d === '(') depth++;
        else if (d === ')') depth--;
        end++;
      }
      body = source.slice(i + 1, end - 1).replace(/^\?(:|=|!|<=|<!|<[A-Za-z]\w*>)/, '');
    }
    const q = /^(\*|\+|\?|\{\d+(,\d*)?\})\??/.exec(source.slice(end));
    const quantifier = q ? q[0] : '';
    result[result.length - 1]!.push({
      text: source.slice(i, end),
      quantifier,
      ...(body !== undefined ? { body } : {}),
    });
    i = end + quantifier.length;
  }
  return result;
}

const ANCHOR = /^(\^|\$|\\b|\\B)$/;

/** Can this alternative match in many ways by itself: every atom optional or repeated, one of them unbounded? */
function ambiguous(alternative: Atom[], depth: number): boolean {
  let unbounded = false;
  for (const atom of alternative) {
    if (ANCHOR.test(atom.text)) continue;
    if (atom.quantifier === '') {
      // An unquantified group is as ambiguous as its own body; any other unquantified atom anchors the repeat.
      if (
        atom.body !== undefined &&
        depth < 20 &&
        alternatives(atom.body).some((a) => ambiguous(a, depth + 1))
      ) {
        unbounded = true;
        continue;
      }
      return false;
    }
    if (UNBOUNDED.test(atom.quantifier)) unbounded = true;
  }
  return unbounded;
}

/** Finds a repeated group whose body can match the same text in more than one way: `(a+)+`, `(a|a)*`, `(.*)*`. */
export function catastrophicReason(pattern: string, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  for (const alternative of alternatives(pattern)) {
    for (const atom of alternative) {
      if (atom.body === undefined) continue;
      if (UNBOUNDED.test(atom.quantifier)) {
        const alts = alternatives(atom.body);
        if (alts.some((a) => ambiguous(a, 0)))
          return `the repeated group ${atom.text} contains another repeat`;
        const texts = alts.map((a) => a.map((x) => x.text + x.quantifier).join(''));
        if (new Set(texts).size < texts.length)
          return `the repeated group ${atom.text} has the same alternative twice`;
      }
      const inner = catastrophicReason(atom.body, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}
