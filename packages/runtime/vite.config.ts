import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The staff app is served by packages/server under a strict CSP (`script-src 'self'`): the build must emit
// only external, hashed scripts. In development, /api is proxied to a locally running server.
const apiTarget = process.env.FORMWORK_API ?? 'http://127.0.0.1:3000';

const refUri = fileURLToPath(new URL('./src/renderer/refUri.ts', import.meta.url));

/** rjsf's utils import fast-uri only to resolve `$ref`s and compare `$id`s: they get src/renderer/refUri.ts (about
 * 7 KiB gzipped less). Only rjsf: the engine's validators keep the real fast-uri. */
const rjsfRefUri: Plugin = {
  name: 'formwork:rjsf-ref-uri',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'fast-uri' && importer?.replace(/\\/g, '/').includes('/node_modules/@rjsf/utils/'))
      return refUri;
    return null;
  },
};

const deepEquals = fileURLToPath(new URL('./src/renderer/deepEquals.ts', import.meta.url));

/** rjsf's utils compare with fast-equals (about 2.5 KiB gzipped): they get src/renderer/deepEquals.ts, which gives
 * the same answers for what a form compares (test/renderer-deep-equals.test.ts checks it against fast-equals). */
const rjsfDeepEquals: Plugin = {
  name: 'formwork:rjsf-deep-equals',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      /^\.\.?\/deepEquals\.js$/.test(source) &&
      importer?.replace(/\\/g, '/').includes('/node_modules/@rjsf/utils/lib/')
    )
      return deepEquals;
    return null;
  },
};

const registry = fileURLToPath(new URL('./src/renderer/registry/getDefaultRegistry.ts', import.meta.url));

/** rjsf's default registry imports every field, widget and template rjsf has; its own imports of it (Form, and
 * the package index) get Formwork's (src/renderer/registry/getDefaultRegistry.ts: the same names, Formwork's theme
 * where it replaces rjsf's parts, and the parts no template in forms/ uses loaded only when a form draws them). */
const rjsfRegistry: Plugin = {
  name: 'formwork:rjsf-registry',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      /^\.\.?\/getDefaultRegistry\.js$/.test(source) &&
      importer?.replace(/\\/g, '/').includes('/node_modules/@rjsf/core/lib/')
    )
      return registry;
    return null;
  },
};

export default defineConfig({
  plugins: [rjsfRefUri, rjsfDeepEquals, rjsfRegistry, react()],
  resolve: {
    // rjsf's core imports markdown-to-jsx for markdown descriptions, which Formwork's theme never renders: a stub
    // keeps about 30 KiB gzipped off the form page (src/app/markdownStub.ts).
    alias: [
      {
        find: /^markdown-to-jsx(\/react)?$/,
        replacement: fileURLToPath(new URL('./src/app/markdownStub.ts', import.meta.url)),
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
