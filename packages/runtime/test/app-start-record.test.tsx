import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../src/app/api/types.js';
import { StartRecordButton } from '../src/app/pages/StartRecordButton.js';
import { SessionContext } from '../src/app/session/SessionContext.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user: SessionUser = {
  id: 'u1',
  name: 'Sam',
  email: 'sam@example.test',
  role: 'staff',
  organisationId: 'o1',
  organisationName: 'Riverside Care',
  teamId: null,
};

describe('StartRecordButton', () => {
  it('reuses one Idempotency-Key when the person tries again after a failure, and a new one for a new start', async () => {
    const keys: string[] = [];
    let fail = true;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      keys.push((init.headers as Record<string, string>)['Idempotency-Key'] ?? '');
      if (fail) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ record: { id: `r${keys.length}` } }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    });
    const renderButton = () =>
      render(
        <SessionContext.Provider value={{ user, signOut: async () => {}, expired: () => {} }}>
          <StartRecordButton
            template={{
              id: 'incident-report',
              title: 'Incident report',
              latestVersion: '1.1.0',
              versions: [],
            }}
          />
        </SessionContext.Provider>,
      );
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Start Incident report' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toMatch(/could not reach Formwork/);

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again Incident report' }));
    await waitFor(() => expect(window.location.pathname).toBe('/records/r2/fill'));

    // Back on the home page later, a new start is a new record: a new key.
    cleanup();
    renderButton();
    fireEvent.click(screen.getByRole('button', { name: 'Start Incident report' }));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
