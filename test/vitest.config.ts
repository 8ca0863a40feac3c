import { defineConfig } from 'vitest/config';

// One server and one browser for the run (support/globalSetup.ts); files run one after another because the
// machine has 2 cores and a browser plus a PGlite server already fill them. Timeouts are generous (PGlite starts
// in 4–12 s here) and no test asserts how long anything took.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
