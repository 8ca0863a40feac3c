import type { HistoryEntry } from '../api/types.js';

/** A history line: one event, or a run of saves by one person with nothing else in between. */
export type HistoryEvent = Exclude<HistoryEntry, { kind: 'revision' }>;

export type HistoryItem =
  | { kind: 'event'; entry: HistoryEvent }
  | { kind: 'saves'; by: HistoryEntry['by']; count: number; first: string; last: string; removed: number };

/**
 * Newest first, with each run of autosaves by the same person folded into one line: autosave stores a revision
 * every few seconds, and a hundred "Saved answers" lines would hide who did what.
 */
export function groupHistory(history: HistoryEntry[]): HistoryItem[] {
  const newestFirst = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const items: HistoryItem[] = [];
  for (const entry of newestFirst) {
    const previous = items.at(-1);
    if (entry.kind !== 'revision') {
      items.push({ kind: 'event', entry });
    } else if (previous?.kind === 'saves' && previous.by.id === entry.by.id) {
      previous.count += 1;
      previous.first = entry.at;
      previous.removed += entry.removed?.length ?? 0;
    } else {
      items.push({
        kind: 'saves',
        by: entry.by,
        count: 1,
        first: entry.at,
        last: entry.at,
        removed: entry.removed?.length ?? 0,
      });
    }
  }
  return items;
}
