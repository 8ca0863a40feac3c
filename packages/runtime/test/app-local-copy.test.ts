import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearAllLocalCopies,
  listLocalCopies,
  readLocalCopy,
  writeLocalCopy,
} from '../src/app/autosave/localCopy.js';

const copy = (recordId: string) => ({
  recordId,
  data: { notes: recordId },
  baseRevision: 1,
  baseData: {},
  changedAt: '2026-11-22T12:00:00Z',
});

describe('the copy kept on this device', () => {
  beforeEach(() => localStorage.clear());

  it('is kept per record, and all of it is cleared on sign-out, leaving other sites’ keys alone', () => {
    writeLocalCopy(localStorage, copy('a'));
    writeLocalCopy(localStorage, copy('b'));
    localStorage.setItem('unrelated', 'keep me');
    expect(listLocalCopies(localStorage).sort()).toEqual(['a', 'b']);
    expect(readLocalCopy(localStorage, 'b')?.data).toEqual({ notes: 'b' });
    clearAllLocalCopies(localStorage);
    expect(listLocalCopies(localStorage)).toEqual([]);
    expect(localStorage.getItem('unrelated')).toBe('keep me');
  });

  it('reads a damaged or mismatched copy as none, rather than failing the page', () => {
    localStorage.setItem('formwork:record:x', '{not json');
    expect(readLocalCopy(localStorage, 'x')).toBeNull();
    localStorage.setItem('formwork:record:y', JSON.stringify(copy('z')));
    expect(readLocalCopy(localStorage, 'y')).toBeNull();
  });

  it('says so when the device will not store it', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(writeLocalCopy(full, copy('a'))).toBe(false);
  });
});
