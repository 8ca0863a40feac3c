import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../src/app/api/types.js';
import { ConflictPanel, whoSaved } from '../src/app/autosave/ConflictPanel.js';
import { lastSaver } from '../src/app/autosave/lastSaver.js';
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

  it('names who saved the newer version, from the record’s history', () => {
    render(
      <ConflictPanel
        merge={merge}
        theirsSavedAt="2026-11-22T14:32:00Z"
        theirsSavedBy={{ name: 'Sam Staff', you: false }}
        now={() => new Date('2026-11-22T16:00:00Z')}
        titleOf={(p) => titles[p] ?? p}
        isText={(p) => p === '/notes'}
        onResolve={() => {}}
      />,
    );
    expect(screen.getByText(/Sam Staff saved a newer version at 14:32 on another device\./)).toBeTruthy();
  });
});

describe('whoSaved', () => {
  const today = new Date('2026-07-01T20:00:00Z');
  it('says the UK time alone for a save today, the date as well otherwise, and "You" for the same person', () => {
    // 14:32 UTC is 15:32 in London in summer.
    expect(whoSaved({ name: 'Sam Staff', you: false }, '2026-07-01T14:32:00Z', today)).toBe(
      'Sam Staff saved a newer version at 15:32 on another device.',
    );
    expect(whoSaved({ name: 'Sam Staff', you: true }, '2026-07-01T14:32:00Z', today)).toBe(
      'You saved a newer version at 15:32 on another device.',
    );
    expect(whoSaved({ name: 'Sam Staff', you: false }, '2026-06-30T14:32:00Z', today)).toMatch(
      /^Sam Staff saved a newer version at 30 June 2026.*15:32 on another device\.$/,
    );
  });
  it('says "Someone" when the history does not name them', () => {
    expect(whoSaved(undefined, '2026-07-01T14:32:00Z', today)).toBe('Someone saved it at 15:32.');
  });
});

describe('lastSaver', () => {
  const sam = { id: 'u1', name: 'Sam Staff' };
  const alex = { id: 'u2', name: 'Alex Manager' };
  const history: HistoryEntry[] = [
    { kind: 'revision', at: '2026-07-01T10:00:00Z', by: sam, revision: 1 },
    { kind: 'review', at: '2026-07-01T10:30:00Z', by: sam, decision: 'approved' },
    { kind: 'revision', at: '2026-07-01T11:00:00Z', by: alex, revision: 2 },
  ];
  it('finds the person who saved that revision, and nobody for a revision the history does not have', () => {
    expect(lastSaver(history, 2)).toEqual(alex);
    expect(lastSaver(history, 1)).toEqual(sam);
    expect(lastSaver(history, 3)).toBeUndefined();
  });
});
