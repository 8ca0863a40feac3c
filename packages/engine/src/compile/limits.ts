/** Documented limits of a template (docs/template-format.md). */
export const LIMITS = {
  /** Nesting of objects and arrays in the template document. */
  maxDepth: 64,
  /** Objects, arrays and scalars in the template document. */
  maxNodes: 20_000,
  /** Characters of the template's JSON text. */
  maxJsonChars: 2 * 1024 * 1024,
} as const;

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
