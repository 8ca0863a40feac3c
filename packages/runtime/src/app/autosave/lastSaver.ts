import type { HistoryEntry, UserRef } from '../api/types.js';

/** Who saved this revision of a record, from its history (`GET /api/records/{id}`); undefined when the history
 * does not say (an older server, or a revision made by something other than a save). */
export function lastSaver(history: readonly HistoryEntry[], revision: number): UserRef | undefined {
  for (const entry of history) if (entry.kind === 'revision' && entry.revision === revision) return entry.by;
  return undefined;
}
