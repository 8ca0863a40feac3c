import { describe, expect, it } from 'vitest';
import { describeDue } from '../src/app/format/time.js';

describe('describeDue', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('counts down in minutes, then hours, then days', () => {
    expect(describeDue('2026-11-22T12:40:00Z', now)).toBe('due in 40 minutes');
    expect(describeDue('2026-11-22T12:01:00Z', now)).toBe('due in 1 minute');
    expect(describeDue('2026-11-22T15:00:00Z', now)).toBe('due in 3 hours');
    expect(describeDue('2026-11-25T12:00:00Z', now)).toBe('due in 3 days');
  });
  it('says how long overdue', () => {
    expect(describeDue('2026-11-22T10:00:00Z', now)).toBe('overdue by 2 hours');
    expect(describeDue('2026-11-22T11:59:00Z', now)).toBe('overdue by 1 minute');
  });
  it('does not make up a time for an unreadable date', () => {
    expect(describeDue('soon', now)).toBe('due date not known');
  });
});
