/**
 * The first look at a template, before anything recursive runs: depth, size and forbidden keys, all checked
 * with an explicit stack so a 10,000-level document gives `too-deep` instead of a stack overflow.
 */
import { joinPointer } from '../pointer.js';
import type { TemplateProblem } from '../types.js';
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';

export function guardDocument(doc: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: doc, pointer: '', depth: 0 }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, pointer, depth } = stack.pop()!;
    nodes++;
    if (nodes > LIMITS.maxNodes) {
      return [
        {
          code: 'too-large',
          pointer: '',
          message: `The template has more than ${LIMITS.maxNodes} values. Split it or move repeated parts into "$defs".`,
        },
      ];
    }
    if (typeof value === 'string') chars += value.length + 2;
    else if (typeof value !== 'object' || value === null) chars += 8;
    if (chars > LIMITS.maxJsonChars) {
      return [
        {
          code: 'too-large',
          pointer,
          message: `The template is larger than ${LIMITS.maxJsonChars / 1024 / 1024} MiB of JSON. Make it smaller.`,
        },
      ];
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= LIMITS.maxDepth) {
      return [
        {
          code: 'too-deep',
          pointer,
          message: `The template is nested deeper than ${LIMITS.maxDepth} levels here. Flatten it or use "$defs" and "$ref".`,
        },
      ];
    }
    if (Array.isArray(value)) {
      chars += 2;
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], pointer: joinPointer(pointer, i), depth: depth + 1 });
      continue;
    }
    chars += 2;
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      chars += key.length + 4;
      const at = joinPointer(pointer, key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          code: 'forbidden-key',
          pointer: at,
          message: `"${key}" cannot be used as a key anywhere in a template (it can alter objects' prototypes). Rename it.`,
        });
        continue;
      }
      stack.push({ value: (value as { [k: string]: unknown })[key], pointer: at, depth: depth + 1 });
    }
  }
  return problems;
}
