// @vitest-environment happy-dom
// A question a gate of the next stage needs is not "optional", on the real safeguarding checklist with the real
// engine; and gateNeeds' pointer patterns (`*` items) on a small template.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CompiledTemplate, evaluate, type Json, type Template } from '@formwork/engine/runtime';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gateNeeds } from '../src/renderer/gateNeeds.js';
import { FormworkForm } from '../src/renderer/index.js';
import { compileForTest } from './renderer-fixture.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'forms', 'safeguarding-threshold-checklist');
const latest = readdirSync(dir)
  .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .at(-1)!;
const checklist = JSON.parse(readFileSync(join(dir, latest), 'utf8')) as Template;

let compiled: CompiledTemplate;
beforeAll(async () => {
  compiled = await compileForTest(checklist);
});
afterEach(cleanup);

/** The question's label or legend text, and the control's `aria-required`. */
function question(id: string): { label: string; ariaRequired: string | null } {
  const control = document.getElementById(id) as HTMLInputElement | null;
  if (!control) throw new Error(`no control #${id} on the page`);
  const legend = control.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${id}"]`);
  const text = (control.type === 'radio' ? legend : label)?.textContent ?? '';
  return { label: text, ariaRequired: control.getAttribute('aria-required') };
}

async function renderDecision(data: Json, nextStage: string | null = 'completed') {
  render(
    <FormworkForm
      compiled={compiled}
      data={data}
      onChange={() => {}}
      onProceed={() => {}}
      stage="submitted"
      {...(nextStage ? { nextStage } : {})}
      now={() => '2026-11-22T12:00:00.000Z'}
    />,
  );
  // The first evaluation runs once the form is on screen.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Sections of this form' })).getByRole('button', {
      name: /^Decision/,
    }),
  );
}

describe(`safeguarding threshold checklist ${latest}: questions its gates need`, () => {
  it('the schema leaves the Decision questions optional, and the "decision-recorded" gate needs them', () => {
    // What makes this test meaningful: if the template changes, the test should be looked at again.
    const decision = (checklist.schema.properties as { [k: string]: { required?: string[] } }).decision;
    expect(decision?.required ?? []).toEqual([]);
    const gate = evaluate(compiled, {}, { to: 'completed' }).gates.find((g) => g.id === 'decision-recorded');
    expect(gate?.status).toBe('blocked');
  });

  it('the Decision questions a blocking gate needs are not optional and are aria-required; the rest stay optional', async () => {
    await renderDecision({});
    for (const id of ['root_decision_rationale', 'root_decision_decidedBy']) {
      expect(question(id).label).not.toContain('(optional)');
      expect(question(id).ariaRequired).toBe('true');
    }
    // A date-time input and radios support no aria-required (as for schema-required ones): the label says it.
    expect(question('root_decision_decidedAt').label).toBe('When?');
    expect(question('root_decision_decision').label).toBe('What is the decision?');
    expect(screen.getByRole('group', { name: /^Actions/ }).querySelector('legend')?.textContent).toBe(
      'Actions (optional)',
    );
  });

  it('still not optional once answered (the gate is met, not gone)', async () => {
    await renderDecision({ decision: { rationale: 'Spoke to the person and their GP.' } });
    expect(question('root_decision_rationale').label).not.toContain('(optional)');
    expect(question('root_decision_rationale').ariaRequired).toBe('true');
  });

  it('a question only a warn gate needs loses "(optional)" but is not aria-required', async () => {
    await renderDecision({ decision: { decision: 'raise_s42_concern' } });
    const reference = question('root_decision_reference');
    expect(reference.label).toBe('Local authority reference');
    expect(reference.ariaRequired).toBeNull();
  });

  it('with no next stage to move to, no gate marks anything', async () => {
    await renderDecision({}, null);
    expect(question('root_decision_rationale').label).toContain('(optional)');
    expect(question('root_decision_rationale').ariaRequired).toBeNull();
  });
});

describe('gateNeeds', () => {
  const listTemplate: Template = {
    id: 'gate-needs-test',
    version: '1.0.0',
    title: 'Actions',
    schema: {
      type: 'object',
      properties: {
        actions: {
          type: 'array',
          items: { type: 'object', properties: { owner: { type: 'string' }, note: { type: 'string' } } },
        },
        lessons: { type: 'string' },
        later: { type: 'string' },
      },
    },
    stages: [
      { id: 'draft', title: 'Draft' },
      { id: 'reviewed', title: 'Reviewed' },
      { id: 'closed', title: 'Closed' },
    ],
    gates: [
      {
        id: 'owners',
        stage: 'reviewed',
        severity: 'block',
        message: 'Name owners.',
        requires: ['/actions/*/owner'],
      },
      {
        id: 'lessons',
        stage: 'reviewed',
        severity: 'warn',
        message: 'Note lessons.',
        requires: ['/lessons'],
      },
      {
        id: 'lessons-if-owned',
        stage: 'reviewed',
        severity: 'block',
        message: 'Lessons are needed when there are actions.',
        when: { required: ['actions'] },
        requires: ['/lessons'],
      },
      { id: 'later', stage: 'closed', severity: 'block', message: 'Later.', requires: ['/later'] },
    ],
  };
  let small: CompiledTemplate;
  beforeAll(async () => {
    small = await compileForTest(listTemplate);
  });
  const needsFor = (data: Json) => gateNeeds(small, evaluate(small, data, { to: 'reviewed' }).gates);

  it('a `*` pattern needs every item and the list itself; a later stage needs nothing yet', () => {
    const needs = needsFor({});
    expect(needs.need('/actions')).toBe('block');
    expect(needs.need('/actions/0/owner')).toBe('block');
    expect(needs.need('/actions/12/owner')).toBe('block');
    expect(needs.need('/actions/0/note')).toBeUndefined();
    expect(needs.need('/actions/x/owner')).toBeUndefined();
    expect(needs.need('/later')).toBeUndefined();
  });

  it('a block gate wins over a warn gate, and a gate that does not apply needs nothing', () => {
    expect(needsFor({}).need('/lessons')).toBe('warn');
    expect(needsFor({ actions: [{ owner: 'Sam' }] }).need('/lessons')).toBe('block');
  });

  it('equal needs give equal keys (the form keeps the same object while they hold)', () => {
    expect(needsFor({}).key).toBe(needsFor({ later: 'x' }).key);
    expect(needsFor({}).key).not.toBe(needsFor({ actions: [{ owner: 'Sam' }] }).key);
  });
});
