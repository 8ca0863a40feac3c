/**
 * The form schema as ajv compiles it, laid out so that ajv generates each rule once: every `if` subschema, gate
 * schema and the safeguarding rule become entries of the form's `$defs` (an `if` is replaced by a `$ref` to its
 * entry), so the form validator, the `if` validators rjsf asks about and the gate validators share one generated
 * function per condition instead of carrying copies. A `$ref` means the same as its target in place, except where
 * base URIs or dynamic scopes differ or a `$ref` points into an `if`: for such schemas nothing is moved and each
 * validator is compiled on its own, as authored.
 */
import { isRecord } from '../pointer.js';
import { subschemas } from '../template/walk.js';
import type { Json } from '../types.js';

type SchemaObject = { [key: string]: Json };

const UNSAFE_KEYS = new Set([
  '$id',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** Conservative: a field that happens to be called `$id` also turns the sharing off, which only costs size. */
function safeToMove(schema: Json, rootMayHaveId: boolean): boolean {
  const stack: { node: unknown; root: boolean }[] = [{ node: schema, root: true }];
  while (stack.length > 0) {
    const { node, root } = stack.pop()!;
    if (Array.isArray(node)) for (const item of node) stack.push({ node: item, root: false });
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (UNSAFE_KEYS.has(key) && !(root && rootMayHaveId && key === '$id')) return false;
        if (key === '$ref' && typeof value === 'string' && /(^|\/)if(\/|$)/.test(value.split('#')[1] ?? ''))
          return false;
        stack.push({ node: value, root: false });
      }
    }
  }
  return true;
}

/** `{ "$ref": "#/…" }` and nothing else: already one shared function, export its target directly. */
function bareLocalRef(schema: Json): string | undefined {
  if (!isRecord(schema)) return undefined;
  const keys = Object.keys(schema);
  const ref = schema.$ref;
  return keys.length === 1 && typeof ref === 'string' && ref.startsWith('#/') ? ref : undefined;
}

export interface SharedForm {
  /** The form document to give ajv (the input itself when nothing could be shared). */
  schema: SchemaObject;
  /** Fragment (`#/$defs/…`) of the shared function, by template pointer of each `if`. */
  ifs: Map<string, string>;
  /** Fragment of the shared function, by the name of each extra schema (gates, safeguarding). */
  extras: Map<string, string>;
}

/**
 * Lays out the form for ajv with its `if`s and the extra schemas (gate `when`/`check`, safeguarding: schemas over
 * the whole record whose `#/…` refs mean the form's) as shared `$defs`. The input is not changed.
 */
export function shareSubschemas(form: SchemaObject, extras: { name: string; schema: Json }[]): SharedForm {
  const none: SharedForm = { schema: form, ifs: new Map(), extras: new Map() };
  if (!safeToMove(form, true)) return none;
  const copy = structuredClone(form);
  const defs: SchemaObject = isRecord(copy.$defs) ? (copy.$defs as SchemaObject) : {};
  let n = 0;
  const addDef = (schema: Json): string => {
    let name = `formwork-${n++}`;
    while (Object.hasOwn(defs, name)) name = `formwork-${n++}`;
    defs[name] = schema;
    return `#/$defs/${name}`;
  };
  const shared: SharedForm = { schema: copy, ifs: new Map(), extras: new Map() };
  const found: { parent: SchemaObject; pointer: string }[] = [];
  for (const visit of subschemas(copy, '/schema'))
    if (isRecord(visit.schema.if))
      found.push({ parent: visit.schema as SchemaObject, pointer: `${visit.pointer}/if` });
  for (const { parent, pointer } of found) {
    const existing = bareLocalRef(parent.if as Json);
    if (existing) shared.ifs.set(pointer, existing);
    else {
      const fragment = addDef(parent.if as Json);
      parent.if = { $ref: fragment };
      shared.ifs.set(pointer, fragment);
    }
  }
  for (const { name, schema } of extras) {
    if (!safeToMove(schema, false)) continue;
    shared.extras.set(name, bareLocalRef(schema) ?? addDef(schema));
  }
  if (n > 0) copy.$defs = defs;
  return shared;
}
