/**
 * Digests of a template's JSON text in the key orders a precompiled module expects to be loaded with, so that
 * loading can check "built from exactly this template" on the text the JavaScript engine's own JSON.stringify makes
 * (a fraction of a millisecond) instead of on canonical JSON, whose walk and key sorting run before anything is
 * optimised on the cold path of every page that opens a form (about 3 ms for the benchmark form).
 *
 * Text fully determines content, so equal text means equal content whatever the order: accepting a digest of any
 * faithful serialisation is as sound as the canonical one, and a template met in an order not listed still loads,
 * through canonical JSON. The orders listed are the two a template arrives in:
 * - as written (the order it was precompiled in: files in `forms/`, the builder's output);
 * - as PostgreSQL's `jsonb` gives it back (shorter keys first, then by UTF-8 bytes): every template the server reads
 *   from its database, and so every template it sends to a browser.
 */
import { textDigest } from './text-digest.js';

const utf8 = new TextEncoder();

function jsonbKeyOrder(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * `value` with every object's keys inserted in jsonb's order. (JavaScript still lists integer-like keys first, as it
 * does for the object a driver parses from jsonb's text: what matters is that the two serialise alike.)
 */
export function inJsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbOrder);
  if (typeof value !== 'object' || value === null) return value;
  const out: { [key: string]: unknown } = {};
  const source = value as { [key: string]: unknown };
  for (const key of Object.keys(source).sort(jsonbKeyOrder))
    Object.defineProperty(out, key, {
      value: inJsonbOrder(source[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** The `textDigest`s of the template's JSON text as written and in jsonb's key order. */
export function textDigests(template: unknown): string[] {
  const written = textDigest(JSON.stringify(template));
  const jsonb = textDigest(JSON.stringify(inJsonbOrder(template)));
  return written === jsonb ? [written] : [written, jsonb];
}
