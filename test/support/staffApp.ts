import type { Page } from 'playwright-core';
import type { DemoUser } from './demoUsers.js';

/**
 * What a member of staff does in the app, in the app's own words. Kept in one place so that a change of wording
 * in the staff app is one change here.
 */
export async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/email/i).fill(user.email);
  await page.getByLabel(/^password/i).fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await homeHeading(page).filter({ hasText: user.name }).waitFor();
}

export function homeHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Starts a new record of a template from the home page; resolves when its form is on screen. */
export async function startRecord(page: Page, templateTitle: string): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('button', {
      name: new RegExp(`^start.*${escapeRegExp(templateTitle)}|^${escapeRegExp(templateTitle)}`, 'i'),
    })
    .click();
  await page.waitForURL(/records\//);
  await page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(templateTitle), 'i') }).waitFor();
}

/** The save status line ("Saving…", "Saved at 14:32", "Not saved yet — …"). */
export function saveStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /sav/i });
}

export async function waitUntilSaved(page: Page, timeout = 60_000): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved/ })
    .waitFor({ timeout });
}

export function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

export function gatesPanel(page: Page) {
  return page.getByRole('region', { name: 'Before you can continue' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
