import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

let shared: Promise<Browser> | undefined;

/** The run's one browser (launched by globalSetup), connected once per test file. */
export function browser(): Promise<Browser> {
  shared ??= chromium.connect(inject('browserWsEndpoint'));
  return shared;
}

export async function closeBrowser(): Promise<void> {
  if (shared) await (await shared).close();
  shared = undefined;
}

export interface StaffPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen on the page: a crash in the app should fail the test. */
  problems: string[];
}

/**
 * A fresh browser profile (its own cookies and localStorage) pointed at a server, like one member of staff on
 * one device.
 */
export async function newStaffPage(baseURL: string = inject('serverUrl')): Promise<StaffPage> {
  const context = await (await browser()).newContext({ baseURL, viewport: DESKTOP, locale: 'en-GB' });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { context, page, problems };
}
