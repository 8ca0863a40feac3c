import { defineConfig } from 'vitest/config';

// Several tests compile every template in forms/ (several times over: lean and tracked, split and whole, the module
// made by an older engine). They take 1–3 s on a quiet machine and have passed vitest's 5 s default only narrowly
// on a loaded 2-core CI machine. The timeout is a net against hangs, not a performance assertion.
export default defineConfig({
  test: { testTimeout: 60_000 },
});
