import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, newStaffPage, type StaffPage } from '../support/browser.js';
import { demoUsers } from '../support/demoUsers.js';
import { FormworkServer } from '../support/FormworkServer.js';
import { incidentReport } from '../support/incidentReport.js';
import { screenshots } from '../support/screenshots.js';
import { signIn, startRecord, waitUntilSaved } from '../support/staffApp.js';
import { recordIdFromUrl } from '../support/waitFor.js';

const NOT_SAVED = "Not saved yet — we'll keep trying. Your answers are kept on this device.";

// This file stops and starts a server, so it has one of its own rather than the run's shared one.
describe('the server stops while a support worker is typing', () => {
  let server: FormworkServer;
  let staff: StaffPage;

  beforeAll(async () => {
    server = new FormworkServer({ name: 'restart' });
    await server.start();
    staff = await newStaffPage(server.url);
  });
  afterAll(async () => {
    await staff?.context.close();
    await closeBrowser();
    await server?.dispose();
  });

  it('keeps every word typed while the server was down, and saves it once the server is back', async () => {
    const { page } = staff;
    await signIn(page, demoUsers.supportWorker);
    await startRecord(page, incidentReport.title);
    const recordId = recordIdFromUrl(page.url());

    const before = 'A resident became distressed in the lounge after lunch.';
    await incidentReport.whatHappened(page).fill(before);
    await waitUntilSaved(page);

    await server.stop();

    const during = ' Staff spoke calmly and offered a quiet room; typed while the server was down.';
    await incidentReport.whatHappened(page).pressSequentially(during);
    const actions = 'Offered a drink and sat with them until they felt settled.';
    await incidentReport.immediateActions(page).fill(actions);
    await page.getByText(NOT_SAVED).waitFor({ timeout: 60_000 });
    await screenshots(page, 'record-form-not-saved');

    await server.start();
    // The app retries by itself (with a capped backoff), so nobody has to press anything.
    await waitUntilSaved(page, 90_000);

    await page.reload();
    await incidentReport.whatHappened(page).waitFor();
    expect(await incidentReport.whatHappened(page).inputValue()).toBe(before + during);
    expect(await incidentReport.immediateActions(page).inputValue()).toBe(actions);

    // And the server has it, not only this device.
    const res = await page.request.get(`/api/records/${recordId}`);
    expect(res.status()).toBe(200);
    const stored = JSON.stringify(((await res.json()) as { record: { data: unknown } }).record.data);
    expect(stored).toContain(before + during);
    expect(stored).toContain(actions);
  });
});
