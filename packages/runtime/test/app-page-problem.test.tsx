import { cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageProblemBoundary } from '../src/app/layout/PageProblemBoundary.js';

afterEach(cleanup);

describe('PageProblemBoundary', () => {
  it('says plainly that a page whose code could not be downloaded cannot be shown, and offers to try again', async () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Offline = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(
      <PageProblemBoundary>
        <Suspense fallback={<p>Loading…</p>}>
          <Offline />
        </Suspense>
      </PageProblemBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page could not be shown');
    expect(alert.textContent).toContain('Anything you typed is kept on this device');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows the page when nothing goes wrong', () => {
    render(
      <PageProblemBoundary>
        <p>Your records</p>
      </PageProblemBoundary>,
    );
    expect(screen.getByText('Your records')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
