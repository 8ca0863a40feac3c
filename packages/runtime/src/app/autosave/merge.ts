import type { Json } from '../api/types.js';

/** A field both devices changed, differently. `undefined` means "no answer" on that side. */
export interface FieldConflict {
  /** Record pointer of the field (`/incident/description`). */
  path: string;
  base: Json | undefined;
  mine: Json | undefined;
  theirs: Json | undefined;
}

export interface MergeResult {
  /** Every field one side changed is taken from that side; conflicting fields hold `mine` until resolved. */
  merged: Json | undefined;
  conflicts: FieldConflict[];
}

export type Resolution = 'mine' | 'theirs' | 'both';

/** Put between the two texts when both are kept, so that nobody mistakes one person's words for the other's. */
export const BOTH_SEPARATOR = '\n\n--- Saved on another device ---\n';
/** The same for one-line answers: a one-line input would silently drop the line breaks of BOTH_SEPARATOR. */
export const BOTH_SEPARATOR_INLINE = ' — saved on another device: ';

/** Both texts, mine first, with the separator that suits them. */
export function joinTexts(mine: string, theirs: string): string {
  const multiline = mine.includes('\n') || theirs.includes('\n');
  return `${mine}${multiline ? BOTH_SEPARATOR : BOTH_SEPARATOR_INLINE}${theirs}`;
}

type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

function escapeSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Three-way merge, field by field: `base` is what both sides started from (the server's data at the revision
 * this device last had), `mine` is this device's data, `theirs` is what the other device saved. Objects merge
 * key by key; anything else (text, numbers, lists) is one field. Neither side's change is ever dropped: a field
 * only one side changed takes that side's value, and a field both changed differently becomes a conflict.
 */
export function mergeThreeWay(
  base: Json | undefined,
  mine: Json | undefined,
  theirs: Json | undefined,
  path = '',
): MergeResult {
  if (jsonEqual(mine, theirs)) return { merged: mine, conflicts: [] };
  if (jsonEqual(base, mine)) return { merged: theirs, conflicts: [] };
  if (jsonEqual(base, theirs)) return { merged: mine, conflicts: [] };
  if (isObject(mine) && isObject(theirs)) {
    const baseObject = isObject(base) ? base : {};
    const merged: JsonObject = {};
    const conflicts: FieldConflict[] = [];
    const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
    for (const key of keys) {
      const result = mergeThreeWay(baseObject[key], mine[key], theirs[key], `${path}/${escapeSegment(key)}`);
      if (result.merged !== undefined) merged[key] = result.merged;
      conflicts.push(...result.conflicts);
    }
    return { merged, conflicts };
  }
  return { merged: mine, conflicts: [{ path, base, mine, theirs }] };
}

function isEmpty(value: Json | undefined): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Whether the field at a record pointer holds free text (not a choice, a date or a code). */
export type IsTextField = (path: string) => boolean;

const anyStringIsText: IsTextField = () => true;

/**
 * What "keep both" means for a field: free texts are joined with a separator; lists are joined without repeats.
 * Undefined when both cannot be kept (two different choices or dates: the person picks one).
 */
export function combineBoth(
  mine: Json | undefined,
  theirs: Json | undefined,
  isText = true,
): Json | undefined {
  // One side has no answer: keeping both is keeping the answer there is.
  if (isEmpty(mine)) return theirs;
  if (isEmpty(theirs)) return mine;
  if (typeof mine === 'string' && typeof theirs === 'string') {
    return isText ? joinTexts(mine, theirs) : undefined;
  }
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const out = [...mine];
    for (const item of theirs) if (!out.some((m) => jsonEqual(m, item))) out.push(item);
    return out;
  }
  return undefined;
}

/** Whether "keep both" is possible for this conflict (two free texts, or two lists). */
export function canKeepBoth(conflict: FieldConflict, isText: IsTextField = anyStringIsText): boolean {
  return combineBoth(conflict.mine, conflict.theirs, isText(conflict.path)) !== undefined;
}

/** The default choice: keep both where that is possible (no text is lost); otherwise this device's answer. */
export function defaultResolution(
  conflict: FieldConflict,
  isText: IsTextField = anyStringIsText,
): Resolution {
  return canKeepBoth(conflict, isText) ? 'both' : 'mine';
}

function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function setAt(root: Json | undefined, path: string, value: Json | undefined): Json | undefined {
  if (path === '') return value;
  const segments = path.slice(1).split('/').map(unescapeSegment);
  const top: JsonObject = isObject(root) ? { ...root } : {};
  let node = top;
  for (const [i, key] of segments.entries()) {
    if (i === segments.length - 1) {
      if (value === undefined) delete node[key];
      else node[key] = value;
    } else {
      const child = node[key];
      const copy: JsonObject = isObject(child) ? { ...child } : {};
      node[key] = copy;
      node = copy;
    }
  }
  return top;
}

/** The merged data with each conflict settled as chosen (missing choices use `defaultResolution`). */
export function applyResolutions(
  result: MergeResult,
  choices: Readonly<Record<string, Resolution>>,
  isText: IsTextField = anyStringIsText,
): Json | undefined {
  let data = result.merged;
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.path] ?? defaultResolution(conflict, isText);
    const value =
      choice === 'theirs'
        ? conflict.theirs
        : choice === 'both' && canKeepBoth(conflict, isText)
          ? combineBoth(conflict.mine, conflict.theirs, isText(conflict.path))
          : conflict.mine;
    data = setAt(data, conflict.path, value);
  }
  return data;
}
