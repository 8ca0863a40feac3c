/**
 * Compressed bodies for responses whose bytes never change under one key (the staff app's files, a published
 * version's validator module). The JavaScript budget of a form page is a gzipped figure, so the server must
 * actually send it compressed: each body is compressed once per process on libuv's thread pool (never on the
 * event loop) and kept, within a memory budget, so a busy server does no compression work per request.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Bodies below this are sent as they are: compressing them saves less than the header costs. */
const MIN_BYTES = 1024;
/** Kept compressed bodies, at most (the staff app is ~1 MB raw; each template version's module one entry). */
const BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * The encoding to send for an `Accept-Encoding` header: brotli when accepted (about 14 % smaller than gzip on the
 * app's bundle), else gzip, else none. A coding with `q=0` is refused, as RFC 9110 says; `*` accepts both.
 */
export function preferredEncoding(acceptEncoding: string | undefined | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || (q.get('x-gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

const kept = new Map<string, Promise<Buffer>>();
/** Sizes of the kept bodies that have finished compressing. */
const sizes = new Map<string, number>();
let keptBytes = 0;

function forget(id: string): void {
  kept.delete(id);
  keptBytes -= sizes.get(id) ?? 0;
  sizes.delete(id);
}

function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  switch (encoding) {
    case 'br':
      return brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
    case 'gzip':
      return gz(body, { level: 9 });
  }
}

/**
 * `body` compressed with `encoding`, computed once per `key` (which must change whenever the bytes do). Returns
 * undefined for bodies too small to be worth it.
 */
export function compressedBody(
  key: string,
  body: Uint8Array,
  encoding: Encoding,
): Promise<Buffer> | undefined {
  if (body.byteLength < MIN_BYTES) return undefined;
  const id = `${encoding}\u0000${key}`;
  let entry = kept.get(id);
  if (!entry) {
    const made = compress(body, encoding);
    entry = made;
    kept.set(id, made);
    made.then(
      (out) => {
        if (kept.get(id) !== made) return;
        sizes.set(id, out.byteLength);
        keptBytes += out.byteLength;
        // Oldest first (a Map iterates in insertion order); never the one just made.
        for (const oldId of kept.keys()) {
          if (keptBytes <= BUDGET_BYTES) break;
          if (oldId !== id) forget(oldId);
        }
      },
      () => forget(id),
    );
  }
  return entry;
}

/**
 * The response for `body`: compressed when the client accepts it and it is worth it (with `Content-Encoding`),
 * always with `Vary: Accept-Encoding` so that caches keep the two apart.
 */
export async function maybeCompressed(
  acceptEncoding: string | undefined,
  key: string,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const encoding = preferredEncoding(acceptEncoding);
  const vary: Record<string, string> = { ...headers, Vary: 'Accept-Encoding' };
  const compressed = encoding ? compressedBody(key, body, encoding) : undefined;
  if (!encoding || !compressed) return { body, headers: vary };
  try {
    const out: Record<string, string> = { ...vary, 'Content-Encoding': encoding };
    // Each representation has its own strong validator (RFC 9110 §8.8.3).
    if (out.ETag) out.ETag = out.ETag.replace(/"$/, `-${encoding}"`);
    // zlib's output is a plain (never shared) buffer.
    return { body: (await compressed) as Uint8Array<ArrayBuffer>, headers: out };
  } catch {
    // Compression is an optimisation: if it fails, the plain body still answers the request.
    return { body, headers: vary };
  }
}
