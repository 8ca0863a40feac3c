import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictPanel } from '../src/app/autosave/ConflictPanel.js';
import { mergeThreeWay, type Resolution } from '../src/app/autosave/merge.js';

afterEach(cleanup);

describe('ConflictPanel', () => {
  const merge = mergeThreeWay(
    { notes: 'Start', severity: 'low' },
    { notes: 'Mine', severity: 'high' },
    { notes: 'Theirs', severity: 'moderate' },
  );
  const titles: Record<string, string> = { '/notes': 'What happened?', '/severity': 'How serious was it?' };

  function show(onResolve: (choices: Record<string, Resolution>) => void) {
    render(
      <ConflictPanel
        merge={merge}
        theirsSavedAt="2026-11-22T10:00:00Z"
        titleOf={(p) => titles[p] ?? p}
        isText={(p) => p === '/notes'}
        onResolve={onResolve}
      />,
    );
  }

  it('shows both answers for each field both devices changed, under the question’s title', () => {
    show(() => {});
    const notes = screen.getByRole('group', { name: 'What happened?' });
    expect(notes.textContent).toContain('Mine');
    expect(notes.textContent).toContain('Theirs');
    // Text can be kept from both sides, and that is the default.
    expect((screen.getAllByLabelText('Keep both (yours first)')[0] as HTMLInputElement).checked).toBe(true);
    // A choice cannot be "both": the person picks one, this device's by default.
    const severity = screen.getByRole('group', { name: 'How serious was it?' });
    expect(severity.textContent).not.toContain('Keep both');
    expect(severity.querySelector<HTMLInputElement>('input[value="mine"]')?.checked).toBe(true);
  });

  it('hands back the person’s choices', () => {
    let chosen: Record<string, Resolution> | undefined;
    show((c) => {
      chosen = c;
    });
    const severity = screen.getByRole('group', { name: 'How serious was it?' });
    fireEvent.click(severity.querySelector('input[value="theirs"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Save these answers' }));
    expect(chosen).toEqual({ '/severity': 'theirs' });
  });
});
