import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AutosaveStatus } from '../src/app/autosave/AutosaveController.js';
import { SaveStatus } from '../src/app/autosave/SaveStatus.js';

afterEach(cleanup);

const show = (status: AutosaveStatus, onRetry?: () => void) =>
  render(<SaveStatus status={status} {...(onRetry ? { onRetry } : {})} />);

describe('SaveStatus', () => {
  it('shows the UK time of the last save in a live region', () => {
    show({ state: { kind: 'saved', at: '2026-07-01T13:32:00Z' }, keptLocally: true });
    // 13:32 UTC is 14:32 in British Summer Time.
    expect(screen.getByRole('status').textContent).toBe('Saved at 14:32');
  });

  it('says "Last saved" on opening, so that it never claims a save this page did not make', () => {
    show({ state: { kind: 'idle', at: '2026-11-22T09:05:00Z' }, keptLocally: true });
    expect(screen.getByRole('status').textContent).toBe('Last saved at 09:05');
  });

  it('says "Saving…" while a save is waiting or under way', () => {
    show({ state: { kind: 'pending' }, keptLocally: true });
    expect(screen.getByRole('status').textContent).toBe('Saving…');
  });

  it('says plainly that changes are not saved yet, that it keeps trying, and that the answers are kept', () => {
    let retried = 0;
    show({ state: { kind: 'retrying', attempt: 3 }, keptLocally: true }, () => retried++);
    expect(screen.getByRole('status').textContent).toBe(
      "Not saved yet — we'll keep trying. Your answers are kept on this device.",
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(retried).toBe(1);
  });

  it('asks the person to keep the page open when the device could not keep a copy', () => {
    show({ state: { kind: 'retrying', attempt: 1 }, keptLocally: false });
    expect(screen.getByRole('status').textContent).toContain('keep this page open');
  });

  it('offers to sign in again when the session ended and the answers are kept on this device', () => {
    let signIns = 0;
    render(
      <SaveStatus status={{ state: { kind: 'signed-out' }, keptLocally: true }} onSignIn={() => signIns++} />,
    );
    expect(screen.getByRole('status').textContent).toContain('Your answers are kept on this device');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signIns).toBe(1);
  });

  it('offers no retry button while saving works', () => {
    show({ state: { kind: 'saving' }, keptLocally: true }, () => {});
    expect(screen.queryByRole('button')).toBeNull();
  });
});
