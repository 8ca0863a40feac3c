/**
 * The digest of a template's JSON text that precompiled modules list in `textDigests` (text-digests.ts) and loading
 * checks: loading needs only this, precompiling the rest.
 */
import { hex32, littleEndian } from './template-digest.js';

/** The text digests' format: not `templateDigest`'s (`w32`), so the two can never be mistaken for each other. */
export const TEXT_DIGEST_FORMAT = 'q32';

/**
 * 64 bits of the text's UTF-8 bytes, read as 32-bit little-endian words into four multiply-xor lanes (word i into
 * lane i mod 4). Four lanes, not `templateDigest`'s two: the same work in a quarter of the loop's turns, which is
 * what costs on a cold page, where this runs before V8 has optimised anything (1.4 → 1.0 ms on the benchmark form).
 * Not a cryptographic hash: it tells a module's own template from any other by accident, as `templateDigest` does.
 */
export function textDigest(text: string): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; 16 more so that the last group of four words is whole.
  const bytes = new Uint8Array(text.length * 3 + 16);
  return textDigestOfBytes(bytes, new TextEncoder().encodeInto(text, bytes).written, littleEndian);
}

/** The digest of `bytes[0, length)` (zero-padded to whole groups of 16); `native`: read words in this machine's order. */
export function textDigestOfBytes(bytes: Uint8Array, length: number, native: boolean): string {
  const groups = (length + 15) >> 4;
  let a = 0x811c9dc5 ^ length;
  let b = 0x01000193;
  let c = 0x5bd1e995;
  let d = 0x2c1b3c6d;
  if (native) {
    const w = new Int32Array(bytes.buffer, 0, groups * 4);
    for (let j = 0; j < w.length; j += 4) {
      a = Math.imul(a ^ w[j]!, 0x01000193);
      b = Math.imul(b ^ w[j + 1]!, 0x5bd1e995);
      c = Math.imul(c ^ w[j + 2]!, 0x01000193);
      d = Math.imul(d ^ w[j + 3]!, 0x5bd1e995);
    }
  } else {
    const word = (k: number) =>
      bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24);
    for (let k = 0; k < groups * 16; k += 16) {
      a = Math.imul(a ^ word(k), 0x01000193);
      b = Math.imul(b ^ word(k + 4), 0x5bd1e995);
      c = Math.imul(c ^ word(k + 8), 0x01000193);
      d = Math.imul(d ^ word(k + 12), 0x5bd1e995);
    }
  }
  // Each half mixes two lanes, each lane finalised first so that no lane's bits cancel another's.
  const mix = (h: number, s: number, m: number) => Math.imul(h ^ (h >>> s), m);
  const high = mix(a, 15, 0x2c1b3c6d) ^ mix(c, 13, 0x297a2d39) ^ 0x9e3779b9;
  const low = mix(b, 13, 0x297a2d39) ^ mix(d, 15, 0x2c1b3c6d);
  return `${TEXT_DIGEST_FORMAT}:${hex32(mix(high, 16, 0x85ebca6b))}${hex32(mix(low, 16, 0xc2b2ae35))}`;
}
