import { describe, expect, it } from 'vitest';
import {
  applyResolutions,
  BOTH_SEPARATOR,
  BOTH_SEPARATOR_INLINE,
  defaultResolution,
  mergeThreeWay,
} from '../src/app/autosave/merge.js';

const base = { incident: { description: 'Fell in the lounge', location: 'Lounge' }, injured: false };

describe('mergeThreeWay', () => {
  it('takes each field from the side that changed it', () => {
    const mine = {
      incident: { description: 'Fell in the lounge near the window', location: 'Lounge' },
      injured: false,
    };
    const theirs = { incident: { description: 'Fell in the lounge', location: 'Lounge' }, injured: true };
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual({
      incident: { description: 'Fell in the lounge near the window', location: 'Lounge' },
      injured: true,
    });
  });

  it('keeps fields one side added and the other never had', () => {
    const mine = { ...base, witness: 'Sam' };
    const theirs = { ...base, actionTaken: 'Called GP' };
    expect(mergeThreeWay(base, mine, theirs)).toEqual({
      merged: { ...base, witness: 'Sam', actionTaken: 'Called GP' },
      conflicts: [],
    });
  });

  it('follows a removal made on one side when the other left the field alone', () => {
    const mine = { incident: base.incident, injured: false };
    const theirs = { incident: { description: 'Fell in the lounge' }, injured: false };
    expect(mergeThreeWay(base, mine, theirs).merged).toEqual({
      incident: { description: 'Fell in the lounge' },
      injured: false,
    });
  });

  it('reports a field both sides changed differently, with all three values, and no other', () => {
    const mine = { incident: { description: 'Mine', location: 'Lounge' }, injured: true };
    const theirs = { incident: { description: 'Theirs', location: 'Garden' }, injured: true };
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([
      { path: '/incident/description', base: 'Fell in the lounge', mine: 'Mine', theirs: 'Theirs' },
    ]);
    expect(result.merged).toEqual({ incident: { description: 'Mine', location: 'Garden' }, injured: true });
  });

  it('escapes keys in conflict pointers (RFC 6901)', () => {
    const result = mergeThreeWay({ 'a/b': 'x' }, { 'a/b': 'y' }, { 'a/b': 'z' });
    expect(result.conflicts.map((c) => c.path)).toEqual(['/a~1b']);
  });

  it('treats the same change on both sides as no conflict', () => {
    const same = { ...base, injured: true };
    expect(mergeThreeWay(base, same, { ...same })).toEqual({ merged: same, conflicts: [] });
  });
});

describe('resolving conflicts', () => {
  const mine = { notes: 'Mine', severity: 'high', tags: ['a'] };
  const theirs = { notes: 'Theirs', severity: 'low', tags: ['b'] };
  const result = mergeThreeWay({ notes: 'Start', severity: 'medium', tags: [] }, mine, theirs);

  it('keeps both texts by default, joined with a clear separator, so no words are lost', () => {
    const notes = result.conflicts.find((c) => c.path === '/notes')!;
    expect(defaultResolution(notes)).toBe('both');
    const data = applyResolutions(result, {}) as Record<string, unknown>;
    expect(data.notes).toBe(`Mine${BOTH_SEPARATOR_INLINE}Theirs`);
  });

  it('defaults a choice field to this device, and lists to both without repeats', () => {
    const isText = (path: string) => path === '/notes';
    const data = applyResolutions(result, {}, isText) as Record<string, unknown>;
    expect(data.notes).toBe(`Mine${BOTH_SEPARATOR_INLINE}Theirs`);
    expect(data.severity).toBe('high');
    expect(data.tags).toEqual(['a', 'b']);
  });

  it('never offers to join two choices, because the result would not be an answer', () => {
    const severity = result.conflicts.find((c) => c.path === '/severity')!;
    expect(defaultResolution(severity, () => false)).toBe('mine');
    expect(applyResolutions(result, { '/severity': 'both' }, () => false)).toMatchObject({
      severity: 'high',
    });
  });

  it('keeps the other device’s answer when this device cleared the field', () => {
    const cleared = mergeThreeWay({ severity: 'low' }, {}, { severity: 'high' });
    expect(applyResolutions(cleared, {}, () => false)).toEqual({ severity: 'high' });
  });

  it('applies the person’s choices field by field', () => {
    expect(applyResolutions(result, { '/notes': 'theirs', '/severity': 'theirs', '/tags': 'mine' })).toEqual({
      notes: 'Theirs',
      severity: 'low',
      tags: ['a'],
    });
  });

  it('resolves a nested conflict without touching the rest of the record', () => {
    const nested = mergeThreeWay(
      { a: { b: 'start', c: 1 } },
      { a: { b: 'mine', c: 1 } },
      { a: { b: 'theirs', c: 2 } },
    );
    expect(applyResolutions(nested, { '/a/b': 'theirs' })).toEqual({ a: { b: 'theirs', c: 2 } });
  });

  it('keeps line breaks around the separator only for texts that have lines (a one-line input drops them)', () => {
    const lines = mergeThreeWay({ n: 'a' }, { n: 'First line\nmine' }, { n: 'theirs' });
    expect(applyResolutions(lines, {})).toEqual({ n: `First line\nmine${BOTH_SEPARATOR}theirs` });
  });

  it('uses the other text when this side has none, instead of adding an empty separator', () => {
    const emptyMine = mergeThreeWay({ notes: 'x' }, { notes: '' }, { notes: 'Theirs' });
    expect(applyResolutions(emptyMine, { '/notes': 'both' })).toEqual({ notes: 'Theirs' });
  });
});
