/**
 * A template's content digest for precompiled modules (`manifest.templateDigest`), checked every time a module is
 * loaded, so on the cold path of every page that opens a form. Same content as `fingerprint` (the template's RFC 8785
 * canonical JSON, so key order does not matter) and also 64 bits, but read four bytes at a time: its UTF-8 bytes as
 * 32-bit words, two multiply-xor lanes. V8 runs a fresh page's first pass over a 50 KB text in its interpreter, where
 * the per-character loop of `fingerprint` cost 2–3 ms on the benchmark form; this loop runs a quarter as many times.
 * The format is part of the value (`w32:`), so a later format can be told apart.
 */
import { canonicalJson } from './canonical-json.js';

export const DIGEST_FORMAT = 'w32';

/** Whether this machine stores words little-endian (then a byte array can be read as words directly). */
export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A 32-bit value as 8 hex digits. */
export const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export function templateDigest(value: unknown): string {
  return digestOfText(canonicalJson(value));
}

/** `templateDigest` of a value whose canonical JSON is `text`. */
export function digestOfText(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; 4 more so that the last word is whole (zero-padded).
  const bytes = new Uint8Array(text.length * 3 + 4);
  const length = new TextEncoder().encodeInto(text, bytes).written;
  return digestOfBytes(bytes, length, littleEndian);
}

/** The digest of `bytes[0, length)` (zero-padded to whole words); `native`: read words as this machine's order. */
export function digestOfBytes(bytes: Uint8Array, length: number, native: boolean): string {
  const count = (length + 3) >> 2;
  let h1 = 0x811c9dc5 ^ length;
  let h2 = 0x01000193;
  if (native) {
    const words = new Int32Array(bytes.buffer, 0, count);
    for (let i = 0; i < count; i++) {
      const w = words[i]!;
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
    }
  } else {
    // The same little-endian words, read byte by byte.
    for (let i = 0; i < count; i++) {
      const b = i << 2;
      const w = bytes[b]! | (bytes[b + 1]! << 8) | (bytes[b + 2]! << 16) | (bytes[b + 3]! << 24);
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0x297a2d39);
  return `${DIGEST_FORMAT}:${hex32(h1)}${hex32(h2)}`;
}
