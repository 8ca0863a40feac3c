/**
 * First start on an empty database, safe when several processes start at once: the check and the seeding run in
 * one transaction holding an advisory lock, so the first process seeds and the others wait, then find it done.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { isEmpty } from './demo.js';

/** The advisory-lock key of first-start seeding ("FWSEED" in ASCII, as a number). */
const SEED_LOCK = 0x465753454544;

/** Runs `seed` if, and only if, the database is empty; returns its result, or undefined when already seeded. */
export async function seedIfEmpty<T>(db: Db, seed: (db: Db) => Promise<T>): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK}::bigint)`);
    const inTx = tx as unknown as Db;
    if (!(await isEmpty(inTx))) return undefined;
    return seed(inTx);
  });
}
