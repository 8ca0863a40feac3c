// Production builds of the two benchmark pages, one build per page (BENCH_PAGE=formwork|rjsf) so that each page's
// bundle holds only what it uses. BENCH_OUT is the (temporary) output directory.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/runtime.mjs
const page = process.env.BENCH_PAGE ?? 'formwork';
// First statement of every emitted chunk: marks when the bundle starts executing.
const banner = 'if(!performance.getEntriesByName("script-start").length)performance.mark("script-start");';

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    // Formwork's theme renders descriptions and help as plain text, so rjsf's markdown renderer (pulled in by its
    // default templates) is replaced by a stub in Formwork's page. The same alias is proposed for the staff app.
    alias: [
      // The baseline harness's schemas, read where they are kept (../shared beside the checkout), never copied.
      { find: /^@baseline\//, replacement: here('../../../shared/bench-baseline/schemas/') },
      ...(page === 'formwork'
        ? [{ find: /^markdown-to-jsx(\/react)?$/, replacement: here('./markdown-stub.js') }]
        : []),
    ],
  },
  build: {
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/runtime.mjs
    outDir: process.env.BENCH_OUT ?? here('./dist'),
    emptyOutDir: false,
    manifest: `${page}.manifest.json`,
    sourcemap: 'hidden',
    target: 'es2022',
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { [page]: here(`${page}.html`) }, output: { banner } },
  },
});
