/**
 * rjsf's `deepEquals` (@rjsf/utils/lib/deepEquals.js is redirected here by vite.config.ts), without fast-equals:
 * about 2.5 KiB gzipped less on the form page. rjsf compares form data, schemas, uiSchemas and props with it, so this
 * gives fast-equals' answer (as rjsf configures it: circular references tracked, any two functions equal) for what
 * those hold: primitives (NaN equals NaN, 0 equals -0), arrays, plain objects (a React
 * element's owner is not compared), class instances by their own keys, dates and regular expressions. Any other
 * kind of object (Map, Set, typed arrays, errors, URLs, …), which JSON Schema forms never hold, is equal only to
 * itself: the safe side, since "changed" only makes rjsf work something out again or draw again.
 */
export default function deepEquals(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

const OBJECT_TAG = '[object Object]';
/** 0 equals -0 and NaN equals NaN, as fast-equals compares numbers. */
const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
const tagOf = (x: object) => Object.prototype.toString.call(x);

function equal(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  const type = typeof a;
  if (type !== typeof b) return false;
  if (type === 'number') return sameNumber(a as number, b as number);
  if (type === 'function') return true;
  if (type !== 'object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Different constructors are never equal (a null-prototype object is not a plain one either).
  if (x.constructor !== y.constructor) return false;
  if (x instanceof Date) return sameNumber(x.getTime(), (b as Date).getTime());
  else if (x instanceof RegExp) return x.source === (b as RegExp).source && x.flags === (b as RegExp).flags;
  else if (!Array.isArray(x) && tagOf(x) !== OBJECT_TAG) return false;
  // Circular references: a pair already being compared counts as equal if it is the same pairing.
  const seenA = seen.get(x);
  const seenB = seen.get(y);
  if (seenA && seenB) return seenA === y && seenB === x;
  seen.set(x, y);
  seen.set(y, x);
  const result = Array.isArray(x)
    ? arraysEqual(x, y as unknown as unknown[], seen)
    : objectsEqual(x, y, seen);
  seen.delete(x);
  seen.delete(y);
  return result;
}

function arraysEqual(a: unknown[], b: unknown[], seen: Map<object, object>): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (!equal(a[i], b[i], seen)) return false;
  return true;
}

function objectsEqual(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  seen: Map<object, object>,
): boolean {
  const keys = Object.keys(a);
  if (Object.keys(b).length !== keys.length) return false;
  const element = Boolean(a.$$typeof || b.$$typeof);
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string;
    // React's and Preact's owner links are deeply circular and say nothing about what an element draws.
    if (element && (key === '_owner' || key === '__o' || key === '__v')) continue;
    if (!Object.prototype.propertyIsEnumerable.call(b, key) || !equal(a[key], b[key], seen)) return false;
  }
  return true;
}
