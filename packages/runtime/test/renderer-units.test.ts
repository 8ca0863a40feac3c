import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSectionErrorSchema } from '../src/renderer/errorSchema.js';
import { fieldId } from '../src/renderer/index.js';
import { setIn } from '../src/renderer/record.js';
import { isoToLocalInput, localInputToIso } from '../src/renderer/theme/dateTime.js';

describe('fieldId', () => {
  it("is rjsf's input id for a record pointer", () => {
    expect(fieldId('/incident/occurredAt')).toBe('root_incident_occurredAt');
    expect(fieldId('/actions/0/owner')).toBe('root_actions_0_owner');
    expect(fieldId('/actions/*/owner')).toBe('root_actions');
    expect(fieldId('')).toBe('root');
  });
});

describe('date-time input', () => {
  it('round-trips an ISO-8601 instant through the local input value', () => {
    for (const iso of ['2026-11-22T14:30:00.000Z', '2026-03-29T01:15:00.000Z', '2026-07-01T23:59:00.000Z']) {
      expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    }
  });
  it('keeps an offset given in the stored value as the same instant', () => {
    expect(localInputToIso(isoToLocalInput('2026-06-01T10:00:00+01:00'))).toBe('2026-06-01T09:00:00.000Z');
  });
  it('leaves incomplete or unreadable values alone', () => {
    expect(localInputToIso('2026-11-22T')).toBeUndefined();
    expect(localInputToIso('')).toBeUndefined();
    expect(isoToLocalInput('not a date')).toBe('');
    expect(isoToLocalInput(42)).toBe('');
  });
});

describe('record helpers', () => {
  it('setIn copies only the path it changes and removes a key set to undefined', () => {
    const record = { a: { b: 1, c: 2 }, d: { e: 3 } };
    const next = setIn(record, '/a/b', 5) as typeof record;
    expect(next).toEqual({ a: { b: 5, c: 2 }, d: { e: 3 } });
    expect(next.d).toBe(record.d);
    expect(setIn(record, '/a/c', undefined)).toEqual({ a: { b: 1 }, d: { e: 3 } });
  });
  it('maps engine messages to the section-relative ErrorSchema rjsf takes', () => {
    const schema = toSectionErrorSchema(
      [
        { path: '/about/description', message: 'Say what happened.', rule: 'required' },
        { path: '/about/description', message: 'Say what happened.', rule: 'minLength' },
        { path: '/followUp/managerName', message: 'Not in this section.', rule: 'required' },
      ],
      '/about',
    );
    expect(schema).toEqual({ description: { __errors: ['Say what happened.'] } });
  });
});

describe('production code', () => {
  it('imports no ajv compiler and no ajv validator for rjsf', () => {
    const dir = join(import.meta.dirname, '..', 'src');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"](ajv|ajv\/[^'"]*|@rjsf\/validator-ajv8)['"]/);
      expect(text, f).not.toMatch(/\bnew Function\b|\beval\(/);
    }
  });
});
