/**
 * Which record pointers a schema can hold, and which fields a condition reads. Used to reject gates, conditions,
 * deadlines, messages and time keywords that name a field the form does not have (a typo there silently turns a
 * rule off). Record pointers are normalised with `*` for array items.
 */
import { getAt, isRecord, joinPointer, parsePointer, wildcardPointer } from '../pointer.js';

const BRANCHES = ['allOf', 'anyOf', 'oneOf'] as const;
const MAX_STEPS = 50_000;

/** Resolves a local `$ref` (`#/$defs/x`, or `<base>#/…` for the form's own id) against the form schema. */
export function resolveLocalRef(root: unknown, ref: string, baseId?: string): unknown {
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

/** Every record pointer (with `*` for array items) the form schema can hold. */
export function knownFields(schema: unknown): Set<string> {
  const known = new Set<string>(['']);
  const seen = new Set<string>();
  const stack: { s: unknown; at: string }[] = [{ s: schema, at: '' }];
  let steps = 0;
  while (stack.length > 0 && steps++ < MAX_STEPS) {
    const { s, at } = stack.pop()!;
    if (!isRecord(s)) continue;
    if (typeof s.$ref === 'string') {
      const key = `${s.$ref} ${at}`;
      if (!seen.has(key)) {
        seen.add(key);
        stack.push({
          s: resolveLocalRef(schema, s.$ref, schema && isRecord(schema) ? (schema.$id as string) : undefined),
          at,
        });
      }
    }
    if (isRecord(s.properties)) {
      for (const name of Object.keys(s.properties)) {
        const child = joinPointer(at, name);
        known.add(child);
        stack.push({ s: s.properties[name], at: child });
      }
    }
    if (Array.isArray(s.required))
      for (const name of s.required) if (typeof name === 'string') known.add(joinPointer(at, name));
    for (const key of BRANCHES)
      if (Array.isArray(s[key])) for (const b of s[key] as unknown[]) stack.push({ s: b, at });
    for (const key of ['if', 'then', 'else', 'not'] as const)
      if (s[key] !== undefined) stack.push({ s: s[key], at });
    if (s.items !== undefined) {
      known.add(`${at}/*`);
      stack.push({ s: s.items, at: `${at}/*` });
    }
    if (Array.isArray(s.prefixItems)) for (const p of s.prefixItems) stack.push({ s: p, at: `${at}/*` });
    if (s.contains !== undefined) stack.push({ s: s.contains, at: `${at}/*` });
  }
  return known;
}

export function isKnownField(known: Set<string>, pointer: string): boolean {
  return known.has(pointer) || known.has(wildcardPointer(pointer));
}

/** Record pointers a condition schema reads: `properties` names and `required` entries, through local `$ref`s. */
export function conditionFields(condition: unknown, formSchema: unknown): { pointer: string; via: string }[] {
  const found: { pointer: string; via: string }[] = [];
  const seen = new Set<string>();
  const baseId = isRecord(formSchema) && typeof formSchema.$id === 'string' ? formSchema.$id : undefined;
  const stack: { s: unknown; at: string; via: string }[] = [{ s: condition, at: '', via: '' }];
  let steps = 0;
  while (stack.length > 0 && steps++ < MAX_STEPS) {
    const { s, at, via } = stack.pop()!;
    if (!isRecord(s)) continue;
    if (typeof s.$ref === 'string') {
      const key = `${s.$ref} ${at}`;
      if (!seen.has(key)) {
        seen.add(key);
        stack.push({ s: resolveLocalRef(formSchema, s.$ref, baseId), at, via: `${via}/$ref` });
      }
    }
    if (isRecord(s.properties)) {
      for (const name of Object.keys(s.properties)) {
        const child = joinPointer(at, name);
        found.push({ pointer: child, via: `${via}/properties/${name}` });
        stack.push({ s: s.properties[name], at: child, via: `${via}/properties/${name}` });
      }
    }
    if (Array.isArray(s.required))
      for (const name of s.required)
        if (typeof name === 'string') found.push({ pointer: joinPointer(at, name), via: `${via}/required` });
    for (const key of BRANCHES)
      if (Array.isArray(s[key]))
        for (const [i, b] of (s[key] as unknown[]).entries())
          stack.push({ s: b, at, via: `${via}/${key}/${i}` });
    for (const key of ['if', 'then', 'else', 'not'] as const)
      if (s[key] !== undefined) stack.push({ s: s[key], at, via: `${via}/${key}` });
    if (s.items !== undefined) stack.push({ s: s.items, at: `${at}/*`, via: `${via}/items` });
    if (s.contains !== undefined) stack.push({ s: s.contains, at: `${at}/*`, via: `${via}/contains` });
  }
  return found;
}

/** A condition that is vacuously true on an empty record: it has no `required` at its top (through $ref/allOf). */
export function hasRequired(condition: unknown, formSchema: unknown, depth = 0): boolean {
  if (depth > 32 || !isRecord(condition)) return condition === false;
  if (Array.isArray(condition.required) && condition.required.length > 0) return true;
  if ('not' in condition || 'const' in condition || 'enum' in condition) return true;
  const baseId = isRecord(formSchema) && typeof formSchema.$id === 'string' ? formSchema.$id : undefined;
  if (
    typeof condition.$ref === 'string' &&
    hasRequired(resolveLocalRef(formSchema, condition.$ref, baseId), formSchema, depth + 1)
  )
    return true;
  if (Array.isArray(condition.allOf) && condition.allOf.some((c) => hasRequired(c, formSchema, depth + 1)))
    return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = condition[key];
    if (Array.isArray(list) && list.length > 0 && list.every((c) => hasRequired(c, formSchema, depth + 1)))
      return true;
  }
  return false;
}

export { parsePointer };
