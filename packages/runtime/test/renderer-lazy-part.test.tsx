// @vitest-environment happy-dom
// The parts of rjsf that no template in forms/ draws are downloaded when a form first draws one
// (src/renderer/registry/lazyPart.tsx). Its own file: nothing else here has loaded them yet.
import type { Template } from '@formwork/engine/runtime';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormworkForm } from '../src/renderer/index.js';
import { lazyPart } from '../src/renderer/registry/lazyPart.js';
import { compileForTest } from './renderer-fixture.js';

afterEach(cleanup);

describe('a part loaded on demand', () => {
  const rated: Template = {
    id: 'registry-test',
    version: '1.0.0',
    title: 'Rated',
    schema: {
      type: 'object',
      properties: {
        about: {
          type: 'object',
          title: 'About',
          properties: {
            note: { type: 'string', title: 'Note' },
            score: { type: 'integer', title: 'How calm was it?', minimum: 1, maximum: 5 },
          },
        },
      },
    },
    uiSchema: { 'ui:order': ['about', '*'], about: { score: { 'ui:widget': 'RatingWidget' } } },
  };

  it("says the question is loading, then draws rjsf's own widget, keeping the answer", async () => {
    const compiled = await compileForTest(rated);
    const onChange = vi.fn();
    render(<FormworkForm compiled={compiled} data={{ about: { score: 3 } }} onChange={onChange} />);
    expect(screen.getByText('Loading this question…')).toBeTruthy();
    expect(document.getElementById('root_about_note')).toBeTruthy();
    const star = await screen.findByRole('radio', { name: '4 stars' });
    expect(screen.queryByText('Loading this question…')).toBeNull();
    expect(screen.getByRole('radio', { name: '3 stars' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(star);
    expect(onChange).toHaveBeenLastCalledWith({ about: { score: 4 } });
  });

  it('says plainly when it cannot be downloaded, and tries again when asked', async () => {
    let attempts = 0;
    const Part = lazyPart<{ label: string }>(async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return ({ label }: { label: string }) => <p>{label}</p>;
    });
    render(<Part label="Loaded at last" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be loaded');
    expect(alert.textContent).toContain('Your answers are kept');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'try again' })));
    expect(await screen.findByText('Loaded at last')).toBeTruthy();
    expect(attempts).toBe(2);
    // Once loaded, every later use draws it at once.
    cleanup();
    render(<Part label="At once" />);
    expect(screen.getByText('At once')).toBeTruthy();
  });
});
