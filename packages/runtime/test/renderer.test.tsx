// @vitest-environment happy-dom
import { type CompiledTemplate, evaluate, type Json } from '@formwork/engine/runtime';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormworkForm, type FormworkFormProps } from '../src/renderer/index.js';
import { compileForTest } from './renderer-fixture.js';

let compiled: CompiledTemplate;
beforeAll(async () => {
  compiled = await compileForTest();
});
afterEach(cleanup);

const NOW = '2026-11-22T12:00:00.000Z';
const complete: Json = {
  about: { occurredAt: '2026-11-22T09:30:00.000Z', description: 'Slipped in the lounge.', injury: false },
  followUp: { managerName: 'Sam Patel' },
};

function renderForm(overrides: Partial<FormworkFormProps> = {}) {
  const onChange = vi.fn();
  const onProceed = vi.fn();
  const props: FormworkFormProps = {
    compiled,
    data: {},
    onChange,
    onProceed,
    nextStage: 'submitted',
    proceedLabel: 'Send to manager',
    now: () => NOW,
    ...overrides,
  };
  const view = render(<FormworkForm {...props} />);
  return { ...view, onChange, onProceed };
}

const sectionButton = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Sections of this form' })).queryByRole('button', {
    name: new RegExp(name),
  });
const openLastSection = () => fireEvent.click(sectionButton('Follow-up')!);
const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('FormworkForm sections', () => {
  it('shows one section at a time with its place in the form', () => {
    const { onChange } = renderForm();
    // Opening the form changes nothing (rjsf would answer an unanswered required yes/no question "No" by itself,
    // and make up empty groups): nothing for autosave to send.
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Section 1 of 2')).toBeTruthy();
    expect(input('root_about_description')).toBeTruthy();
    expect(input('root_followUp_managerName')).toBeNull();
    openLastSection();
    expect(screen.getByText('Section 2 of 2')).toBeTruthy();
    expect(input('root_followUp_managerName')).toBeTruthy();
    expect(input('root_about_description')).toBeNull();
  });

  it('opens a conditional section when its condition holds and closes it when it stops holding', () => {
    const { onChange } = renderForm();
    expect(sectionButton('Injury')).toBeNull();
    // Yes/No radios: the first option carries the field's id.
    fireEvent.click(input('root_about_injury'));
    expect(sectionButton('Injury')).toBeTruthy();
    expect(screen.getByText('Section 1 of 3')).toBeTruthy();
    expect(onChange).toHaveBeenLastCalledWith({ about: { injury: true } });
    fireEvent.click(input('root_about_injury-1'));
    expect(sectionButton('Injury')).toBeNull();
    expect(screen.getByText('Section 1 of 2')).toBeTruthy();
  });
});

