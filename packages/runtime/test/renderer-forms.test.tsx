// @vitest-environment happy-dom
// The renderer on a real template from forms/ (the latest incident report), with the real engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTemplate, Json, Template } from '@formwork/engine/runtime';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormworkForm } from '../src/renderer/index.js';
import { compileForTest } from './renderer-fixture.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'forms', 'incident-report');
const latest = readdirSync(dir)
  .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .at(-1)!;
const template = JSON.parse(readFileSync(join(dir, latest), 'utf8')) as Template;

let compiled: CompiledTemplate;
beforeAll(async () => {
  compiled = await compileForTest(template);
});
afterEach(cleanup);

function renderForm(data: Json = {}) {
  const onProceed = vi.fn();
  const errors = vi.spyOn(console, 'error');
  const nextStage = template.stages?.[1]?.id;
  render(
    <FormworkForm
      compiled={compiled}
      data={data}
      onChange={() => {}}
      onProceed={onProceed}
      {...(nextStage ? { nextStage } : {})}
      now={() => '2026-11-22T12:00:00.000Z'}
    />,
  );
  return { onProceed, errors };
}

describe(`incident report ${latest}`, () => {
  it('opens the questions about a fall when the incident was a fall, and removes them when it was not', () => {
    renderForm();
    const category = document.getElementById('root_incident_category') as HTMLSelectElement;
    const optionFor = (label: string) =>
      [...category.options].find((o) => o.textContent === label)?.value ?? 'missing option';
    expect(document.getElementById('root_incident_fall_witnessed')).toBeNull();
    fireEvent.change(category, { target: { value: optionFor('Fall') } });
    expect(document.getElementById('root_incident_fall_witnessed')).toBeTruthy();
    fireEvent.change(category, { target: { value: optionFor('Another injury') } });
    expect(document.getElementById('root_incident_fall_witnessed')).toBeNull();
  });

  it('every section opens with Next, without errors, and an empty record cannot move on', () => {
    const { onProceed, errors } = renderForm();
    const progress = screen.getByText(/^Section 1 of \d+$/).textContent!;
    const count = Number(progress.split(' of ')[1]);
    expect(count).toBeGreaterThan(3);
    for (let i = 2; i <= count; i++) {
      fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
      expect(screen.getByText(`Section ${i} of ${count}`)).toBeTruthy();
      expect(document.activeElement?.id).toBe('fw-section-title');
    }
    expect(errors).not.toHaveBeenCalled();
    const proceed = screen.getByRole('button', { name: 'Continue' });
    fireEvent.click(proceed);
    expect(onProceed).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').length).toBeGreaterThan(0);
  });

  const restraint = { incident: { category: 'behaviour_distress', restraintUsed: 'yes' } };
  const openSection = (title: string) =>
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Sections of this form' })).getByRole('button', {
        name: new RegExp(`^${title}`),
      }),
    );

  it('titles a list like any question: its legend, "(optional)" when it may be empty, never an asterisk', () => {
    renderForm({ ...restraint, actions: { items: [{}] } });
    const staff = screen.getByRole('group', { name: 'Staff who used restriction' });
    expect(staff.tagName).toBe('FIELDSET');
    expect(staff.textContent).not.toContain('*');
    openSection('Follow-up actions');
    expect(screen.getByRole('group', { name: 'Actions (optional)' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('*');
  });

  it('names each item, and says which item each "Remove" removes', () => {
    renderForm({
      ...restraint,
      incident: { ...restraint.incident, restraint: { staffInvolved: [{ name: 'A' }, { name: 'B' }] } },
      people: { involved: [{ name: 'Resident A' }, { name: 'Resident B' }] },
    });
    expect(screen.getByRole('group', { name: 'Staff who used restriction 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove staff who used restriction 2' })).toBeTruthy();
    openSection('People involved');
    expect(screen.getByRole('group', { name: 'Person 2' })).toBeTruthy();
    const remove = screen.getByRole('button', { name: 'Remove person 2' });
    // The visible word stays "Remove"; the rest is for screen readers.
    expect(remove.firstChild?.textContent).toBe('Remove');
    fireEvent.click(remove);
    expect(screen.queryByRole('group', { name: 'Person 2' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove person 1' })).toBeTruthy();
  });

  it('a required group nobody has started is listed as the questions inside it, each linked to its field', () => {
    renderForm(restraint);
    const count = Number(screen.getByText(/^Section 1 of \d+$/).textContent!.split(' of ')[1]);
    for (let i = 2; i <= count; i++) fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const links = within(screen.getByRole('alert')).getAllByRole('link');
    const group = links.filter((a) => a.textContent?.includes('(Restraint or restrictive intervention)'));
    expect(group.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['#root_incident_restraint_reason', '#root_incident_restraint_startedAt']),
    );
    // No message about the group as a whole, and none that links to the group rather than a question.
    expect(links.map((a) => a.getAttribute('href'))).not.toContain('#root_incident_restraint');
    // The link opens the section and focuses the question, which shows the same message.
    fireEvent.click(group.find((a) => a.getAttribute('href') === '#root_incident_restraint_reason')!);
    expect(document.activeElement?.id).toBe('root_incident_restraint_reason');
    expect(document.getElementById('root_incident_restraint_reason__error')).toBeTruthy();
  });
});

describe(`incident report ${latest}: the sections of the record's stage`, () => {
  const nav = () => screen.getByRole('navigation', { name: 'Sections of this form' });
  const sectionTitles = () =>
    within(nav())
      .getAllByRole('button')
      .map((b) => b.firstChild?.textContent);

  function renderAtStage(stage: string, data: Json = {}) {
    const onChange = vi.fn();
    const onProceed = vi.fn();
    const stages = template.stages ?? [];
    const nextStage = stages[stages.findIndex((s) => s.id === stage) + 1]?.id;
    render(
      <FormworkForm
        compiled={compiled}
        data={data}
        stage={stage}
        onChange={onChange}
        onProceed={onProceed}
        {...(nextStage ? { nextStage } : {})}
        now={() => '2026-11-22T12:00:00.000Z'}
      />,
    );
    return { onChange, onProceed };
  }

  it('a new report shows only what the person reporting answers, and says that more comes later', () => {
    renderAtStage('draft');
    expect(sectionTitles()).toEqual([
      'What happened',
      'People involved',
      'Harm',
      'Known risks',
      'Safeguarding',
    ]);
    expect(screen.getByText('Section 1 of 5')).toBeTruthy();
    expect(within(nav()).getByText('6 more sections open at later stages.')).toBeTruthy();
    for (let i = 2; i <= 5; i++) fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
    expect(screen.getByRole('heading', { name: 'Safeguarding' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Next: / })).toBeNull();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
  });

  it("a manager reviewing a reported record also sees who has been told and the manager's review", () => {
    renderAtStage('reported');
    expect(sectionTitles().slice(5)).toEqual(['Who has been told', 'Manager review']);
    expect(screen.getByText('Section 1 of 7')).toBeTruthy();
  });

  it('without a stage, every section shows', () => {
    render(<FormworkForm compiled={compiled} data={{}} onChange={() => {}} />);
    expect(sectionTitles()).toHaveLength(11);
    expect(within(nav()).queryByText(/open at later stages/)).toBeNull();
  });

  it('a later section that already holds answers is shown, and its answers are kept when others change', () => {
    const { onChange } = renderAtStage('draft', { learning: { rootCause: 'A crowded lounge.' } });
    expect(sectionTitles()).toContain('Learning');
    expect(sectionTitles()).not.toContain('Manager review');
    fireEvent.change(document.getElementById('root_incident_location') as HTMLInputElement, {
      target: { value: 'The lounge' },
    });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ learning: { rootCause: 'A crowded lounge.' } }),
    );
  });

  it('a problem in a section the stage does not show brings that section back, linked and marked', () => {
    // An emptied answer: nothing to show, but the engine still has something to say about it.
    const { onProceed } = renderAtStage('draft', { learning: { rootCause: '' } });
    expect(sectionTitles()).not.toContain('Learning');
    for (let i = 2; i <= 5; i++) fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onProceed).not.toHaveBeenCalled();
    const link = within(screen.getByRole('alert'))
      .getAllByRole('link')
      .find((a) => a.getAttribute('href') === '#root_learning_rootCause');
    expect(link).toBeTruthy();
    expect(sectionTitles()).toContain('Learning');
    expect(within(nav()).getByRole('button', { name: /^Learning/ }).textContent).toContain('Needs attention');
    fireEvent.click(link!);
    expect(document.activeElement?.id).toBe('root_learning_rootCause');
  });

  it("a gate in the server's refusal that needs a hidden section brings it back", () => {
    const serverEvaluation = {
      valid: true,
      errors: [],
      canProceed: false,
      safeguarding: false,
      gates: [
        {
          id: 'tier-a-rapid-review',
          stage: 'review',
          status: 'blocked' as const,
          severity: 'block' as const,
          message: 'A rapid review needs its root cause.',
          missing: ['/learning/rootCause'],
        },
      ],
    };
    render(
      <FormworkForm
        compiled={compiled}
        data={{}}
        stage="draft"
        onChange={() => {}}
        serverEvaluation={serverEvaluation}
      />,
    );
    expect(sectionTitles()).toContain('Learning');
    fireEvent.click(within(screen.getByRole('alert')).getByRole('link', { name: /root cause/ }));
    expect(screen.getByRole('heading', { name: 'Learning' })).toBeTruthy();
    expect(document.activeElement?.id).toBe('root_learning_rootCause');
  });
});
