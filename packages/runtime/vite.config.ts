import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The staff app is served by packages/server under a strict CSP (`script-src 'self'`): the build must emit
// only external, hashed scripts. In development, /api is proxied to a locally running server.
const apiTarget = process.env.FORMWORK_API ?? 'http://127.0.0.1:3000';

const own = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Hands one of rjsf's own imports a Formwork module instead: `source` as imported by a file under `importerDir`
 * (a path inside node_modules) resolves to `target`. Only those importers: other packages keep the real module.
 */
function redirect(name: string, source: RegExp, importerDir: string, target: string): Plugin {
  return {
    name,
    enforce: 'pre',
    resolveId(id, importer) {
      return source.test(id) && importer?.replace(/\\/g, '/').includes(importerDir) ? target : null;
    },
  };
}

const rjsfRedirects = [
  // rjsf's utils import fast-uri only to resolve `$ref`s and compare `$id`s (about 7 KiB gzipped less). Only rjsf:
  // the engine's validators keep the real fast-uri.
  redirect(
    'formwork:rjsf-ref-uri',
    /^fast-uri$/,
    '/node_modules/@rjsf/utils/',
    own('./src/renderer/refUri.ts'),
  ),
  // rjsf's utils compare with fast-equals (about 2.5 KiB gzipped); ours gives the same answers for what a form
  // compares (test/renderer-deep-equals.test.ts checks it against fast-equals).
  redirect(
    'formwork:rjsf-deep-equals',
    /^\.\.?\/deepEquals\.js$/,
    '/node_modules/@rjsf/utils/lib/',
    own('./src/renderer/deepEquals.ts'),
  ),
  // rjsf's default registry imports every field, widget and template rjsf has; its own imports of it (Form, and
  // the package index) get Formwork's: the same names, Formwork's theme where it replaces rjsf's parts, and the
  // parts no template in forms/ uses loaded only when a form draws them.
  redirect(
    'formwork:rjsf-registry',
    /^\.\.?\/getDefaultRegistry\.js$/,
    '/node_modules/@rjsf/core/lib/',
    own('./src/renderer/registry/getDefaultRegistry.ts'),
  ),
];

export default defineConfig({
  plugins: [...rjsfRedirects, react()],
  resolve: {
    // rjsf's core imports markdown-to-jsx for markdown descriptions, which Formwork's theme never renders: a stub
    // keeps about 30 KiB gzipped off the form page (src/app/markdownStub.ts).
    alias: [
      {
        find: /^markdown-to-jsx(\/react)?$/,
        replacement: own('./src/app/markdownStub.ts'),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be bundled, not inlined, but modern browsers have modulepreload anyway.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Maps are written (to read a stack trace, or what a chunk holds: bench/runtime.mjs) but not announced in
    // each chunk, whose every byte a phone downloads.
    sourcemap: 'hidden',
  },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // rjsf goes through vite in the tests too, so that they run it with the plugins and aliases above, as it ships.
    server: { deps: { inline: [/@rjsf\//] } },
  },
});
