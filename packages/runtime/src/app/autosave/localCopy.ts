import type { Json } from '../api/types.js';

/**
 * What this device keeps for a record until the server has it: the answers as typed, and the server revision
 * (and its data) they were based on, which a later conflict needs for a field-by-field merge.
 */
export interface LocalCopy {
  recordId: string;
  data: Json;
  baseRevision: number;
  baseData: Json;
  /** When the answers were last changed on this device (ISO-8601). */
  changedAt: string;
}

const PREFIX = 'formwork:record:';

export function localCopyKey(recordId: string): string {
  return `${PREFIX}${recordId}`;
}

/** Null when there is none, or when what is stored cannot be read (never throws: a bad copy is not a crash). */
export function readLocalCopy(storage: Storage, recordId: string): LocalCopy | null {
  let text: string | null;
  try {
    text = storage.getItem(localCopyKey(recordId));
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!isLocalCopy(value) || value.recordId !== recordId) return null;
    return value;
  } catch {
    return null;
  }
}

/** False when the device would not store it (private mode, storage full): the caller says so on screen. */
export function writeLocalCopy(storage: Storage, copy: LocalCopy): boolean {
  try {
    storage.setItem(localCopyKey(copy.recordId), JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalCopy(storage: Storage, recordId: string): void {
  try {
    storage.removeItem(localCopyKey(recordId));
  } catch {
    // Nothing to do: a copy we cannot remove is replaced on the next write.
  }
}

/** On sign-out, nothing of anyone's records stays on a shared computer. */
export function clearAllLocalCopies(storage: Storage): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing stored to clear.
  }
}

/** Record ids that have answers on this device the server does not have yet. */
export function listLocalCopies(storage: Storage): string[] {
  const ids: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
    }
  } catch {
    return [];
  }
  return ids;
}

function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.recordId === 'string' &&
    'data' in v &&
    typeof v.baseRevision === 'number' &&
    'baseData' in v &&
    typeof v.changedAt === 'string'
  );
}
