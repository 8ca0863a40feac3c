// Production builds of the two benchmark pages, one build per page (BENCH_PAGE=formwork|rjsf) so that each page's
// bundle holds only what it uses. BENCH_OUT is the (temporary) output directory.
//
// Formwork's page is built with the staff app's own vite config (packages/runtime/vite.config.ts: its plugins,
// aliases, minifier and output settings), imported and not copied, so that the page measures exactly what ships;
// only where the page is and where its output goes are set here. The plain-rjsf page is the baseline harness's
// build (react plugin, vite defaults): none of Formwork's settings apply to it.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../../packages/runtime/vite.config.ts';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/runtime.mjs
const page = process.env.BENCH_PAGE ?? 'formwork';
// First statement of every emitted chunk: marks when the bundle starts executing.
const banner = 'if(!performance.getEntriesByName("script-start").length)performance.mark("script-start");';

/** What only the benchmark decides: the page, where it is built to, and the timing banner. */
const pageBuild = {
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/runtime.mjs
    outDir: process.env.BENCH_OUT ?? here('./dist'),
    emptyOutDir: false,
    manifest: `${page}.manifest.json`,
    reportCompressedSize: false,
    rolldownOptions: { input: { [page]: here(`${page}.html`) }, output: { banner } },
  },
};

const baseline = {
  plugins: [react()],
  resolve: {
    // The baseline harness's schemas, read where they are kept (../shared beside the checkout), never copied.
    alias: [{ find: /^@baseline\//, replacement: here('../../../shared/bench-baseline/schemas/') }],
  },
  build: { target: 'es2022', modulePreload: { polyfill: false }, sourcemap: 'hidden' },
};

export default page === 'formwork'
  ? mergeConfig(appConfig, pageBuild)
  : defineConfig(mergeConfig(baseline, pageBuild));
