// @vitest-environment happy-dom
// The record summary on the real incident report (forms/), with the real engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTemplate, Json, Template } from '@formwork/engine/runtime';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecordSummary } from '../src/renderer/index.js';
import { formatDate, formatDateTime } from '../src/renderer/summary/formatAnswer.js';
import { compileForTest } from './renderer-fixture.js';

const template = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'forms', 'incident-report', '1.1.0.json'), 'utf8'),
) as Template;

let compiled: CompiledTemplate;
beforeAll(async () => {
  compiled = await compileForTest(template);
});
afterEach(cleanup);

const record: Json = {
  incident: {
    occurredAt: '2026-11-22T14:30:00.000Z',
    reportedAt: '2026-07-01T09:05:00.000Z',
    location: 'The lounge',
    category: 'behaviour_distress',
    restraintUsed: 'yes',
    restraint: { types: ['physical', 'seclusion'], reason: 'To stop them hurting their head.\nTwo staff.' },
    immediateAction: '',
    // Left from an earlier answer ("a fall"): not asked for a distressed-behaviour incident.
    fall: { witnessed: 'yes' },
  },
  people: { involved: [{ role: 'person_supported', name: 'Resident A' }, { name: 'Alex Smith' }] },
};

/** The answer shown for a question (the `dd` after the `dt` with these words), within `scope`. */
function answer(scope: HTMLElement, question: string): HTMLElement {
  const term = within(scope).getAllByText(question, { selector: 'dt' }).at(0);
  const dd = term?.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no answer for "${question}"`);
  return dd;
}

describe('RecordSummary', () => {
  it('shows each section with answers as a heading, and its questions as terms and answers', () => {
    render(<RecordSummary compiled={compiled} data={record} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['What happened', 'People involved', 'Harm', 'Known risks', 'Safeguarding']);
    const what = screen.getByRole('region', { name: 'What happened' });
    expect(answer(what, 'Where did it happen?').textContent).toBe('The lounge');
    // Options by their labels, never their codes.
    expect(answer(what, 'What kind of incident was it?').textContent).toBe('Distressed behaviour');
    // Dates in UK words and UK time (summer time in July).
    expect(answer(what, 'When did it happen?').textContent).toBe('22 November 2026, 14:30');
    expect(answer(what, 'When are you writing this report?').textContent).toBe('1 July 2026, 10:05');
    // A group of questions inside its question, ticked options as a list, long text as written.
    const restraint = answer(what, 'Restraint or restrictive intervention');
    const types = within(restraint).getByRole('list');
    expect(
      within(types)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Physical restraint (holding)', 'Seclusion']);
    expect(answer(restraint, 'Why was it used?').textContent).toBe(
      'To stop them hurting their head.\nTwo staff.',
    );
    // Nothing to fill in or press.
    expect(document.querySelector('input, select, textarea, button')).toBeNull();
  });

  it('leaves out unanswered questions, and says "Not answered" for required ones only', () => {
    render(<RecordSummary compiled={compiled} data={record} />);
    const what = screen.getByRole('region', { name: 'What happened' });
    // Required and empty (an emptied answer counts as none).
    expect(answer(what, 'What happened?').textContent).toBe('Not answered');
    expect(answer(what, 'What was done straight away to keep people safe?').textContent).toBe('Not answered');
    // Optional and empty: not mentioned.
    expect(within(what).queryByText('Was this a near miss (nobody was harmed)?')).toBeNull();
    // A required section nobody has started: not answered (as a whole, or question by question when the engine
    // names the questions inside it), and nothing else.
    const harm = screen.getByRole('region', { name: 'Harm' });
    expect(within(harm).getAllByText('Not answered').length).toBeGreaterThan(0);
    expect(
      within(harm)
        .queryAllByText(/./, { selector: 'dd' })
        .every((dd) => dd.textContent === 'Not answered'),
    ).toBe(true);
    // Later sections with nothing in them are not listed at all.
    expect(screen.queryByRole('heading', { name: 'Manager review' })).toBeNull();
  });

  it('names each item of a list, with its own answers', () => {
    render(<RecordSummary compiled={compiled} data={record} />);
    const people = answer(screen.getByRole('region', { name: 'People involved' }), 'Who was involved?');
    const items = within(people).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('p')?.textContent)).toEqual(['Person 1', 'Person 2']);
    expect(answer(items[0]!, 'Who is this?').textContent).toBe('Person we support');
    expect(answer(items[1]!, 'Name').textContent).toBe('Alex Smith');
  });

  it('does not show answers to questions the record no longer asks, and says that some are kept', () => {
    render(<RecordSummary compiled={compiled} data={record} />);
    expect(screen.queryByText('Did anyone see the fall?')).toBeNull();
    expect(screen.getByText(/One answer is kept in the record but not shown here/)).toBeTruthy();
  });

  it('an empty record lists its required sections as not answered, and nothing else', () => {
    render(<RecordSummary compiled={compiled} data={{}} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'What happened',
      'People involved',
      'Harm',
      'Known risks',
      'Safeguarding',
    ]);
  });
});

describe('UK dates', () => {
  it('formats date-times in UK time, with a comma, and dates as calendar days', () => {
    expect(formatDateTime('2026-11-22T14:30:00Z')).toBe('22 November 2026, 14:30');
    expect(formatDateTime('2026-06-30T23:30:00Z')).toBe('1 July 2026, 00:30');
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
  });
  it('shows a value that is not a date as written', () => {
    expect(formatDateTime('last Tuesday')).toBe('last Tuesday');
    expect(formatDate('2026-13-45')).toBe('2026-13-45');
  });
});
