/** Gate `requires`: which concrete record pointers are still missing (`*` fans out over array items). */
import { joinPointer, ownGet, parsePointer } from '../pointer.js';

/** Missing means absent, null, an empty or blank string, or an empty array. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A `requires` pointer parsed once (per compiled template), not per evaluation. */
export interface ParsedRequire {
  pointer: string;
  segments: readonly string[];
  fansOut: boolean;
}

export function parseRequires(requires: readonly string[]): ParsedRequire[] {
  return requires.map((pointer) => {
    const segments = parsePointer(pointer);
    return { pointer, segments, fansOut: segments.includes('*') };
  });
}

export function missingPointers(data: unknown, requires: readonly (string | ParsedRequire)[]): string[] {
  const missing: string[] = [];
  for (const entry of requires) {
    const { pointer, segments, fansOut } = typeof entry === 'string' ? parseRequires([entry])[0]! : entry;
    if (!fansOut) {
      // Without `*` the concrete pointer is the pattern itself (compile admits only well-formed pointers).
      let value = data;
      for (const segment of segments) value = ownGet(value, segment);
      if (isMissing(value)) missing.push(pointer);
      continue;
    }
    // Breadth-first over `*`: each entry is a concrete pointer and the value found there.
    let frontier: { at: string; value: unknown }[] = [{ at: '', value: data }];
    for (const segment of segments) {
      const next: { at: string; value: unknown }[] = [];
      for (const { at, value } of frontier) {
        if (segment === '*') {
          // No items at all: the list itself is what is missing.
          if (!Array.isArray(value) || value.length === 0) missing.push(at);
          else for (const [i, item] of value.entries()) next.push({ at: joinPointer(at, i), value: item });
        } else {
          next.push({ at: joinPointer(at, segment), value: ownGet(value, segment) });
        }
      }
      frontier = next;
    }
    for (const { at, value } of frontier) if (isMissing(value)) missing.push(at);
  }
  return missing.length > 1 ? [...new Set(missing)] : missing;
}
