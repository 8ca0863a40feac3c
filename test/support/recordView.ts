import type { Page } from 'playwright-core';
import { escapeRegExp } from './regex.js';

/** The value shown for a row of the record's details ("Stage", "Status"): only the details list at the top of the
 * record page, never the answers below it (a question may be titled "Status", as an action item's is). */
export async function summaryValue(page: Page, term: string): Promise<string> {
  const row = page
    .locator('dl.fwa-summary > .fwa-summary__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(term)}$`) }) })
    .locator('dd');
  return (await row.innerText()).trim();
}

/** Waits for the record page (not its form) of a record, after a proceed or sign-off. */
export async function waitForRecordView(page: Page, recordId: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === `/records/${recordId}`);
  await page.getByRole('heading', { name: 'Stages', level: 2 }).waitFor();
}
