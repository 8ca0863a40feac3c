import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../src/app/api/types.js';
import { groupHistory } from '../src/app/pages/groupHistory.js';

const sam = { id: 'u1', name: 'Sam' };
const morgan = { id: 'u2', name: 'Morgan' };
const save = (at: string, by = sam, revision = 1): HistoryEntry => ({ kind: 'revision', at, by, revision });

describe('groupHistory', () => {
  it('folds each run of saves by one person into one line, newest first, keeping other events apart', () => {
    const items = groupHistory([
      save('2026-11-22T10:00:00Z'),
      save('2026-11-22T10:00:05Z'),
      save('2026-11-22T10:00:10Z'),
      {
        kind: 'transition',
        at: '2026-11-22T10:01:00Z',
        by: sam,
        from: 'draft',
        to: 'reported',
        templateVersion: '1.1.0',
        evaluation: { valid: true, errors: [], gates: [], canProceed: true, safeguarding: false },
      },
      save('2026-11-22T11:00:00Z', morgan),
      save('2026-11-22T11:00:05Z', sam),
    ]);
    expect(items.map((i) => (i.kind === 'saves' ? `${i.by.name} saved ${i.count}` : i.entry.kind))).toEqual([
      'Sam saved 1',
      'Morgan saved 1',
      'transition',
      'Sam saved 3',
    ]);
    const run = items[3];
    expect(run).toMatchObject({ first: '2026-11-22T10:00:00Z', last: '2026-11-22T10:00:10Z' });
  });
});
