import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser.js';
import { artifactsDir } from './paths.js';

/**
 * Full-page screenshots of the page as it is now, at phone (360 px) and desktop widths, kept in
 * test/artifacts/screens as `<name>-phone.png` and `<name>-desktop.png`. The viewport is put back afterwards.
 * Returns how many pixels the page is wider than a 360 px phone (0 when nothing scrolls sideways).
 */
export async function screenshots(page: Page, name: string): Promise<{ phoneOverflowPx: number }> {
  let phoneOverflowPx = 0;
  const dir = join(artifactsDir, 'screens');
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    if (label === 'phone') {
      phoneOverflowPx = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    }
    await page.screenshot({
      path: join(dir, `${name}-${label}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.setViewportSize(before);
  return { phoneOverflowPx };
}
