/** Walks the subschemas of a JSON Schema (2020-12 applicators), with their template pointers. Iterative. */
import { isRecord, joinPointer } from '../pointer.js';

const SINGLE = [
  'items',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const;
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

export interface SchemaVisit {
  schema: { [key: string]: unknown };
  pointer: string;
  /** The keyword under which this subschema sits (`if`, `then`, `properties`, …), or '' for the root. */
  via: string;
}

export function* subschemas(schema: unknown, pointer: string): Generator<SchemaVisit> {
  const stack: SchemaVisit[] = [];
  if (isRecord(schema)) stack.push({ schema, pointer, via: '' });
  while (stack.length > 0) {
    const visit = stack.pop()!;
    yield visit;
    const s = visit.schema;
    const push = (value: unknown, at: string, via: string) => {
      if (isRecord(value)) stack.push({ schema: value, pointer: at, via });
    };
    for (const key of SINGLE) if (Object.hasOwn(s, key)) push(s[key], joinPointer(visit.pointer, key), key);
    for (const key of MAPS) {
      const map = s[key];
      if (!isRecord(map)) continue;
      for (const name of Object.keys(map)) {
        const at = joinPointer(joinPointer(visit.pointer, key), name);
        // Convention: named conditions live in `$defs/conditions/<name>`, a map of schemas, not a schema.
        if ((key === '$defs' || key === 'definitions') && name === 'conditions' && isRecord(map[name])) {
          const conditions = map[name] as { [k: string]: unknown };
          for (const c of Object.keys(conditions)) push(conditions[c], joinPointer(at, c), 'condition');
        } else push(map[name], at, key);
      }
    }
    for (const key of LISTS) {
      const list = s[key];
      if (Array.isArray(list))
        for (const [i, item] of list.entries())
          push(item, joinPointer(joinPointer(visit.pointer, key), i), key);
    }
  }
}
