// Record generators for property tests: records shaped by a template's schema (so that conditions open, branches
// fill and gates change state), with arbitrary JSON mixed in at any level (so that wrong types reach every keyword).
import fc from 'fast-check';

type Schema = { [key: string]: unknown };
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

const junk = fc.jsonValue({ maxDepth: 2 });
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

function resolveRef(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 10 && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); hops++) {
    let target: unknown = root;
    for (const token of current.$ref.slice(2).split('/')) {
      target = isSchema(target) ? target[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    if (!isSchema(target)) break;
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** Every property an object schema may have, including those its conditional branches add. */
function collectProperties(root: Schema, schema: Schema, out: Map<string, Schema[]>, depth = 0): void {
  if (depth > 6) return;
  const s = resolveRef(root, schema);
  if (isSchema(s.properties)) {
    for (const [key, child] of Object.entries(s.properties)) {
      if (isSchema(child)) out.set(key, [...(out.get(key) ?? []), child]);
    }
  }
  for (const key of ['then', 'else', 'if'])
    if (isSchema(s[key])) collectProperties(root, s[key] as Schema, out, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = s[key];
    if (Array.isArray(list))
      for (const child of list) if (isSchema(child)) collectProperties(root, child, out, depth + 1);
  }
}

function typed(root: Schema, schema: Schema, depth: number, noisy: boolean): fc.Arbitrary<unknown> {
  const s = resolveRef(root, schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const hasProperties = isSchema(s.properties) || Array.isArray(s.allOf);
  if (type === 'object' || (type === undefined && hasProperties)) {
    const properties = new Map<string, Schema[]>();
    collectProperties(root, s, properties);
    if (properties.size === 0 || depth > 6) return fc.constant({});
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, variants] of properties) {
      shape[key] = fc.oneof(...variants.map((v) => recordFor(root, v, depth + 1, noisy)));
    }
    // Clean records keep their required answers so that they can be valid and reach the gates.
    const required =
      !noisy && Array.isArray(s.required)
        ? s.required.filter((k): k is string => typeof k === 'string' && k in shape)
        : [];
    return fc.record(shape, { requiredKeys: required });
  }
  if (type === 'array') {
    const items = isSchema(s.items) ? recordFor(root, s.items, depth + 1, noisy) : junk;
    const max = typeof s.maxItems === 'number' ? Math.min(s.maxItems + 1, 5) : 4;
    const min = typeof s.minItems === 'number' && !noisy ? Math.min(s.minItems, max) : 0;
    return fc.array(items, { minLength: min, maxLength: max });
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer' || type === 'number') {
    const min = typeof s.minimum === 'number' ? s.minimum - 2 : -5;
    const max = typeof s.maximum === 'number' ? s.maximum + 2 : 100;
    return type === 'integer'
      ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
      : fc.double({ min, max, noNaN: true });
  }
  if (type === 'string') {
    if (s.format === 'date-time') return instant;
    if (s.format === 'date') return instant.map((t) => t.slice(0, 10));
    if (s.format === 'time') return instant.map((t) => `${t.slice(11, 19)}Z`);
    if (s.format === 'email') return fc.constantFrom('a@example.test', 'not-an-email', '');
    if (typeof s.pattern === 'string' && !noisy) {
      try {
        return fc.stringMatching(new RegExp(s.pattern));
      } catch {
        // a pattern JavaScript cannot read: fall through to plain strings
      }
    }
    const minLength = typeof s.minLength === 'number' && !noisy ? s.minLength : 0;
    return fc.string({
      minLength,
      maxLength: Math.max(minLength, typeof s.maxLength === 'number' ? Math.min(s.maxLength, 40) : 40),
    });
  }
  return junk;
}

/** A value for `schema`: shaped by it; when noisy, sometimes arbitrary JSON, an empty string or null instead. */
export function recordFor(
  root: Schema,
  schema: Schema,
  depth: number,
  noisy: boolean,
): fc.Arbitrary<unknown> {
  if (!noisy) return typed(root, schema, depth, false);
  return fc.oneof(
    { arbitrary: typed(root, schema, depth, true), weight: 12 },
    { arbitrary: junk, weight: 1 },
    { arbitrary: fc.constantFrom(null, '', []), weight: 1 },
  );
}

/**
 * Whole records for a template's form schema: clean ones (shaped by the schema, required answers present, so that
 * some are valid and gates open), noisy ones (wrong types and blanks anywhere), and now and then arbitrary JSON.
 */
export function recordsFor(formSchema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: typed(formSchema, formSchema, 0, false), weight: 5 },
    { arbitrary: typed(formSchema, formSchema, 0, true), weight: 4 },
    { arbitrary: junk, weight: 1 },
  );
}

/** Every path to a value in a record (objects and arrays included), as key lists. */
function paths(
  value: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (at.length > 12) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...at, i], out);
  } else if (isSchema(value)) for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  if (at.length > 0) out.push(at);
  return out;
}

/**
 * Known records (a template's own test-case data, the baseline's valid record) with a few random edits: a value
 * removed, blanked or replaced by arbitrary JSON. These stay close to valid, so gates and branches flip.
 */
export function editedRecords(known: readonly unknown[]): fc.Arbitrary<unknown> {
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('remove', 'blank', 'replace'), value: junk });
  return fc.tuple(fc.nat(), fc.array(edit, { maxLength: 3 })).map(([index, edits]) => {
    const record = structuredClone(known[index % known.length]);
    for (const { at, kind, value } of edits) {
      const all = paths(record);
      const path = all[at % Math.max(all.length, 1)];
      if (!path) continue;
      const parent = path
        .slice(0, -1)
        .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], record) as
        | Record<string | number, unknown>
        | unknown[];
      const key = path[path.length - 1]!;
      if (kind === 'remove' && Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (kind === 'remove') delete (parent as Record<string | number, unknown>)[key];
      else (parent as Record<string | number, unknown>)[key] = kind === 'blank' ? '' : value;
    }
    return record;
  });
}
