import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { closeBrowser, newStaffPage, type StaffPage } from '../support/browser.js';
import { demoUsers } from '../support/demoUsers.js';
import { field, PointerDriver } from '../support/FormDriver.js';
import { answerRestraintIncident, incidentReport } from '../support/incidentReport.js';
import { summaryValue, waitForRecordView } from '../support/recordView.js';
import { screenshots } from '../support/screenshots.js';
import { errorSummary, signIn, startRecord } from '../support/staffApp.js';
import { recordIdFromUrl, waitForFocus } from '../support/waitFor.js';

describe('a support worker reports an incident involving restraint; a manager reviews and closes it', () => {
  let worker: StaffPage;
  let manager: StaffPage;
  let recordId = '';
  // The steps build on each other: when one fails, the later ones say so at once instead of timing out.
  let reached = '';
  const after = (step: string) => {
    if (reached !== step) throw new Error(`Not run: the step before ("${step}") did not finish.`);
  };

  beforeAll(async () => {
    worker = await newStaffPage();
    manager = await newStaffPage();
  });
  afterAll(async () => {
    await worker?.context.close();
    await manager?.context.close();
    await closeBrowser();
  });

  it('opens the restraint questions only when restraint was used', async () => {
    const { page } = worker;
    await signIn(page, demoUsers.supportWorker);
    await startRecord(page, incidentReport.title);
    recordId = recordIdFromUrl(page.url());
    const d = new PointerDriver(page);

    expect(await incidentReport.restraintUsed(page).count()).toBe(0);
    expect(await field(page, 'Why was it used?').count()).toBe(0);
    await d.pick('What kind of incident was it?', 'Distressed behaviour');
    await incidentReport.restraintUsed(page).first().waitFor();
    expect(await field(page, 'Why was it used?').count()).toBe(0);
    await d.choose('Was restraint or another restriction used?', 'Yes');
    await field(page, 'Why was it used?').waitFor();
    await page.getByText('Restraint or restrictive intervention', { exact: true }).first().waitFor();
    // And they close again when the answer changes.
    await d.choose('Was restraint or another restriction used?', 'No');
    await field(page, 'Why was it used?').waitFor({ state: 'detached' });

    expect(await axeViolations(page, 'record-form')).toEqual([]);
    expect((await screenshots(page, 'record-form')).phoneOverflowPx).toBe(0);
  });

  it('will not send the report on while required answers are missing, and takes the focus to the problems', async () => {
    const { page } = worker;
    const d = new PointerDriver(page);
    await d.choose('Was restraint or another restriction used?', 'Yes');
    await d.openSection(incidentReport.lastSectionWhenNew);
    await d.press('Continue to Reported');

    const summary = errorSummary(page);
    await summary.waitFor();
    await waitForFocus(page, summary, 'the error summary');
    const text = await summary.innerText();
    expect(text).toContain('Describe what happened, in your own words');
    expect(text).toContain('Restraint or restrictive intervention');
    expect(page.url()).toContain('/fill');
    expect(await axeViolations(page, 'record-form-errors')).toEqual([]);
    expect((await screenshots(page, 'record-form-errors')).phoneOverflowPx).toBe(0);

    // Each problem links to its question.
    await summary.getByRole('link', { name: /Describe what happened, in your own words/ }).click();
    await waitForFocus(page, field(page, 'What happened?'), 'the question it names');
  });

  it('moves the report on to "Reported" once everything needed is answered', async () => {
    const { page, problems } = worker;
    const d = new PointerDriver(page);
    await answerRestraintIncident(d);
    await d.openSection(incidentReport.lastSectionWhenNew);
    await d.press('Continue to Reported');

    await waitForRecordView(page, recordId);
    await page.getByText('This record has moved to: Reported.').waitFor();
    expect(await summaryValue(page, 'Stage')).toBe('Reported');
    reached = 'reported';
    expect(await axeViolations(page, 'record-view')).toEqual([]);
    expect((await screenshots(page, 'record-view')).phoneOverflowPx).toBe(0);
    expect(problems).toEqual([]);
  });

  it('is waiting for the manager, whose review is held by the "manager review" gate until it is recorded', async () => {
    after('reported');
    const { page } = manager;
    await signIn(page, demoUsers.manager);
    const waiting = page.getByRole('region', { name: 'Waiting for your review' });
    await waiting.locator(`a[href="/records/${recordId}"]`).click();
    await waitForRecordView(page, recordId);
    await page.getByRole('link', { name: 'Open the form to edit' }).click();
    await page.waitForURL(/\/fill$/);

    const d = new PointerDriver(page);
    await d.openSection(incidentReport.lastSectionWhenReported);
    await d.press('Continue to Manager reviewed');
    const summary = errorSummary(page);
    await summary.waitFor();
    await waitForFocus(page, summary, 'the error summary');
    expect(await summary.innerText()).toContain(
      'A manager needs to review this report, with the date and time of the review.',
    );
    expect(await axeViolations(page, 'record-form-gate-blocked')).toEqual([]);
    expect((await screenshots(page, 'record-form-gate-blocked')).phoneOverflowPx).toBe(0);

    await d.openSection('Manager review');
    await d.text('Reviewed by', 'Morgan (registered manager)');
    await d.dateTime('When was it reviewed?', 1);
    await d.text('Review notes', 'Restraint was in the plan, brief and proportionate.');
    await d.choose('Has the person who reported it been told what happens next?', 'Yes');
    await d.openSection(incidentReport.lastSectionWhenReported);
    await d.press('Continue to Manager reviewed');
    await waitForRecordView(page, recordId);
    expect(await summaryValue(page, 'Stage')).toBe('Manager reviewed');
    reached = 'manager-reviewed';
  });

  it('is closed by the manager after the rapid review and actions, signed off with the password', async () => {
    after('manager-reviewed');
    const { page, problems } = manager;
    const d = new PointerDriver(page);

    await page.getByRole('link', { name: 'Open the form to edit' }).click();
    await d.openSection('Review');
    await d.text('What was changed locally straight away?', 'Quiet room kept free after lunch.');
    await d.openSection('Learning');
    await d.text('What really led to this happening?', 'A noisy, crowded lounge after lunch.');
    await d.openSection(incidentReport.lastSection);
    await d.press('Continue to Review complete');
    await waitForRecordView(page, recordId);
    expect(await summaryValue(page, 'Stage')).toBe('Review complete');

    await page.getByRole('link', { name: 'Open the form to edit' }).click();
    await d.openSection(incidentReport.lastSection);
    await d.text('If no follow-up action is needed, say why', 'The plan worked; the local change is enough.');
    await d.press('Continue to Actions agreed');
    await waitForRecordView(page, recordId);
    expect(await summaryValue(page, 'Stage')).toBe('Actions agreed');

    await page.getByRole('link', { name: 'Open the form to edit' }).click();
    await d.openSection(incidentReport.lastSection);
    await d.press('Continue to sign off');
    await page.getByLabel('Your password').fill(demoUsers.manager.password);
    await d.press('Sign off');
    await waitForRecordView(page, recordId);
    await page.getByText('Signed off. This record has moved to: Closed.').waitFor();
    expect(await summaryValue(page, 'Stage')).toBe('Closed');
    expect(await summaryValue(page, 'Status')).toBe('Closed');
    expect(await page.getByRole('link', { name: 'Open the form to edit' }).count()).toBe(0);
    expect(await axeViolations(page, 'record-view-closed')).toEqual([]);
    expect((await screenshots(page, 'record-view-closed')).phoneOverflowPx).toBe(0);
    expect(problems).toEqual([]);
  });
});
