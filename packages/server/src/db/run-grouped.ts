/**
 * Group commit for one-statement writes (the autosave): statements handed over in the same turn of the event loop
 * run together in ONE transaction, so that the database sets up and flushes one commit for all of them instead of
 * one each (the commit was about a fifth of an autosave's database time).
 *
 * What stays as it was, statement by statement: each is the same text with the same parameters, and each still
 * writes all of its parts or none (one statement); each caller gets its own rows, and only after the transaction
 * has committed, so an answer is never sent for a write that could still be rolled back. Saves of different
 * records do not see each other (a statement that matches no row writes nothing, as before); a later statement of
 * the same batch sees an earlier one's write as if it had committed just before, which is what it would have seen
 * one moment later on its own.
 *
 * When the transaction fails with an error reported by the database (a deadlock, a statement's own error), the
 * database has rolled all of it back: each statement is then run again on its own, one after the other in the
 * group's order, exactly as without grouping, and its caller gets that outcome. Any other failure (the connection lost, so the commit's outcome is unknown)
 * goes to every caller as it is, never retried.
 */
import type { Db } from './database.js';
import { isDatabaseUnavailable } from './errors.js';
import { runText } from './run-text.js';

interface Waiting {
  text: string;
  params: unknown[];
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

/** At most this many statements per transaction (a longer one holds its first rows' locks longer). */
export const GROUP_MAX = 16;

/** The batch still taking statements, per database. */
const open = new WeakMap<Db, Waiting[]>();

/** Runs `text` like `runText(db, text, params)`, grouped with the other statements of this turn. */
export function runGrouped(db: Db, text: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    let batch = open.get(db);
    if (!batch) {
      const fresh: Waiting[] = [];
      open.set(db, fresh);
      // After the I/O of this turn: every request that reached its write by then joins.
      setImmediate(() => {
        if (open.get(db) === fresh) open.delete(db);
        void runBatch(db, fresh);
      });
      batch = fresh;
    }
    batch.push({ text, params, resolve, reject });
    if (batch.length >= GROUP_MAX) open.delete(db); // full: it runs as scheduled, the next caller opens another
  });
}

async function runAlone(db: Db, w: Waiting): Promise<void> {
  try {
    w.resolve(await runText(db, w.text, w.params));
  } catch (error) {
    w.reject(error);
  }
}

/**
 * An error the database itself reported (an SQLSTATE, possibly wrapped by drizzle), other than one meaning it is
 * unavailable: the transaction was rolled back, nothing of the batch was written.
 */
function rolledBack(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return false;
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function runBatch(db: Db, batch: Waiting[]): Promise<void> {
  const [only] = batch;
  if (batch.length === 1 && only) return runAlone(db, only);
  let results: unknown[][];
  try {
    results = await db.transaction((tx) => Promise.all(batch.map((w) => runText(tx, w.text, w.params))));
  } catch (error) {
    if (!rolledBack(error)) {
      for (const w of batch) w.reject(error);
      return;
    }
    // One after the other, in the group's order: each sees what the ones before it wrote, as in the group.
    for (const w of batch) await runAlone(db, w);
    return;
  }
  batch.forEach((w, i) => {
    w.resolve(results[i] ?? []);
  });
}
