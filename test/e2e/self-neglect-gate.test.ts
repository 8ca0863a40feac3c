import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { closeBrowser, newStaffPage, type StaffPage } from '../support/browser.js';
import { demoUsers } from '../support/demoUsers.js';
import { PointerDriver } from '../support/FormDriver.js';
import { summaryValue, waitForRecordView } from '../support/recordView.js';
import { screenshots } from '../support/screenshots.js';
import { errorSummary, signIn, startRecord } from '../support/staffApp.js';
import {
  answerSelfNeglectConcern,
  recordDecision,
  recordSameDayContact,
  thresholdChecklist,
} from '../support/thresholdChecklist.js';
import { recordIdFromUrl, waitForFocus } from '../support/waitFor.js';

// Completing the checklist ("Decision made") is for managers and safeguarding leads, so a manager fills it in
// from start to finish here.
describe('the self-neglect checklist and its same-day contact rule', () => {
  let manager: StaffPage;

  beforeAll(async () => {
    manager = await newStaffPage();
    await signIn(manager.page, demoUsers.manager);
  });
  afterAll(async () => {
    await manager?.context.close();
    await closeBrowser();
  });

  async function submitConcern(indicators: string[]): Promise<{ recordId: string; d: PointerDriver }> {
    const { page } = manager;
    const d = new PointerDriver(page);
    await startRecord(page, thresholdChecklist.title);
    const recordId = recordIdFromUrl(page.url());
    await answerSelfNeglectConcern(d, indicators);
    await d.openSection(thresholdChecklist.lastSectionWhenNew);
    await d.press('Continue to Submitted');
    await waitForRecordView(page, recordId);
    expect(await summaryValue(page, 'Stage')).toBe('Submitted');
    await page.getByRole('link', { name: /Open the form to edit|Continue filling in/ }).click();
    await page.waitForURL(/\/fill$/);
    await recordDecision(d);
    return { recordId, d };
  }

  async function signOff(recordId: string, d: PointerDriver): Promise<void> {
    const { page } = manager;
    await page.getByLabel('Your password').fill(demoUsers.manager.password);
    await d.press('Sign off');
    await waitForRecordView(page, recordId);
    await page.getByText('Signed off. This record has moved to: Decision made.').waitFor();
    expect(await summaryValue(page, 'Stage')).toBe('Decision made');
  }

  it('with two indicators ticked, cannot be completed until the same-day contact is recorded', async () => {
    const { page, problems } = manager;
    const { recordId, d } = await submitConcern([
      'Concerns about eating or drinking',
      'Unsafe home environment',
    ]);

    await d.openSection('Self-neglect indicators');
    await thresholdChecklist.sameDayContact(page).waitFor();
    await d.openSection(thresholdChecklist.lastSection);
    await d.press('Continue to sign off');
    const summary = errorSummary(page);
    await summary.waitFor();
    await waitForFocus(page, summary, 'the error summary');
    expect(await summary.innerText()).toContain(thresholdChecklist.sameDayGate);
    expect(await page.getByLabel('Your password').count()).toBe(0);
    expect(await axeViolations(page, 'checklist-gate-blocked')).toEqual([]);
    expect((await screenshots(page, 'checklist-gate-blocked')).phoneOverflowPx).toBe(0);

    await recordSameDayContact(d);
    await d.openSection(thresholdChecklist.lastSection);
    await d.press('Continue to sign off');
    await signOff(recordId, d);
    expect(problems).toEqual([]);
  });

  it('with one indicator ticked, asks for no same-day contact and can be completed', async () => {
    const { page, problems } = manager;
    const { recordId, d } = await submitConcern(['Concerns about eating or drinking']);

    await d.openSection('Self-neglect indicators');
    expect(await thresholdChecklist.sameDayContact(page).count()).toBe(0);
    await d.openSection(thresholdChecklist.lastSection);
    await d.press('Continue to sign off');
    await signOff(recordId, d);
    expect(problems).toEqual([]);
  });
});
