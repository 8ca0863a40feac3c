/**
 * The two URI operations @rjsf/utils needs from fast-uri, for `$ref` and `$id` in schemas: `resolve` (RFC 3986
 * §5.2 reference resolution) and `equal`. The build points rjsf's `fast-uri` import here (vite.config.ts); the
 * engine's validators keep the real fast-uri. Checked against fast-uri on every `$ref` and `$id` of the template
 * library and on general URI cases (test/renderer-ref-uri.test.ts). About 7 KiB gzipped less on the form page.
 */

interface Parts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

// RFC 3986 appendix B.
const URI = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

function parse(uri: string): Parts {
  const m = URI.exec(uri) as RegExpExecArray;
  const parts: Parts = { path: m[3] ?? '' };
  if (m[1] !== undefined) parts.scheme = m[1].toLowerCase();
  if (m[2] !== undefined) parts.authority = m[2].toLowerCase();
  if (m[4] !== undefined) parts.query = m[4];
  if (m[5] !== undefined) parts.fragment = m[5];
  return parts;
}

function serialize(p: Parts): string {
  let out = '';
  if (p.scheme !== undefined) out += `${p.scheme}:`;
  if (p.authority !== undefined) out += `//${p.authority}`;
  out += p.path;
  if (p.query !== undefined) out += `?${p.query}`;
  if (p.fragment !== undefined) out += `#${p.fragment}`;
  return out;
}

/** RFC 3986 §5.2.4, with fast-uri's answers for relative paths (a base without a scheme): a leading `..` that
 * has nothing to remove is kept, and a path that dots away to nothing is `./` (`/` under a scheme). */
function removeDotSegments(path: string, hasScheme: boolean): string {
  const input = path.split('/');
  const output: string[] = [];
  const absolute = path.startsWith('/');
  for (let i = 0; i < input.length; i++) {
    const seg = input[i] as string;
    const last = i === input.length - 1;
    if (seg === '.') {
      if (last) output.push('');
    } else if (seg === '..') {
      const top = output.at(-1);
      if (top !== undefined && top !== '..' && !(absolute && output.length === 1)) output.pop();
      else if (!absolute && !hasScheme) output.push('..');
      if (last) output.push('');
    } else output.push(seg);
  }
  const out = output.join('/');
  if (out === '' && path !== '') return hasScheme ? '/' : './';
  return out;
}

/** RFC 3986 §5.2.3. */
function merge(base: Parts, ref: string): string {
  if (base.authority !== undefined && base.path === '') return `/${ref}`;
  const slash = base.path.lastIndexOf('/');
  return slash < 0 ? ref : base.path.slice(0, slash + 1) + ref;
}

/** RFC 3986 §5.2.2 (strict). */
export function resolve(baseURI: string, relativeURI: string): string {
  const base = parse(baseURI);
  const ref = parse(relativeURI);
  const t: Parts = { path: '' };
  if (ref.scheme !== undefined) {
    Object.assign(t, ref, { path: removeDotSegments(ref.path, true) });
  } else {
    if (ref.authority !== undefined) {
      Object.assign(t, {
        authority: ref.authority,
        path: removeDotSegments(ref.path, base.scheme !== undefined),
      });
      if (ref.query !== undefined) t.query = ref.query;
    } else {
      if (ref.path === '') {
        t.path = base.path;
        if (ref.query !== undefined) t.query = ref.query;
        else if (base.query !== undefined) t.query = base.query;
      } else {
        t.path = removeDotSegments(
          ref.path.startsWith('/') ? ref.path : merge(base, ref.path),
          base.scheme !== undefined,
        );
        if (ref.query !== undefined) t.query = ref.query;
      }
      if (base.authority !== undefined) t.authority = base.authority;
    }
    if (base.scheme !== undefined) t.scheme = base.scheme;
  }
  if (ref.fragment !== undefined) t.fragment = ref.fragment;
  return serialize(t);
}

/** Whether two URIs name the same thing (scheme and host compared without case). */
export function equal(a: string, b: string): boolean {
  return serialize(parse(a)) === serialize(parse(b));
}

export default { resolve, equal };
