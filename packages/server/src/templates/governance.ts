/**
 * Finds where a template keeps what governance queries need (category, harm, when it happened, and arrays of the
 * shared `$defs/action` part), so saves can copy those values into indexed columns and the `record_actions` table.
 */
import type { Json, Template } from '@formwork/engine';

export interface GovernancePaths {
  category?: string[];
  harm?: string[];
  occurredAt?: string[];
  /** Record paths (as key lists) of arrays whose items are `$defs/action`. */
  actions: string[][];
}

const names = {
  category: ['category', 'incidentCategory'],
  harm: ['harm', 'harmLevel', 'levelOfHarm'],
  occurredAt: ['occurredAt', 'occurredOn', 'incidentAt'],
} as const;

type Obj = { [key: string]: Json };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function governancePaths(template: Template): GovernancePaths {
  const result: GovernancePaths = { actions: [] };
  const defs = isObj(template.schema.$defs) ? template.schema.$defs : {};
  const resolve = (s: Json | undefined): Obj | undefined => {
    if (!isObj(s)) return undefined;
    const ref = s.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const target = defs[ref.slice('#/$defs/'.length)];
      return isObj(target) ? { ...target, ...s } : s;
    }
    return s;
  };
  // Breadth-first, so the shallowest match wins; bounded depth keeps hostile schemas cheap.
  const queue: { schema: Obj; path: string[] }[] = [{ schema: template.schema, path: [] }];
  while (queue.length > 0) {
    const { schema, path } = queue.shift()!;
    if (path.length > 6) continue;
    const props = isObj(schema.properties) ? schema.properties : {};
    for (const [key, raw] of Object.entries(props)) {
      const child = resolve(raw);
      if (!child) continue;
      const childPath = [...path, key];
      for (const field of ['category', 'harm', 'occurredAt'] as const) {
        if (!result[field] && (names[field] as readonly string[]).includes(key)) result[field] = childPath;
      }
      const items =
        isObj(raw) && raw.type === 'array' ? raw.items : child.type === 'array' ? child.items : undefined;
      if (isObj(items) && items.$ref === '#/$defs/action') result.actions.push(childPath);
      else if (child.type === 'object' || isObj(child.properties))
        queue.push({ schema: child, path: childPath });
    }
    for (const branch of ['then', 'else'] as const) {
      const b = resolve(schema[branch]);
      if (b) queue.push({ schema: b, path });
    }
    for (const list of ['allOf', 'oneOf', 'anyOf'] as const) {
      const arr = schema[list];
      if (Array.isArray(arr)) for (const s of arr) if (isObj(s)) queue.push({ schema: resolve(s)!, path });
    }
  }
  return result;
}

function at(data: Json, path: string[] | undefined): Json | undefined {
  if (!path) return undefined;
  let current: Json | undefined = data;
  for (const key of path) {
    if (!isObj(current)) return undefined;
    current = current[key];
  }
  return current;
}

const text = (v: Json | undefined): string | null =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, 500) : null;
const date = (v: Json | undefined): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const first = (o: Obj, keys: string[]): Json | undefined =>
  keys.map((k) => o[k]).find((v) => v !== undefined);

export interface GovernanceValues {
  category: string | null;
  harm: string | null;
  occurredAt: Date | null;
  actions: {
    pointer: string;
    description: string | null;
    owner: string | null;
    dueAt: Date | null;
    completedAt: Date | null;
    item: Json;
  }[];
}

export function governanceValues(paths: GovernancePaths, data: Json): GovernanceValues {
  const actions: GovernanceValues['actions'] = [];
  for (const path of paths.actions) {
    const list = at(data, path);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isObj(item) || actions.length >= 200) return;
      actions.push({
        pointer: `/${[...path, String(i)].map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
        description: text(first(item, ['description', 'action', 'title', 'what'])),
        owner: text(first(item, ['owner', 'assignedTo', 'responsible', 'who'])),
        dueAt: date(first(item, ['dueAt', 'dueDate', 'due', 'by'])),
        completedAt: date(first(item, ['completedAt', 'completedOn', 'doneAt'])),
        item,
      });
    });
  }
  return {
    category: text(at(data, paths.category)),
    harm: text(at(data, paths.harm)),
    occurredAt: date(at(data, paths.occurredAt)),
    actions,
  };
}
