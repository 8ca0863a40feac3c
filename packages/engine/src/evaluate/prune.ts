/**
 * prune(compiled, data): removes values that sit in branches the answers do not open (an unticked indicator
 * leaves its follow-up answers behind; rjsf keeps them for array-driven branches). Values the schema does not
 * declare anywhere are left alone: prune only removes what a closed branch declared. Never mutates the input.
 */
import { isRecord, joinPointer } from '../pointer.js';
import { ifPointers } from '../runtime/compiled-template.js';
import type { CompiledTemplate, Json, PruneResult, Validator } from '../types.js';
import { resolveRef } from './field-title.js';

type SchemaObject = { [key: string]: unknown };

interface Walk {
  root: unknown;
  baseId: string | undefined;
  ifs: WeakMap<object, Validator>;
  removed: PruneResult['removed'];
  record: unknown;
}

/** Splits the subschemas applying at one level into open ones and those of branches that are not taken. */
function expand(walk: Walk, open: unknown[], value: unknown): { open: SchemaObject[]; closed: unknown[] } {
  const out: SchemaObject[] = [];
  const closed: unknown[] = [];
  const seen = new Set<unknown>();
  const stack = [...open];
  while (stack.length > 0 && out.length < 5_000) {
    const s = stack.pop();
    if (!isRecord(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') stack.push(resolveRef(walk.root, s.$ref, walk.baseId));
    // anyOf/oneOf branches are kept open: pruning must never drop an answer it cannot prove is hidden.
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
      if (Array.isArray(s[key])) stack.push(...(s[key] as unknown[]));
    if (isRecord(s.if)) {
      const taken = conditionHolds(walk, s.if, value);
      if (s.then !== undefined) (taken ? stack : closed).push(s.then);
      if (s.else !== undefined) (taken ? closed : stack).push(s.else);
    }
  }
  return { open: out, closed };
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
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const child = value[key] as Json;
    const at = joinPointer(pointer, key);
    const openSchemas = openProps.get(key);
    if (openSchemas)
      setOwn(out, key, pruneNode(walk, openSchemas, closedProps.get(key) ?? [], child, at, depth + 1));
    else if (closedProps.has(key)) walk.removed.push({ path: at, value: child });
    else setOwn(out, key, child);
  }
  return out;
}

export function prune(compiled: CompiledTemplate, data: Json): PruneResult {
  const ifs = new WeakMap<object, Validator>();
  for (const { pointer, schema } of ifPointers(compiled.schema)) {
    const validate = compiled.validators.ifs[pointer];
    if (validate) ifs.set(schema, validate);
  }
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
