/**
 * The run-time half of Formwork's vocabulary (`x-within`, `x-sameDay`, `x-age`). The generated validators call
 * these; they import nothing, so precompiled modules can receive them through `@formwork/engine/runtime`.
 */
import type { ValidationContext } from '../types.js';

const HOUR_MS = 3_600_000;

/** Resolves an absolute record pointer from the record root, own properties only. */
function readPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as { [k: string]: unknown })[key];
  }
  return node;
}

function instant(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** `x-within`: the value is between minHours and maxHours after the date-time at `after`. */
export function within(
  value: unknown,
  root: unknown,
  after: string,
  minHours: number | null,
  maxHours: number | null,
): boolean {
  const t = instant(value);
  const ref = instant(readPointer(root, after));
  // Presence and format are `required`'s and `format`'s job: pass when either side is missing.
  if (Number.isNaN(t) || Number.isNaN(ref)) return true;
  const hours = (t - ref) / HOUR_MS;
  return hours >= (minHours ?? 0) && (maxHours === null || hours <= maxHours);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. Formatters are cached: building one is slow. */
export function dayIn(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `x-sameDay`: the value falls on the same calendar day as the date-time at `as`, in `timeZone`. */
export function sameDay(value: unknown, root: unknown, as: string, timeZone: string): boolean {
  const t = instant(value);
  const ref = instant(readPointer(root, as));
  if (Number.isNaN(t) || Number.isNaN(ref)) return true;
  return dayIn(t, timeZone) === dayIn(ref, timeZone);
}

/**
 * `x-age`: `now` minus the value is within the bounds. Without a usable `now` the rule cannot be decided: it fails
 * and marks the context, so that `evaluate` fails closed and says why.
 */
export function age(
  context: ValidationContext | undefined,
  value: unknown,
  minHours: number | null,
  maxHours: number | null,
): boolean {
  const t = instant(value);
  if (Number.isNaN(t)) return true;
  const now = instant(context?.now);
  if (Number.isNaN(now)) {
    if (context && typeof context === 'object') context.needsNow = true;
    return false;
  }
  const hours = (now - t) / HOUR_MS;
  return hours >= (minHours ?? 0) && (maxHours === null || hours <= maxHours);
}

export const vocabularyFunctions = { within, sameDay, age };
