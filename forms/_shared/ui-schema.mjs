// Builds a uiSchema from the form schema so every template follows the same conventions: `ui:order` ending with
// "*" (branch fields listed where they belong), radios for short single choices, checkboxes for multi-selects,
// textareas for narratives. `overrides` adds help text and anything else, merged over the generated entries.
import { actionUi } from './action.mjs';
import { personUi } from './person.mjs';

const RADIO_MAX = 7;

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Properties of an object node, with those a root `then` adds to it, in authoring order. */
function collect(node, thens, path) {
  const props = new Map(Object.entries(node.properties ?? {}));
  for (const then of thens) {
    let at = then;
    for (const key of path) at = at?.properties?.[key];
    for (const [k, v] of Object.entries(at?.properties ?? {})) {
      const before = props.get(k);
      props.set(k, before ? { ...before, ...v, properties: { ...before.properties, ...v.properties } } : v);
    }
  }
  return props;
}

function widgetFor(schema) {
  if (schema.type === 'string' && Array.isArray(schema.oneOf) && schema.oneOf.length <= RADIO_MAX)
    return { 'ui:widget': 'radio' };
  if (schema.type === 'array' && schema.uniqueItems && schema.items?.oneOf)
    return { 'ui:widget': 'checkboxes' };
  if (schema.type === 'string' && (schema.maxLength ?? 0) > 500) return { 'ui:widget': 'textarea' };
  if (schema.type === 'array' && schema.items?.$ref === '#/$defs/action') return { items: actionUi };
  if (schema.type === 'array' && schema.items?.$ref === '#/$defs/person') return { items: personUi };
  return {};
}

function build(node, thens, path) {
  const props = collect(node, thens, path);
  const ui = { 'ui:order': [...props.keys(), '*'] };
  for (const [key, schema] of props) {
    const entry = schema.type === 'object' ? build(schema, thens, [...path, key]) : widgetFor(schema);
    if (schema.type === 'array' && schema.items?.type === 'object' && !schema.items.$ref)
      entry.items = build(schema.items, [], []);
    if (Object.keys(entry).length) ui[key] = entry;
  }
  return ui;
}

function mergeDeep(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(a[k]) ? mergeDeep(a[k], v) : v;
  return out;
}

export function autoUi(sections, display, overrides = {}) {
  const thens = display.map((d) => d.then);
  return mergeDeep(build({ properties: sections }, thens, []), overrides);
}
