// @vitest-environment happy-dom
// The renderer on a real template from forms/ (the latest incident report), with the real engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTemplate, Template } from '@formwork/engine/runtime';
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

function renderForm() {
  const onProceed = vi.fn();
  const errors = vi.spyOn(console, 'error');
  const nextStage = template.stages?.[1]?.id;
  render(
    <FormworkForm
      compiled={compiled}
      data={{}}
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
});
