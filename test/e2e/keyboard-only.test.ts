import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, newStaffPage, type StaffPage } from '../support/browser.js';
import { demoUsers } from '../support/demoUsers.js';
import { answerRestraintIncident, incidentReport } from '../support/incidentReport.js';
import { KeyboardDriver } from '../support/KeyboardDriver.js';
import { summaryValue, waitForRecordView } from '../support/recordView.js';
import { signIn } from '../support/staffApp.js';
import { recordIdFromUrl } from '../support/waitFor.js';

describe('with the keyboard alone', () => {
  let staff: StaffPage;

  beforeAll(async () => {
    staff = await newStaffPage();
    await signIn(staff.page, demoUsers.supportWorker);
  });
  afterAll(async () => {
    await staff?.context.close();
    await closeBrowser();
  });

  it('a support worker starts and completes a full incident report and sends it on', async () => {
    const { page, problems } = staff;
    const keys = new KeyboardDriver(page);
    await keys.press(`Start ${incidentReport.title}`);
    await page.waitForURL(/\/fill$/);
    const recordId = recordIdFromUrl(page.url());
    await incidentReport.whatHappened(page).waitFor();

    await answerRestraintIncident(keys);
    await keys.openSection(incidentReport.lastSectionWhenNew);
    await keys.press('Continue to Reported');

    await waitForRecordView(page, recordId);
    expect(await summaryValue(page, 'Stage')).toBe('Reported');
    expect(problems).toEqual([]);
  });
});
