// Builders for root-level named conditions (`$defs/conditions/<name>`). Every condition is a JSON Schema over the
// whole record and always carries `required`, so it is never true on an empty record (engine-design §7.1).

/** `at('/a/b', schema)`: the value at record pointer /a/b is present and matches `schema`. */
export function at(pointer, schema) {
  const keys = pointer.split('/').slice(1);
  let node = schema;
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    node = { required: [key], properties: { [key]: node } };
  }
  return node;
}

export const is = (pointer, value) => at(pointer, { const: value });
export const isOneOf = (pointer, values) => at(pointer, { enum: values });
/** An array of codes at `pointer` holds `value`. */
export const has = (pointer, value) => at(pointer, { contains: { const: value } });

/** Any of the conditions. The shared top-level `required` keeps the whole thing non-vacuous. */
export function any(...conditions) {
  return { ...requiredOf(shared(conditions)), anyOf: conditions };
}

export function all(...conditions) {
  return { ...requiredOf(union(conditions)), allOf: conditions };
}

/** `base` holds and `other` does not. */
export function but(base, other) {
  return { required: base.required, allOf: [base, { not: other }] };
}

export const ref = (name) => ({ $ref: `#/$defs/conditions/${name}` });

// Only keys every branch needs: `anyOf` of a|b must not demand both.
function shared(conditions) {
  const sets = conditions.map((c) => new Set(c.required ?? []));
  return [...(sets[0] ?? [])].filter((key) => sets.every((s) => s.has(key)));
}

function union(conditions) {
  return [...new Set(conditions.flatMap((c) => c.required ?? []))];
}

function requiredOf(keys) {
  return keys.length ? { required: keys } : {};
}

/** A display rule: when condition `name` holds, the record also has `then` (merged into sections by rjsf). */
export function show(name, then) {
  return { if: ref(name), then };
}

/** `then` fragment adding properties (and required keys) inside one section. */
export function inSection(sectionKey, properties, required = []) {
  return {
    properties: {
      [sectionKey]: { properties, ...(required.length ? { required } : {}) },
    },
  };
}
