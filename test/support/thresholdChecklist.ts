import type { Page } from 'playwright-core';
import { type FormDriver, group } from './FormDriver.js';

/** The safeguarding threshold checklist (forms/safeguarding-threshold-checklist), in the words staff see. */
export const thresholdChecklist = {
  title: 'Safeguarding threshold checklist',
  /** The last section a new checklist shows: the decision is asked once the concern is submitted. */
  lastSectionWhenNew: 'Consent and sharing information',
  lastSection: 'Decision',
  sameDayGate:
    'Two or more self-neglect indicators: speak to the duty manager or safeguarding lead today and record who, when and the decision.',
  sameDayContact: (page: Page) => group(page, 'Who did you speak to?'),
};

/**
 * A self-neglect concern, answered section by section, with the given indicators ticked.
 * The concern was noticed two minutes ago, so a contact a minute ago is on the same day (bar the two minutes
 * around midnight in London).
 */
export async function answerSelfNeglectConcern(d: FormDriver, indicators: string[]): Promise<void> {
  await d.openSection('Immediate safety');
  await d.choose('Is anyone in immediate danger right now?', 'No');

  await d.openSection('The concern');
  await d.text('Record number of the person', 'RC-0042');
  await d.dateTime('When was the concern first noticed?', 2);
  await d.text('Who raised it?', 'Sam, support worker');
  await d.text('What was seen, heard or said?', 'Little food in the flat and rubbish piling up by the door.');

  await d.openSection('The three safeguarding tests');
  await d.choose(
    'Does the person have needs for care and support (whether or not they are being met)?',
    'Yes',
  );
  await d.choose('Are they experiencing, or at risk of, abuse or neglect (including self-neglect)?', 'Yes');
  await d.tick('What kind of abuse or neglect might it be?', ['Self-neglect']);
  await d.choose('Because of those needs, are they unable to protect themselves?', 'Not sure');

  await d.openSection('Self-neglect indicators');
  await d.tick('Which of these are present?', indicators);

  await d.openSection('What the person wants');
  await d.choose('Has the person been asked what they want to happen?', 'Yes, and they told us');

  await d.openSection('Consent and sharing information');
  await d.choose('Does the person agree to us sharing this concern?', 'Yes, they agree');
  await d.choose('Are you worried about their capacity to make this decision?', 'No');
}

/** The decision, asked once the concern is submitted. */
export async function recordDecision(d: FormDriver): Promise<void> {
  await d.openSection('Decision');
  await d.choose('What is the decision?', 'Respond within our service');
  await d.text('Why?', 'They agreed to daily visits and a shopping plan; we will review in a week.');
  await d.text('Decided by', 'Morgan Manager');
  await d.dateTime('When?', 1);
}

/** Records the same-day contact with the duty manager. */
export async function recordSameDayContact(d: FormDriver): Promise<void> {
  await d.openSection('Self-neglect indicators');
  await d.dateTime('When did you speak to them?', 1);
  await d.choose('Who did you speak to?', 'Duty manager');
  await d.text('Their name', 'Jo Duty');
  await d.text('What did you decide together?', 'Visit daily this week and review on Friday.');
}
