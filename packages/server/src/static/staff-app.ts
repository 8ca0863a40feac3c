/**
 * Serves the staff app from `packages/runtime/dist`: files as they are, anything else falls back to index.html
 * (client-side routes). When the app is not built, `/` says so plainly.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { compressedBody, maybeCompressed } from '../http/compressed.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Text formats gain from compression; images and fonts are compressed already. */
const compressible = (type: string) => /^(text\/|application\/json|image\/svg\+xml)/.test(type);

const keyOf = (file: string, info: { size: number; mtimeMs: number }) =>
  `file:${file}:${info.size}:${info.mtimeMs}`;

/**
 * Compresses the built scripts and styles in the background at start, so that the first visitor does not wait
 * for brotli's best setting (about a third of a second for the main bundle). Failures are left to the request.
 */
async function warm(base: string): Promise<void> {
  const dir = join(base, 'assets');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /\.(js|css)$/.test(n))) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    const body = await readFile(file).catch(() => undefined);
    if (!body) continue;
    for (const encoding of ['br', 'gzip'] as const)
      await compressedBody(keyOf(file, info), body, encoding)?.catch(() => undefined);
  }
}

export function staffApp(root: string): (c: Context) => Promise<Response> {
  const base = resolve(root);
  void warm(base);
  return async (c: Context) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json(
        { error: { code: 'not-found', message: 'There is nothing here to send that request to.' } },
        404,
      );
    }
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const candidate = normalize(join(base, path));
    if (candidate.startsWith(base + sep) && !path.includes('\0')) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) {
        const body = await readFile(candidate);
        const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png)$/.test(candidate);
        const type = types[extname(candidate)] ?? 'application/octet-stream';
        const headers = {
          'Content-Type': type,
          'Cache-Control':
            hashed && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        };
        if (!compressible(type)) return c.body(body, 200, headers);
        // The file's path, size and modification time name its bytes (a rebuild changes them).
        const out = await maybeCompressed(
          c.req.header('Accept-Encoding'),
          keyOf(candidate, info),
          body,
          headers,
        );
        return c.body(out.body, 200, out.headers);
      }
    }
    const index = await readFile(join(base, 'index.html')).catch(() => undefined);
    if (!index) {
      return c.text(
        'The Formwork staff app is not built yet. Run `npm start` from the repository root (it builds it), or `npm run build -w @formwork/runtime`. The API is at /api/ and its reference at /api/docs.',
        503,
      );
    }
    // index.html is a few hundred bytes: sent as it is.
    return c.body(index, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  };
}
