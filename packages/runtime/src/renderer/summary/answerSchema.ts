import type { Json } from '@formwork/engine/runtime';

type SchemaObject = { [key: string]: Json };

const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the summary needs to know about one answer, read from every subschema that may describe it (its own, and
 * those its `$ref`, `allOf`/`anyOf`/`oneOf` and `then`/`else` branches add). Which branches apply is not decided
 * here: the record is pruned first (the engine's `prune`), so only answers to questions that are asked remain.
 */
export interface AnswerSchema {
  title?: string;
  format?: string;
  /** Option labels by stable code (`oneOf: [{ const, title }]`, or `enum` codes labelled by themselves). */
  options?: Map<Json, string>;
  /** Property schemas by key, in the order they are declared (own properties first, then branches'). */
  properties: Map<string, SchemaObject[]>;
  items: SchemaObject[];
}

/** Expands `schemas` through local `$ref`s, applicators and branches: every subschema describing one value. */
function expand(schemas: readonly unknown[], root: SchemaObject): SchemaObject[] {
  const out: SchemaObject[] = [];
  const seen = new Set<unknown>();
  const queue = [...schemas];
  // A bound, so that a hostile or cyclic template cannot hang the page.
  while (queue.length > 0 && out.length < 2_000) {
    const s = queue.shift();
    if (!isObject(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') queue.push(resolveLocalRef(root, s.$ref));
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[key];
      if (Array.isArray(list) && !isOptionList(list)) queue.push(...list);
    }
    for (const key of ['then', 'else'] as const) if (s[key] !== undefined) queue.push(s[key]);
  }
  return out;
}

function resolveLocalRef(root: SchemaObject, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[seg] : Array.isArray(node) ? node[Number(seg)] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function isOptionList(list: readonly unknown[]): boolean {
  return list.length > 0 && list.every((o) => isObject(o) && 'const' in o);
}

export function describeAnswer(schemas: readonly unknown[], root: SchemaObject): AnswerSchema {
  const all = expand(schemas, root);
  const out: AnswerSchema = { properties: new Map(), items: [] };
  for (const s of all) {
    if (out.title === undefined && typeof s.title === 'string') out.title = s.title;
    if (out.format === undefined && typeof s.format === 'string') out.format = s.format;
    if (out.options === undefined) {
      const list = s.oneOf ?? s.anyOf;
      if (Array.isArray(list) && isOptionList(list)) {
        out.options = new Map(
          list.map((o) => {
            const option = o as SchemaObject;
            const code = option.const as Json;
            return [code, typeof option.title === 'string' ? option.title : String(code)];
          }),
        );
      } else if (Array.isArray(s.enum)) out.options = new Map(s.enum.map((c) => [c, String(c)]));
    }
    if (isObject(s.properties))
      for (const [k, v] of Object.entries(s.properties)) {
        const list = out.properties.get(k) ?? [];
        list.push(v as SchemaObject);
        out.properties.set(k, list);
      }
    if (s.items !== undefined && isObject(s.items)) out.items.push(s.items);
  }
  return out;
}
