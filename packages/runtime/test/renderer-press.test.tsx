// @vitest-environment happy-dom
// Regression: after a refused proceed, choosing a radio answer right after answering another radio question was lost
// in Chromium. Pressing the second radio moved the focus, leaving the first question removed its message, and
// everything below moved up before the button came up: the click landed beside the radio. Nothing above the pressed
// control may change between the press and the release; the messages catch up straight after the click.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledTemplate, Json, Template } from '@formwork/engine/runtime';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormworkForm } from '../src/renderer/index.js';
import { compileForTest } from './renderer-fixture.js';

const template = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'forms', 'incident-report', '1.1.0.json'), 'utf8'),
) as Template;

let compiled: CompiledTemplate;
beforeAll(async () => {
  compiled = await compileForTest(template);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
const messageOf = (id: string) => document.getElementById(`${id}__error`);
/** Runs the task after a release (where held work runs), and nothing later: the evaluation an answer schedules
 * (300 ms on) stays pending, as it does when someone answers two questions in quick succession. */
const afterRelease = () => act(() => vi.advanceTimersByTime(0));

function renderRefused() {
  const onChange = vi.fn<(data: Json) => void>();
  render(
    <FormworkForm
      compiled={compiled}
      data={{}}
      onChange={onChange}
      onProceed={() => {}}
      nextStage="reported"
      now={() => '2026-11-22T12:00:00.000Z'}
    />,
  );
  const nav = screen.getByRole('navigation', { name: 'Sections of this form' });
  const sectionButtons = within(nav).getAllByRole('button');
  fireEvent.click(sectionButtons.at(-1)!);
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
  expect(screen.getByRole('alert')).toBeTruthy();
  fireEvent.click(sectionButtons[0]!);
  return { onChange };
}

/** A mouse click as Chromium sends it: the press moves the focus (so the previous question is left), then the
 * release and the click follow. Returns what was checked between the press and the release. */
function clickWithMouse(target: HTMLInputElement, during: () => void) {
  fireEvent.pointerDown(target);
  fireEvent.mouseDown(target);
  act(() => target.focus());
  during();
  fireEvent.pointerUp(target);
  fireEvent.mouseUp(target);
  fireEvent.click(target);
  afterRelease();
}

describe('a radio pressed right after another radio question is answered (after a refused proceed)', () => {
  it('keeps the page still between press and release, takes the answer, then updates the messages', () => {
    const { onChange } = renderRefused();
    vi.useFakeTimers();
    const before = 'root_incident_repeatedPattern';
    const police = 'root_incident_policeInvolvement';
    expect(messageOf(before)).toBeTruthy();
    expect(messageOf(police)).toBeTruthy();

    // "Has something like this happened before…" → "No" (the second option).
    clickWithMouse(byId(`${before}-1`), () => {});
    expect(byId(`${before}-1`).checked).toBe(true);

    // "Were the police involved?" → "No" (the first option carries the field's id).
    const pressed = byId(police);
    clickWithMouse(pressed, () => {
      // Between press and release: the first question's message has not gone yet, and the radio under the pointer
      // is the same element.
      expect(messageOf(before)).toBeTruthy();
      expect(byId(police)).toBe(pressed);
    });
    expect(byId(police)).toBe(pressed);
    expect(pressed.checked).toBe(true);
    expect(onChange.mock.lastCall?.[0]).toMatchObject({
      incident: { repeatedPattern: 'no', policeInvolvement: 'none' },
    });
    // After the click: the first question's message has gone; the police question's goes once it is left.
    expect(messageOf(before)).toBeNull();
  });

  it('brings the messages up to date at once when a question is left with the keyboard', () => {
    renderRefused();
    const before = 'root_incident_repeatedPattern';
    fireEvent.click(byId(`${before}-1`));
    act(() => byId(`${before}-1`).focus());
    act(() => byId('root_incident_policeInvolvement').focus());
    expect(messageOf(before)).toBeNull();
  });
});
