import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { compiled, formWith, problemCodes } from './helpers.js';

const timeForm = compiled(
  formWith({
    occurredAt: { type: 'string', format: 'date-time', title: 'When did it happen?' },
    reportedAt: {
      type: 'string',
      format: 'date-time',
      title: 'Reported at',
      'x-within': { after: '/occurredAt', maxHours: 1 },
    },
    contactedAt: {
      type: 'string',
      format: 'date-time',
      title: 'Contacted at',
      'x-sameDay': { as: '/occurredAt', timeZone: 'Europe/London' },
    },
    lastSeenAt: { type: 'string', format: 'date-time', title: 'Last seen', 'x-age': { maxHours: 24 } },
  }),
);

const rulesFailing = (data: object, now?: string) =>
  evaluate(timeForm, data, now ? { now } : {}).errors.map((e) => `${e.path} ${e.rule}`);

describe('x-within', () => {
  it('passes at 59 minutes and fails at 61, with a plain message naming the other question', () => {
    expect(rulesFailing({ occurredAt: '2026-03-10T10:00:00Z', reportedAt: '2026-03-10T10:59:00Z' })).toEqual(
      [],
    );
    const result = evaluate(timeForm, {
      occurredAt: '2026-03-10T10:00:00Z',
      reportedAt: '2026-03-10T11:01:00Z',
    });
    expect(result.errors).toEqual([
      {
        path: '/reportedAt',
        rule: 'x-within',
        message: 'This needs to be within 1 hour of ‘When did it happen?’',
      },
    ]);
  });

  it('compares instants, not wall-clock text (offsets)', () => {
    expect(
      rulesFailing({ occurredAt: '2026-06-01T10:00:00Z', reportedAt: '2026-06-01T11:30:00+01:00' }),
    ).toEqual([]);
  });

  it('fails when the value is before the reference, and passes when the reference is missing', () => {
    expect(rulesFailing({ occurredAt: '2026-03-10T10:00:00Z', reportedAt: '2026-03-10T09:59:00Z' })).toEqual([
      '/reportedAt x-within',
    ]);
    expect(rulesFailing({ reportedAt: '2026-03-10T09:59:00Z' })).toEqual([]);
  });
});

describe('x-sameDay in Europe/London', () => {
  const sameDay = (occurredAt: string, contactedAt: string) =>
    rulesFailing({ occurredAt, contactedAt }).length === 0;

  it('uses the UK day, not the UTC day (23:30 vs 00:30 across midnight in summer time)', () => {
    // 22:30Z is 23:30 BST on 1 June; 23:30Z is 00:30 BST on 2 June.
    expect(sameDay('2026-06-01T22:30:00Z', '2026-06-01T23:30:00Z')).toBe(false);
    // 23:30Z on 1 June is 00:30 BST on 2 June, the same UK day as 08:00Z on 2 June.
    expect(sameDay('2026-06-01T23:30:00Z', '2026-06-02T08:00:00Z')).toBe(true);
  });

  it('in winter, 23:30 and 00:30 UTC are different UK days', () => {
    expect(sameDay('2026-01-15T23:30:00Z', '2026-01-16T00:30:00Z')).toBe(false);
    expect(sameDay('2026-01-15T00:30:00Z', '2026-01-15T23:30:00Z')).toBe(true);
  });

  it('is right on the last Sunday of March (clocks go forward, 29 March 2026)', () => {
    // 00:30Z = 00:30 GMT on 29 March; 22:30Z = 23:30 BST on 29 March; 23:30Z = 00:30 BST on 30 March.
    expect(sameDay('2026-03-29T00:30:00Z', '2026-03-29T22:30:00Z')).toBe(true);
    expect(sameDay('2026-03-29T00:30:00Z', '2026-03-29T23:30:00Z')).toBe(false);
  });

  it('is right on the last Sunday of October (clocks go back, 25 October 2026)', () => {
    // 23:00Z on 24 Oct = 00:00 BST on 25 Oct; 23:30Z on 25 Oct = 23:30 GMT on 25 Oct.
    expect(sameDay('2026-10-24T23:00:00Z', '2026-10-25T23:30:00Z')).toBe(true);
    expect(sameDay('2026-10-24T22:59:00Z', '2026-10-25T00:30:00Z')).toBe(false);
    // 00:30Z and 01:30Z on 25 Oct are both 01:30 local (before and after the change): the same day.
    expect(sameDay('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toBe(true);
  });
});

describe('x-age', () => {
  it('checks against an explicit now', () => {
    expect(rulesFailing({ lastSeenAt: '2026-03-10T10:00:00Z' }, '2026-03-11T09:59:00Z')).toEqual([]);
    expect(rulesFailing({ lastSeenAt: '2026-03-10T10:00:00Z' }, '2026-03-11T10:01:00Z')).toEqual([
      '/lastSeenAt x-age',
    ]);
  });

  it('fails closed without now, saying the current time is needed', () => {
    const result = evaluate(timeForm, { lastSeenAt: '2026-03-10T10:00:00Z' });
    expect(result.valid).toBe(false);
    expect(result.canProceed).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: '/lastSeenAt', rule: 'x-age' });
    expect(result.errors[0]!.message).toMatch(/current time/);
  });

  it('fails closed when x-age sits in a gate condition and now is missing', () => {
    const c = compiled(
      formWith(
        { seenAt: { type: 'string', format: 'date-time' } },
        {
          stages: [{ id: 'open', title: 'Open' }],
          gates: [
            {
              id: 'recent',
              stage: 'open',
              message: 'Recent sightings need a check.',
              when: { properties: { seenAt: { 'x-age': { maxHours: 1 } } }, required: ['seenAt'] },
              severity: 'block',
            },
          ],
        },
      ),
    );
    const result = evaluate(c, { seenAt: '2026-03-10T10:00:00Z' }, { to: 'open' });
    expect(result.canProceed).toBe(false);
    expect(result.errors.map((e) => e.rule)).toEqual(['now']);
    expect(
      evaluate(c, { seenAt: '2026-03-10T10:00:00Z' }, { to: 'open', now: '2026-03-12T00:00:00Z' }).canProceed,
    ).toBe(true);
  });
});

describe('vocabulary arguments are checked at compile', () => {
  it.each([
    ['x-within without after', { 'x-within': { maxHours: 1 } }],
    ['x-within with text hours', { 'x-within': { after: '/a', maxHours: 'one' } }],
    ['x-sameDay without timeZone', { 'x-sameDay': { as: '/a' } }],
    ['x-sameDay with an unknown zone', { 'x-sameDay': { as: '/a', timeZone: 'Mars/Olympus' } }],
    ['x-age with an unknown argument', { 'x-age': { maxDays: 1 } }],
    ['x-age with no bound', { 'x-age': {} }],
  ])('%s', (_label, keyword) => {
    expect(problemCodes(formWith({ a: { type: 'string' }, b: { type: 'string', ...keyword } }))).toEqual([
      'invalid-schema',
    ]);
  });
});
