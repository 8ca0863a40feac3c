/**
 * Serves the staff app from `packages/runtime/dist`: files as they are, anything else falls back to index.html
 * (client-side routes). When the app is not built, `/` says so plainly.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

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

export function staffApp(root: string) {
  const base = resolve(root);
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
        return c.body(body, 200, {
          'Content-Type': types[extname(candidate)] ?? 'application/octet-stream',
          'Cache-Control':
            hashed && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
    const index = await readFile(join(base, 'index.html')).catch(() => undefined);
    if (!index) {
      return c.text(
        'The Formwork staff app is not built yet. Run `npm start` from the repository root (it builds it), or `npm run build -w @formwork/runtime`. The API is at /api/ and its reference at /api/docs.',
        503,
      );
    }
    return c.body(index, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  };
}
