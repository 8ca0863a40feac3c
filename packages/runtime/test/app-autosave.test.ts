import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/app/api/ApiError.js';
import type { FormRecord, Json } from '../src/app/api/types.js';
import { AutosaveController } from '../src/app/autosave/AutosaveController.js';
import { readLocalCopy } from '../src/app/autosave/localCopy.js';
import { BOTH_SEPARATOR_INLINE } from '../src/app/autosave/merge.js';

function record(revision: number, data: Json): FormRecord {
  return {
    id: 'r1',
    templateId: 't',
    templateVersion: '1.0.0',
    stage: 'draft',
    status: 'open',
    data,
    revision,
    safeguarding: false,
    createdBy: { id: 'u1', name: 'Asha' },
    createdAt: '2026-11-22T09:00:00Z',
    updatedAt: `2026-11-22T09:0${revision}:00Z`,
  };
}

/** A hand-driven clock: timers run only when the test says so. */
function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    schedule: (fn: () => void, ms: number) => {
      const entry = { fn, ms };
      pending.push(entry);
      return () => {
        const i = pending.indexOf(entry);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    runNext: () => pending.shift()?.fn(),
  };
}

/** A fake server: replies in order with what the test queues. */
function fakeServer() {
  const calls: { data: Json; revision: number; keepalive: boolean }[] = [];
  const replies: (() => Promise<{ record: FormRecord }>)[] = [];
  return {
    calls,
    replies,
    save: (data: Json, revision: number, options: { keepalive: boolean }) => {
      calls.push({ data, revision, keepalive: options.keepalive });
      const next = replies.shift();
      return next ? next() : Promise.reject(new Error('no reply queued'));
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('AutosaveController', () => {
  let timers: ReturnType<typeof manualTimers>;
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    localStorage.clear();
    timers = manualTimers();
    server = fakeServer();
  });

  function make(start: FormRecord, isText?: (p: string) => boolean) {
    const controller = new AutosaveController(
      {
        recordId: 'r1',
        save: server.save,
        storage: localStorage,
        now: () => new Date('2026-11-22T14:32:00Z'),
        schedule: timers.schedule,
        random: () => 0.5,
        ...(isText ? { isText } : {}),
      },
      start,
      readLocalCopy(localStorage, 'r1'),
    );
    controller.start();
    return controller;
  }

  it('keeps every change on the device at once, sends it after a pause with If-Match, then clears the copy', async () => {
    const c = make(record(1, { notes: '' }));
    c.change({ notes: 'Fell' });
    expect(readLocalCopy(localStorage, 'r1')?.data).toEqual({ notes: 'Fell' });
    expect(c.getStatus().state.kind).toBe('pending');
    expect(server.calls).toHaveLength(0);

    server.replies.push(async () => ({ record: record(2, { notes: 'Fell' }) }));
    timers.runNext();
    await settle();
    expect(server.calls).toEqual([{ data: { notes: 'Fell' }, revision: 1, keepalive: false }]);
    expect(c.getStatus().state).toEqual({ kind: 'saved', at: '2026-11-22T09:02:00Z' });
    expect(readLocalCopy(localStorage, 'r1')).toBeNull();
  });

  it('keeps trying with growing waits when the server is down, and keeps the answers meanwhile', async () => {
    const c = make(record(1, {}));
    c.change({ notes: 'a' });
    server.replies.push(() => Promise.reject(new ApiError(0, 'network', 'offline')));
    server.replies.push(() => Promise.reject(new ApiError(503, 'unavailable', 'down')));
    timers.runNext();
    await settle();
    expect(c.getStatus().state).toEqual({ kind: 'retrying', attempt: 1 });
    c.change({ notes: 'ab' });
    expect(readLocalCopy(localStorage, 'r1')?.data).toEqual({ notes: 'ab' });
    expect(timers.pending.map((t) => t.ms)).toEqual([2000]);

    timers.runNext();
    await settle();
    expect(c.getStatus().state).toEqual({ kind: 'retrying', attempt: 2 });
    expect(timers.pending.map((t) => t.ms)).toEqual([4000]);

    // The browser says it is online again: no need to wait for the timer.
    server.replies.push(async () => ({ record: record(2, { notes: 'ab' }) }));
    c.retryNow();
    await settle();
    expect(server.calls.map((x) => x.data)).toEqual([{ notes: 'a' }, { notes: 'ab' }, { notes: 'ab' }]);
    expect(c.getStatus().state.kind).toBe('saved');
    expect(timers.pending).toHaveLength(0);
  });

  it('does not save when the form reports the same answers again (on mount, on focus)', () => {
    const c = make(record(1, { notes: 'x', list: [1] }));
    c.change({ notes: 'x', list: [1] });
    expect(c.getStatus().state.kind).toBe('idle');
    expect(timers.pending).toHaveLength(0);
    expect(readLocalCopy(localStorage, 'r1')).toBeNull();
  });

  it('does nothing until started, so a controller React builds and throws away sends nothing', () => {
    localStorage.setItem(
      'formwork:record:r1',
      JSON.stringify({ recordId: 'r1', data: { a: 1 }, baseRevision: 1, baseData: {}, changedAt: 'x' }),
    );
    const idle = new AutosaveController(
      {
        recordId: 'r1',
        save: server.save,
        storage: localStorage,
        now: () => new Date(),
        schedule: timers.schedule,
      },
      record(1, {}),
      readLocalCopy(localStorage, 'r1'),
    );
    expect(idle.currentData).toEqual({ a: 1 });
    expect(timers.pending).toHaveLength(0);
    idle.start();
    expect(timers.pending.map((t) => t.ms)).toEqual([0]);
  });

  it('sends on page hide with keepalive', async () => {
    const c = make(record(1, {}));
    c.change({ notes: 'x' });
    server.replies.push(async () => ({ record: record(2, { notes: 'x' }) }));
    await c.flush({ keepalive: true });
    expect(server.calls[0]?.keepalive).toBe(true);
  });

  it('saves again when typing went on during a save, based on the new revision', async () => {
    const c = make(record(1, {}));
    c.change({ notes: 'a' });
    let release: (v: { record: FormRecord }) => void = () => {};
    server.replies.push(() => new Promise((r) => (release = r)));
    const first = c.flush();
    c.change({ notes: 'ab' });
    release({ record: record(2, { notes: 'a' }) });
    expect(await first).toBe(false);
    expect(readLocalCopy(localStorage, 'r1')).toMatchObject({ data: { notes: 'ab' }, baseRevision: 2 });
    server.replies.push(async () => ({ record: record(3, { notes: 'ab' }) }));
    timers.runNext();
    await settle();
    expect(server.calls.map((x) => x.revision)).toEqual([1, 2]);
    expect(c.getStatus().state.kind).toBe('saved');
  });

  it('after a reload, the device copy wins over the server and is sent on the revision it was based on', async () => {
    const first = make(record(1, { notes: '' }));
    first.change({ notes: 'Typed before the tab closed' });
    // The tab is closed and its last save never arrives.
    server.replies.push(() => Promise.reject(new ApiError(0, 'network', 'offline')));
    first.stop();
    await settle();
    expect(timers.pending).toHaveLength(0);

    const c = make(record(1, { notes: '' }));
    expect(c.currentData).toEqual({ notes: 'Typed before the tab closed' });
    expect(c.getStatus().state.kind).toBe('pending');
    server.replies.push(async () => ({ record: record(2, { notes: 'Typed before the tab closed' }) }));
    timers.runNext();
    await settle();
    const sent = { data: { notes: 'Typed before the tab closed' }, revision: 1, keepalive: false };
    expect(server.calls).toEqual([sent, sent]);
    expect(c.getStatus().state.kind).toBe('saved');
  });

  it('on a save from another device, merges field by field and keeps both texts for a field both changed', async () => {
    const c = make(record(1, { notes: 'Start', location: 'Lounge', severity: 'low' }), (p) => p === '/notes');
    c.change({ notes: 'Start. Mine', location: 'Lounge', severity: 'high' });
    const theirs = record(5, { notes: 'Start. Theirs', location: 'Garden', severity: 'low' });
    server.replies.push(() =>
      Promise.reject(
        new ApiError(412, 'stale-revision', 'stale', {
          error: { code: 'stale-revision', message: 'stale' },
          current: theirs,
        }),
      ),
    );
    timers.runNext();
    await settle();
    const state = c.getStatus().state;
    expect(state.kind).toBe('conflict');
    if (state.kind !== 'conflict') return;
    expect(state.merge.conflicts.map((x) => x.path)).toEqual(['/notes']);
    // Nothing is sent until the person has looked at both versions.
    expect(timers.pending).toHaveLength(0);

    server.replies.push(async () => ({ record: record(6, {}) }));
    const resolved = c.resolveConflict({});
    expect(resolved).toEqual({
      notes: `Start. Mine${BOTH_SEPARATOR_INLINE}Start. Theirs`,
      location: 'Garden',
      severity: 'high',
    });
    await settle();
    expect(server.calls.at(-1)).toEqual({ data: resolved, revision: 5, keepalive: false });
  });

  it('says so, and keeps the copy, when the session has ended', async () => {
    const c = make(record(1, {}));
    c.change({ notes: 'x' });
    server.replies.push(() => Promise.reject(new ApiError(401, 'signed-out', 'Please sign in')));
    timers.runNext();
    await settle();
    expect(c.getStatus().state.kind).toBe('signed-out');
    expect(readLocalCopy(localStorage, 'r1')?.data).toEqual({ notes: 'x' });
  });
});
