// A stand-in for @formwork/engine's evaluate/prune, used only while packages/engine/dist is not built, so the
// template logic can be exercised as it is written. It follows docs/architecture.md ("Evaluate semantics"); the
// real engine is authoritative and `forms/test.mjs` prefers it whenever it is built.
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';

const addFormats = formatsModule.default?.default ?? formatsModule.default ?? formatsModule;

function getAt(root, pointer) {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return node;
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const dayFormats = new Map([['Europe/London', londonDay]]);

function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'x-within',
    type: 'string',
    schemaType: 'object',
    validate: (s, data, _p, cxt) => {
      const ref = Date.parse(getAt(cxt.rootData, s.after));
      const t = Date.parse(data);
      if (Number.isNaN(ref) || Number.isNaN(t)) return true;
      const h = (t - ref) / 3.6e6;
      return h >= (s.minHours ?? 0) && h <= (s.maxHours ?? Number.POSITIVE_INFINITY);
    },
  });
  ajv.addKeyword({
    keyword: 'x-sameDay',
    type: 'string',
    schemaType: 'object',
    validate: (s, data, _p, cxt) => {
      const other = Date.parse(getAt(cxt.rootData, s.as));
      const t = Date.parse(data);
      if (Number.isNaN(other) || Number.isNaN(t)) return true;
      let f = dayFormats.get(s.timeZone);
      if (!f) {
        f = new Intl.DateTimeFormat('en-CA', { timeZone: s.timeZone });
        dayFormats.set(s.timeZone, f);
      }
      return f.format(t) === f.format(other);
    },
  });
  return ajv;
}

function substitute(value, params) {
  if (Array.isArray(value)) return value.map((v) => substitute(v, params));
  if (value === null || typeof value !== 'object') return value;
  if ('$param' in value) {
    if (!(value.$param in params)) throw new Error(`undeclared parameter ${value.$param}`);
    return params[value.$param].value;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params)]));
}

const present = (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

export function compile(template) {
  const params = template.parameters ?? {};
  const schema = substitute(template.schema, params);
  const ajv = createAjv();
  const validate = ajv.compile(schema);
  const cache = new Map();
  const sub = (s) => {
    const key = JSON.stringify(s);
    if (!cache.has(key))
      cache.set(key, ajv.compile({ $defs: schema.$defs, ...(typeof s === 'object' ? s : {}) }));
    return cache.get(key);
  };
  const gates = (template.gates ?? []).map((g) => ({
    ...g,
    when: g.when === undefined ? undefined : substitute(g.when, params),
    check: g.check === undefined ? undefined : substitute(g.check, params),
  }));
  return { template, schema, validate, sub, gates, stages: template.stages ?? [] };
}

function deref(c, node) {
  let n = node;
  while (n && typeof n.$ref === 'string') n = getAt(c.schema, n.$ref.slice(1));
  return n;
}

/** The subschemas that apply to `value` at this level: the node, its `$ref`, `allOf`, and `then` of true `if`s. */
function applicable(c, node, value, out = []) {
  const n = deref(c, node);
  if (!n || typeof n !== 'object') return out;
  out.push(n);
  for (const part of n.allOf ?? []) applicable(c, part, value, out);
  if (n.if !== undefined) {
    const holds = c.sub(n.if)(value);
    const branch = holds ? n.then : n.else;
    if (branch !== undefined) applicable(c, branch, value, out);
  }
  return out;
}

function pruneValue(c, nodes, value, path, removed) {
  if (Array.isArray(value)) {
    const itemNodes = nodes.flatMap((n) => (n.items && typeof n.items === 'object' ? [n.items] : []));
    if (itemNodes.length === 0) return value;
    return value.map((item, i) => {
      const applied = itemNodes.flatMap((n) => applicable(c, n, item));
      return pruneValue(c, applied, item, `${path}/${i}`, removed);
    });
  }
  if (value === null || typeof value !== 'object') return value;
  const props = new Map();
  let declares = false;
  for (const n of nodes) {
    if (n.properties) {
      declares = true;
      for (const [k, s] of Object.entries(n.properties)) props.set(k, [...(props.get(k) ?? []), s]);
    }
  }
  if (!declares) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const key = `${path}/${k}`;
    if (!props.has(k)) {
      removed.push({ path: key, value: v });
      continue;
    }
    const applied = props.get(k).flatMap((s) => applicable(c, s, v));
    out[k] = pruneValue(c, applied, v, key, removed);
  }
  return out;
}

export function prune(c, data) {
  const removed = [];
  const pruned = pruneValue(c, applicable(c, c.schema, data), data, '', removed);
  return { data: pruned, removed };
}

export function evaluate(c, data, { to } = {}) {
  const { data: record } = prune(c, data);
  const valid = c.validate(record);
  const errors = valid
    ? []
    : c.validate.errors
        .filter((e) => !['if', 'anyOf', 'allOf'].includes(e.keyword))
        .map((e) => ({
          path: e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath,
          rule: e.keyword,
          message: e.message,
        }));
  const order = c.stages.map((s) => s.id);
  if (to !== undefined && !order.includes(to)) return { valid, errors, gates: [], canProceed: false };
  const limit = to === undefined ? order.length : order.indexOf(to);
  const gates = c.gates
    .filter((g) => order.indexOf(g.stage) <= limit)
    .map((g) => {
      if (g.when !== undefined && !c.sub(g.when)(record))
        return { id: g.id, stage: g.stage, severity: g.severity, status: 'not-applicable', missing: [] };
      const missing = (g.requires ?? []).filter((p) => !present(getAt(record, p)));
      const checkOk = g.check === undefined || c.sub(g.check)(record);
      return {
        id: g.id,
        stage: g.stage,
        severity: g.severity,
        status: missing.length === 0 && checkOk ? 'met' : 'blocked',
        missing,
      };
    });
  const blocking = gates.some((g) => g.status === 'blocked' && g.severity === 'block');
  return { valid, errors, gates, canProceed: to === undefined ? valid : valid && !blocking };
}
