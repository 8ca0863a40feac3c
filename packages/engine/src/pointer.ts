/** RFC 6901 JSON pointers, read without ever touching the prototype chain. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, segment: string | number): string {
  return `${base}/${escapeSegment(String(segment))}`;
}

export function isRecord(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property read: `__proto__`/`constructor` in a record are plain keys, never the prototype. */
export function ownGet(container: unknown, key: string): unknown {
  if (Array.isArray(container)) {
    if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
    return container[Number(key)];
  }
  if (isRecord(container) && Object.hasOwn(container, key)) return container[key];
  return undefined;
}

export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of parsePointer(pointer)) {
    node = ownGet(node, segment);
    if (node === undefined) return undefined;
  }
  return node;
}

/** A record pointer with array indexes replaced by `*` (`/actions/1/owner` → `/actions/*\/owner`). */
export function wildcardPointer(pointer: string): string {
  return pointer.replace(/\/(0|[1-9]\d*)(?=\/|$)/g, '/*');
}
