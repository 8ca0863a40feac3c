import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite start-up is CPU-heavy on 2 cores: one file at a time keeps each within its timeouts.
    fileParallelism: false,
  },
});
