import type { Json } from '../api/types.js';
import type { IsTextField } from './merge.js';

type Schema = { [key: string]: Json };

function isSchema(value: Json | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema itself and every branch that can add to it (allOf/anyOf/oneOf, if/then/else, local $refs). */
function expand(root: Schema, schema: Schema, depth = 0): Schema[] {
  if (depth > 20) return [];
  const out: Schema[] = [schema];
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: Json | undefined = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isSchema(target) ? target[key] : undefined;
    }
    if (isSchema(target)) out.push(...expand(root, target, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...expand(root, s, depth + 1));
  }
  for (const key of ['then', 'else']) {
    const s = schema[key];
    if (isSchema(s)) out.push(...expand(root, s, depth + 1));
  }
  return out;
}

function isFreeText(schema: Schema): boolean {
  const type = schema.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  return isString && !('enum' in schema) && !('const' in schema) && !('format' in schema);
}

/**
 * Which record pointers hold free text in this template's schema: those are the answers "keep both" may join
 * with a separator. Choices, dates and codes are never joined (the result would not be a valid answer).
 */
export function textFieldsOf(schema: Schema): IsTextField {
  const cache = new Map<string, boolean>();
  return (path) => {
    const known = cache.get(path);
    if (known !== undefined) return known;
    let level: Schema[] = [schema];
    const segments = path === '' ? [] : path.slice(1).split('/');
    for (const raw of segments) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      const next: Schema[] = [];
      for (const s of level.flatMap((x) => expand(schema, x))) {
        const props = s.properties;
        const child = isSchema(props) ? props[key] : undefined;
        if (isSchema(child)) next.push(child);
        if (/^\d+$/.test(key) || key === '*') {
          const items = s.items;
          if (isSchema(items)) next.push(items);
        }
      }
      level = next;
    }
    const answer = level.flatMap((x) => expand(schema, x)).some(isFreeText);
    cache.set(path, answer);
    return answer;
  };
}
