import { beforeAll, describe, expect, it } from 'vitest';
import { deadlines } from '../src/index.js';
import type { CompiledTemplate } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { compiled } from './helpers.js';

let incident: CompiledTemplate;
beforeAll(() => {
  incident = compiled(incidentTemplate());
});

const input = {
  data: { occurredAt: '2026-06-01T10:00:00Z' },
  stage: 'draft',
  createdAt: '2026-06-01T11:00:00Z',
};

describe('deadlines', () => {
  it('gives the due instant of each later stage, from a record pointer or $createdAt, with parameters resolved', () => {
    expect(deadlines(incident, input, '2026-06-01T12:00:00Z')).toEqual([
      { stage: 'submitted', title: 'Submitted', due: '2026-06-02T10:00:00.000Z', status: 'not-due' },
      { stage: 'reviewed', title: 'Reviewed', due: '2026-06-04T10:00:00.000Z', status: 'not-due' },
      { stage: 'closed', title: 'Closed', due: '2026-07-01T11:00:00.000Z', status: 'not-due' },
    ]);
  });

  it('due-soon inside the last quarter of the window (at most 24 hours), overdue at the due time', () => {
    const status = (now: string) =>
      deadlines(incident, input, now).find((d) => d.stage === 'submitted')!.status;
    expect(status('2026-06-02T03:59:00Z')).toBe('not-due');
    expect(status('2026-06-02T04:00:00Z')).toBe('due-soon');
    expect(status('2026-06-02T10:00:00Z')).toBe('overdue');
  });

  it('only stages after the current one; none without a start time', () => {
    expect(
      deadlines(incident, { ...input, stage: 'reviewed' }, '2026-06-01T12:00:00Z').map((d) => d.stage),
    ).toEqual(['closed']);
    expect(deadlines(incident, { ...input, data: {} }, '2026-06-01T12:00:00Z').map((d) => d.stage)).toEqual([
      'closed',
    ]);
  });

  it('needs an explicit now', () => {
    expect(() => deadlines(incident, input, 'soon')).toThrow(/ISO-8601/);
  });
});
