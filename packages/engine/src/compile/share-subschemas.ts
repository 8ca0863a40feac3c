/**
 * The form schema as ajv compiles it, laid out so that ajv generates each named condition once: gate schemas and
 * the safeguarding rule become entries of the form's `$defs`, and an `if` that is just a `$ref` to a condition is
 * exported as that condition. With `inlineRefs: false` the form, its `if`s, the gates and the safeguarding rule
 * then call one function per condition instead of carrying copies.
 *
 * An `if` written out in place stays in place: moved behind a `$ref`, the form would call a function that builds
 * error objects for every condition that does not hold (in place, ajv checks it without building any), which
 * made evaluate about 40 % slower on the benchmark form for 1 % less code. Measured again once errors were cheap
 * (error table, per-section functions; two interleaved runs of bench/engine.mjs each way): evaluate valid 0.46 →
 * 0.55–0.59× raw ajv, invalid 0.98 → 1.07×, the cold path's first evaluate 6.4–7.5 → 9.2–9.5 ms, for 29.7 → 28.9
 * KiB gzipped (204 → 199 KiB raw). Still not worth it.
 *
 * Each top-level section (a schema under the form's `properties` with subschemas of its own) is moved to `$defs` and the form refers to it
 * with a `$ref`: ajv then generates one function per section instead of one function for the whole form. The
 * benchmark form's single function was too large for V8's optimising compiler (it ran unoptimised on every call,
 * at 18–40 µs); per section, each is optimised. Errors, their order and every decision are the same (a `$ref`'s
 * errors are appended where the inline ones were); only `schemaPath` names the `$defs` entry. Done only when every
 * `$ref` names a `$defs` entry, so that no reference can point into a moved section by its path.
 *
 * A `$ref` means the same as its target in place, except where base URIs or dynamic scopes differ: for schemas
 * with those, nothing is moved and each validator is compiled on its own, as authored.
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
function safeToShare(schema: Json, rootMayHaveId: boolean): boolean {
  const stack: { node: unknown; root: boolean }[] = [{ node: schema, root: true }];
  while (stack.length > 0) {
    const { node, root } = stack.pop()!;
    if (Array.isArray(node)) for (const item of node) stack.push({ node: item, root: false });
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (UNSAFE_KEYS.has(key) && !(root && rootMayHaveId && key === '$id')) return false;
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
  /** The form document to give ajv (the input itself when nothing is added). */
  schema: SchemaObject;
  /** `$defs` key of each top-level section moved behind a `$ref`, by its property name (see splitSections). */
  sections: Map<string, string>;
  /** Fragment (`#/…`) of the shared function, by template pointer of each `if` that is a bare `$ref`. */
  ifs: Map<string, string>;
  /** Fragment of the shared function, by the name of each extra schema (gates, safeguarding). */
  extras: Map<string, string>;
}

/**
 * Lays out the form for ajv with the extra schemas (gate `when`/`check`, safeguarding: schemas over the whole
 * record whose `#/…` refs mean the form's) as shared `$defs`, and finds the `if`s that are bare `$ref`s. The input
 * is not changed.
 */
export function shareSubschemas(
  form: SchemaObject,
  extras: { name: string; schema: Json }[],
  { split = true }: { split?: boolean } = {},
): SharedForm {
  const shared: SharedForm = { schema: form, ifs: new Map(), extras: new Map(), sections: new Map() };
  if (!safeToShare(form, true)) return shared;
  for (const visit of subschemas(form, '/schema')) {
    const target = isRecord(visit.schema.if) ? bareLocalRef(visit.schema.if as Json) : undefined;
    if (target !== undefined) shared.ifs.set(`${visit.pointer}/if`, target);
  }
  const added: SchemaObject = {};
  const defs: SchemaObject = isRecord(form.$defs) ? (form.$defs as SchemaObject) : {};
  let n = 0;
  for (const { name, schema } of extras) {
    if (!safeToShare(schema, false)) continue;
    let fragment = bareLocalRef(schema);
    if (fragment === undefined) {
      let key = `formwork-${n++}`;
      while (Object.hasOwn(defs, key)) key = `formwork-${n++}`;
      added[key] = schema;
      fragment = `#/$defs/${key}`;
    }
    shared.extras.set(name, fragment);
  }
  const properties = isRecord(form.properties) ? (form.properties as SchemaObject) : undefined;
  let laidOutProperties: SchemaObject | undefined;
  if (split && properties && form.$id === undefined && onlyDefsRefs([form, ...extras.map((e) => e.schema)])) {
    laidOutProperties = {};
    let s = 0;
    for (const [key, section] of Object.entries(properties)) {
      if (!isRecord(section) || bareLocalRef(section) !== undefined || !isComposite(section)) {
        laidOutProperties[key] = section;
        continue;
      }
      let defKey = `formwork-section-${s++}`;
      while (Object.hasOwn(defs, defKey) || Object.hasOwn(added, defKey)) defKey = `formwork-section-${s++}`;
      added[defKey] = section;
      laidOutProperties[key] = { $ref: `#/$defs/${defKey}` };
      shared.sections.set(key, defKey);
    }
  }
  if (Object.keys(added).length > 0)
    shared.schema = {
      ...form,
      ...(laidOutProperties ? { properties: laidOutProperties } : {}),
      $defs: { ...defs, ...added },
    };
  return shared;
}

/** A schema with subschemas of its own (a group of questions, a list, conditions): worth a function of its own. */
function isComposite(schema: SchemaObject): boolean {
  return ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'if', 'prefixItems'].some(
    (key) => schema[key] !== undefined,
  );
}

/**
 * Whether every `$ref` in these schemas names a `$defs`/`definitions` entry of the form (`#/$defs/…`), so that
 * nothing refers to a place inside a section by its path and moving sections cannot change what a `$ref` means.
 */
function onlyDefsRefs(schemas: Json[]): boolean {
  const stack: unknown[] = [...schemas];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && !(typeof value === 'string' && /^#\/(\$defs|definitions)\//.test(value)))
          return false;
        stack.push(value);
      }
    }
  }
  return true;
}
