import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (this file is test/support/paths.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverMain = join(repoRoot, 'packages', 'server', 'dist', 'main.js');
export const runtimeIndex = join(repoRoot, 'packages', 'runtime', 'dist', 'index.html');
/** Screenshots, axe reports and server logs: git-ignored, kept by CI as artifacts. */
export const artifactsDir = join(repoRoot, 'test', 'artifacts');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The harness builds nothing itself (`npm test` runs turbo builds first). When a build output is missing, say
 * which one and what to run, instead of failing later with a confusing browser or spawn error.
 */
export function assertBuilt(): void {
  const missing = [serverMain, runtimeIndex].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests need the built server and staff app, and these are missing:\n  ${missing.join('\n  ')}\n` +
        'Build them first with `npx turbo run build` (or run `npm test` at the repository root, which builds).',
    );
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not at ${chromiumPath}. Install Debian's build (\`apt-get install chromium\`) or set ` +
        'CHROMIUM_PATH. The tests never download a browser.',
    );
  }
}
