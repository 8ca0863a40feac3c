import type { Json } from '@formwork/engine/runtime';
import { segments } from './errorSchema.js';

type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `record` with `value` at `pointer` (only the objects along the path are copied). `undefined` removes
 * the key, as rjsf does for an emptied field. */
export function setIn(record: Json, pointer: string, value: Json | undefined): Json {
  const path = segments(pointer);
  if (path.length === 0) return (value ?? {}) as Json;
  const [head, ...rest] = path as [string, ...string[]];
  const base: JsonObject = isObject(record) ? record : {};
  const next =
    rest.length === 0 ? value : setIn(base[head] ?? {}, `/${rest.map(escapeSegment).join('/')}`, value);
  const copy: JsonObject = { ...base };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** The value at `pointer`, or `undefined`. */
export function getIn(record: Json | undefined, pointer: string): Json | undefined {
  let node: Json | undefined = record;
  for (const seg of segments(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = node[seg];
    else return undefined;
  }
  return node;
}

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
