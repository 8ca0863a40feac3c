/**
 * `npm run audit:verify -w @formwork/server`: chain any events that have committed but are not linked yet (as a
 * running server would), then recompute every audit chain. Exit 0 when all are intact, 1 when any is broken or has
 * events left unlinked, 2 when it could not check.
 */
import { linkPending } from '../audit/link.js';
import { listChains, verifyChain } from '../audit/verify.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

async function main() {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  let broken = 0;
  try {
    await linkPending(database.db);
    for (const chain of await listChains(database.db)) {
      const result = await verifyChain(database.db, chain);
      if (result.ok) console.log(`ok      ${chain}: ${result.checked} events`);
      else {
        broken++;
        console.log(
          `BROKEN  ${chain}: after ${result.checked} good events, ${result.firstBadEventId ? `at event ${result.firstBadEventId}` : 'at the end'}: ${result.reason}`,
        );
      }
    }
  } finally {
    await database.close();
  }
  if (broken > 0) {
    console.log(
      `${broken} chain(s) failed verification. Restore from a backup you trust, and compare its chain heads with the copies you keep outside the database.`,
    );
  }
  process.exit(broken > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
