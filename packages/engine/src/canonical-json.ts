/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, ECMAScript number serialisation,
 * no whitespace. Used for content hashes and the audit chain, so it must be byte-stable across runtimes.
 */

const MAX_DEPTH = 1000;

export function canonicalJson(value: unknown): string {
  return serialise(value, 0);
}

function serialise(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH)
    throw new RangeError(`canonicalJson: value is nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: NaN and Infinity are not JSON');
      // ES Number::toString is exactly RFC 8785's number form (and -0 serialises as 0).
      return JSON.stringify(value);
    case 'string':
      // JSON.stringify escapes lone surrogates and control characters as RFC 8785 requires (ES2019+).
      return JSON.stringify(value);
    case 'object': {
      // Loops and string concatenation rather than map/filter/join: a template's hash is taken every time a
      // precompiled module is loaded, so this is on the cold path.
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : serialise(item, depth + 1);
        }
        return `${out}]`;
      }
      const obj = value as { [key: string]: unknown };
      // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(k)}:${serialise(v, depth + 1)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}

/** A short, stable, non-cryptographic fingerprint (FNV-1a, 2×32 bits) of a value's canonical JSON. */
export function fingerprint(value: unknown): string {
  return fingerprintOfText(canonicalJson(value));
}

/** `fingerprint` of a value whose canonical JSON is `text`. */
export function fingerprintOfText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
