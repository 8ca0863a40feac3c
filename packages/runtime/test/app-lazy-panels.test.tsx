// @vitest-environment happy-dom
// The conflict panel and the sign-off form are downloaded when they are needed (src/app/pages/lazyPanels.ts). A
// panel whose download fails says so in its own words, where it would have been, and can try again.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictPanel, SignOffForm } from '../src/app/pages/lazyPanels.js';
import { lazyPart } from '../src/renderer/registry/lazyPart.js';

afterEach(cleanup);

describe('panels loaded on demand', () => {
  it('says what could not be loaded, keeps the page around it, and tries again', async () => {
    let fail = true;
    const Panel = lazyPart(
      () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(() => <p>The choices</p>)),
      {
        loading: 'Loading the choices…',
        failed: 'The choices could not be loaded. Check the connection, then',
      },
    );
    render(
      <>
        <label>
          Description <input defaultValue="typed words" />
        </label>
        <Panel />
      </>,
    );
    expect(screen.getByText('Loading the choices…')).toBeTruthy();
    expect(await screen.findByText(/The choices could not be loaded/)).toBeTruthy();
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('typed words');
    fail = false;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'try again' })));
    expect(await screen.findByText('The choices')).toBeTruthy();
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('typed words');
  });

  it('are the real panels once loaded', async () => {
    const [conflict, signOff] = await Promise.all([ConflictPanel.load(), SignOffForm.load()]);
    expect(conflict.name).toBe('ConflictPanel');
    expect(signOff.name).toBe('SignOffForm');
  });
});
