/**
 * Runs a statement given as SQL text with `$n` parameters, through the drizzle session of `db` (so inside a
 * transaction it runs on the transaction's connection). For hot statements whose text is fixed per shape: drizzle's
 * `sql` builder re-renders a statement on every call, which for the revision write cost about a millisecond of CPU
 * per save on the project machine. Returns the rows (both drivers).
 *
 * Named, so postgres.js prepares each distinct text once per connection and afterwards only binds and executes:
 * without a name drizzle asks for an unnamed statement, which PostgreSQL parses and plans again on every call.
 * Parameters are always `$n` with a cast in the text, never values spliced in, so the set of texts stays small
 * (one per shape of statement). PGlite ignores the name.
 */
import type { Db, Tx } from './database.js';

interface SessionLike {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> };
}

export async function runText(db: Db | Tx, text: string, params: unknown[]): Promise<unknown[]> {
  // `session` is drizzle's (internal) statement runner; pinned drizzle-orm 0.45.4 exposes it on databases and
  // transactions alike.
  const session = (db as unknown as { session: SessionLike }).session;
  const result = await session
    .prepareQuery({ sql: text, params }, undefined, 'formwork_text', false)
    .execute();
  // postgres.js returns the rows as the result; PGlite as `result.rows`.
  return ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as unknown[];
}
