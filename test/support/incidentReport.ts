import type { Page } from 'playwright-core';
import { type FormDriver, field, group } from './FormDriver.js';

/** The incident report template (forms/incident-report), in the words staff see. */
export const incidentReport = {
  title: 'Incident report',
  whatHappened: (page: Page) => field(page, 'What happened?'),
  immediateActions: (page: Page) => field(page, 'What was done straight away to keep people safe?'),
  restraintUsed: (page: Page) => group(page, 'Was restraint or another restriction used?'),
  /** The last section shown, which holds "Continue": the form shows the sections of the record's stage. */
  lastSectionWhenNew: 'Safeguarding',
  lastSectionWhenReported: 'Manager review',
  lastSection: 'Follow-up actions',
};

/** Adds the first item of a list (people involved, staff involved) unless the form already shows one. */
async function ensureOneItem(d: FormDriver, itemField: string): Promise<void> {
  if ((await field(d.page, itemField).count()) === 0) await d.press('Add another');
  await field(d.page, itemField).first().waitFor();
}

/**
 * Everything a support worker answers for a distressed-behaviour incident in which restraint was used, section
 * by section, in the order the form asks. Harm is low, with no safeguarding concern, so the review that follows
 * is a rapid one.
 */
export async function answerRestraintIncident(d: FormDriver): Promise<void> {
  await d.openSection('What happened');
  await d.dateTime('When did it happen?', 120);
  await d.dateTime('When are you writing this report?', 5);
  await d.text('Where did it happen?', 'The lounge at Elm House');
  await d.pick('What kind of incident was it?', 'Distressed behaviour');
  await d.choose('Was restraint or another restriction used?', 'Yes');
  await d.text(
    'What happened?',
    'After lunch a resident became very distressed and started hitting their head against the wall.',
  );
  await d.text(
    'What was done straight away to keep people safe?',
    'Moved other residents away and stayed with them.',
  );
  await d.choose('Has something like this happened before for this person or in this place?', 'No');
  await d.choose('Were the police involved?', 'No');
  // The restraint questions (MHU(UoF)A s6(5)).
  await d.text('Why was it used?', 'To stop them injuring their head.');
  await d.dateTime('When did it start?', 115);
  await d.dateTime('When did it end?', 112);
  await d.tick('What type of restriction was used?', ['Physical restraint (holding)']);
  await d.text(
    'Describe how it was used, including any holds',
    'Two staff held their arms, standing, for 3 minutes.',
  );
  await d.choose('Is this type of restriction part of their care or PBS plan?', 'Yes');
  await d.text(
    'What was tried first to avoid using restriction?',
    'Calm talk, offering a quiet room, their music.',
  );
  await ensureOneItem(d, 'Job title');
  await d.text('Name', 'Alex Smith');
  await d.text('Job title', 'Support worker');
  await d.text('What was the outcome for the person?', 'They settled after ten minutes and had no injury.');

  await d.openSection('People involved');
  await ensureOneItem(d, 'Name');
  await d.choose('Who is this?', 'Person we support');
  await d.text('Name', 'Resident A');

  await d.openSection('Harm');
  await d.choose('Was anyone physically harmed?', 'No physical harm');
  await d.choose('Was anyone caused distress or psychological harm?', 'Low: short-lived distress');

  await d.openSection('Known risks');
  await d.choose('Was the person known to be at risk of this happening?', 'No');
  await d.text('Is there still a risk? What is in place now to keep people safe?', 'Extra checks tonight.');

  await d.openSection('Safeguarding');
  await d.choose('Do you think anyone may have been abused or neglected, or is at risk of it?', 'No');
}
