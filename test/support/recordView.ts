import type { Page } from 'playwright-core';

/** The value shown for a row of the record summary ("Stage", "Status"). */
export async function summaryValue(page: Page, term: string): Promise<string> {
  const row = page
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return (await row.innerText()).trim();
}

/** Waits for the record page (not its form) of a record, after a proceed or sign-off. */
export async function waitForRecordView(page: Page, recordId: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === `/records/${recordId}`);
  await page.getByRole('heading', { name: 'Stages', level: 2 }).waitFor();
}
