/** The question's title for a record pointer, found through properties, branches, `$ref`s and array items. */
import { getAt, isRecord, parsePointer } from '../pointer.js';

type SchemaObject = { [key: string]: unknown };

/** Every subschema that applies at one level: the schema itself, its local `$ref`, allOf/anyOf/oneOf, then/else. */
export function expandAll(schemas: unknown[], root: unknown): SchemaObject[] {
  const out: SchemaObject[] = [];
  const seen = new Set<unknown>();
  const stack = [...schemas];
  const baseId = isRecord(root) && typeof root.$id === 'string' ? root.$id : undefined;
  while (stack.length > 0 && out.length < 5_000) {
    const s = stack.pop();
    if (!isRecord(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') stack.push(resolveRef(root, s.$ref, baseId));
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(s[key])) stack.push(...(s[key] as unknown[]));
    for (const key of ['then', 'else'] as const) if (s[key] !== undefined) stack.push(s[key]);
  }
  return out;
}

export function resolveRef(root: unknown, ref: string, baseId: string | undefined): unknown {
  let fragment: string | undefined;
  if (ref.startsWith('#')) fragment = ref.slice(1);
  else if (baseId && ref.startsWith(`${baseId}#`)) fragment = ref.slice(baseId.length + 1);
  if (fragment === undefined) return undefined;
  try {
    return getAt(root, decodeURIComponent(fragment));
  } catch {
    return undefined;
  }
}

/** The subschemas that describe the value at a record pointer (`*` or an index for array items). */
export function schemasAt(root: unknown, pointer: string): SchemaObject[] {
  let current: unknown[] = [root];
  for (const segment of parsePointer(pointer)) {
    const next: unknown[] = [];
    for (const s of expandAll(current, root)) {
      if (isRecord(s.properties) && Object.hasOwn(s.properties, segment)) next.push(s.properties[segment]);
      if (segment === '*' || /^\d+$/.test(segment)) {
        if (s.items !== undefined) next.push(s.items);
        if (Array.isArray(s.prefixItems) && segment !== '*') next.push(s.prefixItems[Number(segment)]);
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return expandAll(current, root);
}

function humanise(segment: string): string {
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'This answer';
}

export function titleInSchema(root: unknown, pointer: string): string {
  for (const s of schemasAt(root, pointer))
    if (typeof s.title === 'string' && s.title.trim() !== '') return s.title;
  const segments = parsePointer(pointer).filter((s) => s !== '*' && !/^\d+$/.test(s));
  return segments.length > 0 ? humanise(segments[segments.length - 1]!) : 'This record';
}
