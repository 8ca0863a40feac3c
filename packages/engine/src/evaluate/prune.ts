/**
 * prune(compiled, data): removes values that sit in branches the answers do not open (an unticked indicator
 * leaves its follow-up answers behind; rjsf keeps them for array-driven branches), and values the schema does not
 * declare (a field from a newer template version in a record pinned to an older one). Every removed value is
 * returned with its pointer, so that it stays visible and in history; nothing is dropped silently. Never mutates
 * the input.
 *
 * Undeclared keys: an object whose schemas declare `properties` keeps only the keys declared there (in any open
 * or closed branch), unless a schema at that level allows more explicitly (`additionalProperties` or
 * `unevaluatedProperties` other than `false`) or declares keys prune cannot list (`patternProperties`,
 * `dependentSchemas`, a `$ref` it cannot follow): then undeclared keys are kept, as an object schema without
 * `properties` keeps them. Prune never removes a value it cannot prove undeclared.
 */
import { isRecord, joinPointer } from '../pointer.js';
import type { CompiledTemplate, Json, PruneResult, Validator } from '../types.js';
import { resolveRef } from './field-title.js';
import { ifValidatorsOf } from './if-validators.js';

type SchemaObject = { [key: string]: unknown };

interface Walk {
  root: unknown;
  baseId: string | undefined;
  ifs: WeakMap<object, Validator>;
  removed: PruneResult['removed'];
  record: unknown;
}

/** Splits the subschemas applying at one level into open ones and those of branches that are not taken. */
function expand(
  walk: Walk,
  open: unknown[],
  value: unknown,
): { open: SchemaObject[]; closed: unknown[]; opaque: boolean } {
  const out: SchemaObject[] = [];
  const closed: unknown[] = [];
  const seen = new Set<unknown>();
  const stack = [...open];
  // A reference prune cannot follow may declare anything: then no key counts as undeclared.
  let opaque = false;
  while (stack.length > 0) {
    if (out.length >= 5_000) {
      opaque = true;
      break;
    }
    const s = stack.pop();
    if (!isRecord(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') {
      const target = resolveRef(walk.root, s.$ref, walk.baseId);
      if (target === undefined) opaque = true;
      stack.push(target);
    }
    if (s.$dynamicRef !== undefined || s.$recursiveRef !== undefined) opaque = true;
    // anyOf/oneOf branches are kept open: pruning must never drop an answer it cannot prove is hidden.
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(s[key])) stack.push(...(s[key] as unknown[]));
    if (isRecord(s.if)) {
      const taken = conditionHolds(walk, s.if, value);
      if (s.then !== undefined) (taken ? stack : closed).push(s.then);
      if (s.else !== undefined) (taken ? closed : stack).push(s.else);
    }
  }
  return { open: out, closed, opaque };
}

function conditionHolds(walk: Walk, condition: object, value: unknown): boolean {
  const validate = walk.ifs.get(condition);
  if (!validate) return false;
  try {
    return validate.call({}, value, { rootData: walk.record }) === true;
  } catch {
    return false;
  }
}

/** Every subschema of closed branches, all their own branches included. */
function expandClosed(walk: Walk, closed: unknown[]): SchemaObject[] {
  const out: SchemaObject[] = [];
  const seen = new Set<unknown>();
  const stack = [...closed];
  while (stack.length > 0 && out.length < 5_000) {
    const s = stack.pop();
    if (!isRecord(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') stack.push(resolveRef(walk.root, s.$ref, walk.baseId));
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(s[key])) stack.push(...(s[key] as unknown[]));
    for (const key of ['then', 'else'] as const) if (s[key] !== undefined) stack.push(s[key]);
  }
  return out;
}

function propertySchemas(schemas: SchemaObject[]): Map<string, unknown[]> {
  const map = new Map<string, unknown[]>();
  for (const s of schemas) {
    if (!isRecord(s.properties)) continue;
    for (const name of Object.keys(s.properties)) {
      const list = map.get(name) ?? [];
      list.push(s.properties[name]);
      map.set(name, list);
    }
  }
  return map;
}

function itemSchemas(schemas: SchemaObject[], index: number): unknown[] {
  const out: unknown[] = [];
  for (const s of schemas) {
    if (Array.isArray(s.prefixItems) && index < s.prefixItems.length) out.push(s.prefixItems[index]);
    else if (s.items !== undefined) out.push(s.items);
  }
  return out;
}

/** Whether keys that no schema at this level declares are removed (see the header). */
function undeclaredRemoved(open: SchemaObject[], opaque: boolean): boolean {
  if (opaque) return false;
  let declares = false;
  for (const s of open) {
    if (isRecord(s.properties)) declares = true;
    for (const key of ['additionalProperties', 'unevaluatedProperties'] as const)
      if (s[key] !== undefined && s[key] !== false) return false;
    if (s.patternProperties !== undefined || s.dependentSchemas !== undefined) return false;
  }
  return declares;
}

function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  // defineProperty: a record key `__proto__` must stay a plain key, never set the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pruneNode(
  walk: Walk,
  open: unknown[],
  closed: unknown[],
  value: Json,
  pointer: string,
  depth: number,
): Json {
  if (depth > 256 || (open.length === 0 && closed.length === 0)) return value;
  if (Array.isArray(value)) {
    const expanded = expand(walk, open, value);
    const closedAll = expandClosed(walk, [...closed, ...expanded.closed]);
    return value.map((item, i) =>
      pruneNode(
        walk,
        itemSchemas(expanded.open, i),
        itemSchemas(closedAll, i),
        item,
        joinPointer(pointer, i),
        depth + 1,
      ),
    );
  }
  if (!isRecord(value)) return value;
  const expanded = expand(walk, open, value);
  const openProps = propertySchemas(expanded.open);
  const closedProps = propertySchemas(expandClosed(walk, [...closed, ...expanded.closed]));
  const removeUndeclared = undeclaredRemoved(expanded.open, expanded.opaque);
  // A key that only a condition mentions is still the template's: keep it.
  const askedByIf = removeUndeclared
    ? propertySchemas(expandClosed(walk, expanded.open.map((s) => s.if).filter(isRecord)))
    : new Map<string, unknown[]>();
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const child = value[key] as Json;
    const at = joinPointer(pointer, key);
    const openSchemas = openProps.get(key);
    if (openSchemas)
      setOwn(out, key, pruneNode(walk, openSchemas, closedProps.get(key) ?? [], child, at, depth + 1));
    else if (closedProps.has(key) || (removeUndeclared && !askedByIf.has(key)))
      walk.removed.push({ path: at, value: child });
    else setOwn(out, key, child);
  }
  return out;
}

export function prune(compiled: CompiledTemplate, data: Json): PruneResult {
  const ifs = ifValidatorsOf(compiled);
  const walk: Walk = {
    root: compiled.schema,
    baseId: typeof compiled.schema.$id === 'string' ? compiled.schema.$id : undefined,
    ifs,
    removed: [],
    record: data,
  };
  const pruned = pruneNode(walk, [compiled.schema], [], data, '', 0);
  return { data: pruned, removed: walk.removed };
}
