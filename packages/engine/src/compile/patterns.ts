/**
 * `pattern` checks. Every pattern is matched by a linear-time engine anyway (runtime/regexp.ts); these checks
 * reject at compile time what would not run there, and the nested quantifiers that backtrack catastrophically in
 * the regular-expression engines other tools (rjsf's browser validator) use.
 */
import { linearRegExp } from '../runtime/regexp.js';

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
    linearRegExp(pattern, 'u');
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

interface Group {
  start: number;
  hasUnboundedQuantifier: boolean;
  alternatives: string[];
  current: string;
}

/** Finds a repeated group whose body can match the same text in more than one way: `(a+)+`, `(a|a)*`, `(.*)*`. */
export function catastrophicReason(pattern: string): string | undefined {
  const stack: Group[] = [{ start: -1, hasUnboundedQuantifier: false, alternatives: [], current: '' }];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      top.current += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      top.current += c;
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      top.current += c;
      continue;
    }
    if (c === '(') {
      stack.push({ start: i, hasUnboundedQuantifier: false, alternatives: [], current: '' });
      continue;
    }
    if (c === '|') {
      top.alternatives.push(top.current);
      top.current = '';
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      group.alternatives.push(group.current);
      const body = pattern.slice(group.start, i + 1);
      const quantifier = unboundedQuantifierAt(pattern, i + 1);
      const parent = stack[stack.length - 1]!;
      if (quantifier) {
        if (group.hasUnboundedQuantifier) return `the repeated group ${body} contains another repeat`;
        const alts = group.alternatives.map((a) => a.replace(/^\?:/, ''));
        if (new Set(alts).size < alts.length)
          return `the repeated group ${body} has the same alternative twice`;
      }
      parent.hasUnboundedQuantifier ||= group.hasUnboundedQuantifier || quantifier;
      parent.current += body;
      continue;
    }
    if (unboundedQuantifierAt(pattern, i)) top.hasUnboundedQuantifier = true;
    top.current += c;
  }
  return undefined;
}

function unboundedQuantifierAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === '*' || c === '+') return true;
  if (c === '{') return /^\{\d+,\}/.test(pattern.slice(i));
  return false;
}
