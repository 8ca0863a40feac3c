import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { closeBrowser, newStaffPage, type StaffPage } from '../support/browser.js';
import { demoUsers } from '../support/demoUsers.js';
import { screenshots } from '../support/screenshots.js';
import { homeHeading, signIn } from '../support/staffApp.js';

describe('signing in and the home page', () => {
  let staff: StaffPage;

  beforeAll(async () => {
    staff = await newStaffPage();
  });
  afterAll(async () => {
    await staff.context.close();
    await closeBrowser();
  });

  it('shows the sign-in page to someone not signed in, with no accessibility problems', async () => {
    const { page } = staff;
    await page.goto('/');
    await page.getByLabel(/email/i).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await axeViolations(page, 'sign-in')).toEqual([]);
    expect((await screenshots(page, 'sign-in')).phoneOverflowPx).toBe(0);
  });

  it('says plainly when the email or password is wrong, and the error state is accessible', async () => {
    const { page } = staff;
    await page.goto('/');
    await page.getByLabel(/email/i).fill(demoUsers.supportWorker.email);
    await page.getByLabel(/^password/i).fill('not-the-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    const problem = page.getByRole('alert');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/email|password/i);
    // Still on the sign-in page, with what was typed kept.
    expect(await page.getByLabel(/email/i).inputValue()).toBe(demoUsers.supportWorker.email);
    expect(await axeViolations(page, 'sign-in-error')).toEqual([]);
    expect((await screenshots(page, 'sign-in-error')).phoneOverflowPx).toBe(0);
  });

  it('takes a support worker to a home page listing the forms they can start', async () => {
    const { page, problems } = staff;
    await signIn(page, demoUsers.supportWorker);
    expect(await homeHeading(page).innerText()).toContain(demoUsers.supportWorker.name);
    const start = page.getByRole('region', { name: 'Start a new record' });
    await start.getByRole('button', { name: 'Start Incident report' }).waitFor();
    expect(await axeViolations(page, 'home')).toEqual([]);
    expect((await screenshots(page, 'home')).phoneOverflowPx).toBe(0);
    expect(problems).toEqual([]);
    // The self-neglect checklist is one of the forms the issue names.
    expect(await start.getByRole('button', { name: /Start Safeguarding threshold checklist/i }).count()).toBe(
      1,
    );
  });

  it('says plainly when an address leads nowhere, with no accessibility problems', async () => {
    const { page } = staff;
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to your home page' }).count()).toBe(1);
    expect(await axeViolations(page, 'page-not-found')).toEqual([]);
    expect((await screenshots(page, 'page-not-found')).phoneOverflowPx).toBe(0);
  });

  it('says plainly when a record cannot be opened, with no accessibility problems', async () => {
    const { page } = staff;
    await page.goto('/records/this-record-does-not-exist');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasNotText: /loading/i }).waitFor();
    expect(await heading.innerText()).toMatch(/^(Record not found|This record could not be opened)$/);
    expect(await axeViolations(page, 'record-cannot-open')).toEqual([]);
    expect((await screenshots(page, 'record-cannot-open')).phoneOverflowPx).toBe(0);
  });
});