describe('FormworkForm messages', () => {
  it('shows a required message when the field is left, not while someone types', async () => {
    vi.useFakeTimers();
    try {
      renderForm();
      const box = input('root_about_description');
      act(() => box.focus());
      fireEvent.change(box, { target: { value: 'S' } });
      fireEvent.change(box, { target: { value: '' } });
      // Well past the evaluation's debounce: still nothing while the field has focus.
      await act(async () => {
        vi.advanceTimersByTime(2000);
      });
      expect(document.getElementById('root_about_description__error')).toBeNull();
      expect(box.getAttribute('aria-invalid')).toBeNull();
      fireEvent.blur(box);
      const message = document.getElementById('root_about_description__error');
      expect(message).toBeTruthy();
      // Tied to the input for screen readers, along with the hint.
      expect(box.getAttribute('aria-describedby')).toContain('root_about_description__error');
      expect(box.getAttribute('aria-describedby')).toContain('root_about_description__hint');
      // Other required fields that were never visited stay quiet.
      expect(document.getElementById('root_about_occurredAt__error')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a refused proceed, focuses the summary, which lists the fields and the blocking gate', () => {
    const { onProceed } = renderForm();
    openLastSection();
    fireEvent.click(screen.getByRole('button', { name: 'Send to manager' }));
    expect(onProceed).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByText(/A manager needs to know about every incident/)).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining([
        '#root_about_occurredAt',
        '#root_about_description',
        '#root_followUp_managerName',
      ]),
    );
    // The warn gate is advice, not a problem.
    expect(within(summary).queryByText(/Families usually hear/)).toBeNull();
    // The gates panel says what blocks the next stage, with links to what it needs.
    const panel = screen.getByRole('region', { name: 'Before you can continue' });
    expect(within(panel).getByRole('link', { name: 'Which manager did you tell?' })).toBeTruthy();
    // After a refused proceed every problem shows at its field, including sections not yet visited.
    expect(screen.getAllByText('Needs attention').length).toBe(2);
  });

  it("a summary link opens the field's section and focuses the field", () => {
    renderForm();
    openLastSection();
    fireEvent.click(screen.getByRole('button', { name: 'Send to manager' }));
    const link = within(screen.getByRole('alert'))
      .getAllByRole('link')
      .find((a) => a.getAttribute('href') === '#root_about_description')!;
    fireEvent.click(link);
    expect(document.activeElement).toBe(input('root_about_description'));
    expect(document.getElementById('root_about_description__error')).toBeTruthy();
  });

  it('warn gates are shown as advice but do not block', async () => {
    const { onProceed } = renderForm({ data: complete });
    openLastSection();
    const panel = await screen.findByRole('region', { name: 'Worth checking before you continue' });
    expect(within(panel).getByText(/Families usually hear from us the same day/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to manager' }));
    expect(onProceed).toHaveBeenCalledTimes(1);
    expect(onProceed).toHaveBeenCalledWith(complete);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the server's refusal exactly as the browser's own", () => {
    const browser = renderForm();
    openLastSection();
    fireEvent.click(screen.getByRole('button', { name: 'Send to manager' }));
    // The same words and links (the heading's generated id aside).
    const content = (el: HTMLElement) => el.innerHTML.replace(/id="[^"]*"/, '');
    const browserSummary = content(screen.getByRole('alert'));
    browser.unmount();

    const serverEvaluation = evaluate(compiled, { about: {} }, { to: 'submitted', now: NOW });
    expect(serverEvaluation.canProceed).toBe(false);
    renderForm({ serverEvaluation });
    const summary = screen.getByRole('alert');
    expect(content(summary)).toBe(browserSummary);
    expect(document.activeElement).toBe(summary);
  });

  it('read-only shows the answers without a way to change them or move on', () => {
    renderForm({ data: complete, readOnly: true });
    expect(input('root_about_description').readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Send to manager' })).toBeNull();
  });
});

describe('validator adapter (rjsf ValidatorType from the engine)', () => {
  it("answers rjsf's condition questions from the precompiled validators", async () => {
    const { createValidator } = await import('../src/renderer/createValidator.js');
    const validator = createValidator(compiled, { prefix: '', record: () => ({}) });
    const condition = (compiled.schema.allOf as { if: object }[])[0]!.if;
    expect(validator.isValid(condition, { about: { injury: true } }, compiled.schema)).toBe(true);
    expect(validator.isValid(condition, { about: { injury: false } }, compiled.schema)).toBe(false);
    // A condition nobody precompiled is answered "no" (fail closed), never by compiling it here.
    expect(validator.isValid({ const: 'x' }, 'x', compiled.schema)).toBe(false);
  });

  it("validates a section with the engine's words, judged with the rest of the record", async () => {
    const { createValidator } = await import('../src/renderer/createValidator.js');
    const record: Json = { about: { injury: true }, followUp: {} };
    const validator = createValidator(compiled, { prefix: '/about', record: () => record, now: () => NOW });
    const result = validator.validateFormData({ injury: true, description: 'Fell' }, {});
    expect(result.errors.map((e) => e.property)).toEqual(['occurredAt']);
    expect(result.errorSchema).toEqual({ occurredAt: { __errors: [result.errors[0]!.message] } });
    // The injury section the rest of the record opens is judged too, but belongs to another section.
    const whole = createValidator(compiled, { prefix: '', record: () => record }).validateFormData(
      record,
      {},
    );
    expect(whole.errors.map((e) => e.property)).toEqual(
      // The injury section nobody has started is reported as the question inside it (the engine's evaluate).
      expect.arrayContaining(['about.occurredAt', 'about.description', 'injuryDetails.bodyPart']),
    );
  });
});
