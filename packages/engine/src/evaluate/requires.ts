/** Gate `requires`: which concrete record pointers are still missing (`*` fans out over array items). */
import { joinPointer, ownGet, parsePointer } from '../pointer.js';

/** Missing means absent, null, an empty or blank string, or an empty array. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function missingPointers(data: unknown, requires: readonly string[]): string[] {
  const missing: string[] = [];
  for (const pattern of requires) {
    const segments = parsePointer(pattern);
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
  return [...new Set(missing)];
}
