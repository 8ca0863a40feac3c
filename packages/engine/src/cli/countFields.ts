import type { Json } from '../types.js';

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['if', 'then', 'else', 'not', 'items', 'contains'];

/**
 * Counts the questions a schema asks: distinct leaf properties by record pointer, including those in conditional
 * branches and in array items. `$defs` are not walked (they are counted where they are used, when inline).
 */
export function countFields(schema: Json): number {
  const leaves = new Set<string>();
  const walk = (node: Json | undefined, at: string, depth: number): void => {
    if (depth > 64 || typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const properties = node.properties;
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        const pointer = `${at}/${key}`;
        const isBranch =
          typeof child === 'object' &&
          child !== null &&
          !Array.isArray(child) &&
          ('properties' in child || 'items' in child);
        if (isBranch) walk(child, pointer, depth + 1);
        else leaves.add(pointer);
      }
    }
    for (const key of SUBSCHEMAS) {
      const child = node[key];
      // An array of plain values is one question (a multi-select); an array of objects holds questions.
      if (key === 'items' && !(typeof child === 'object' && child !== null && 'properties' in child)) {
        if (child !== undefined && at !== '') leaves.add(at);
        continue;
      }
      walk(child, key === 'items' || key === 'contains' ? `${at}/*` : at, depth + 1);
    }
    for (const key of SUBSCHEMA_LISTS) {
      const list = node[key];
      if (Array.isArray(list)) for (const child of list) walk(child, at, depth + 1);
    }
  };
  walk(schema, '', 0);
  return leaves.size;
}
