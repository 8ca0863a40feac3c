/** `npm run audit:verify -w @formwork/server`: recompute every audit chain; exit 1 when any is broken. */
import { listChains, verifyChain } from '../audit/chain.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

async function main() {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  let broken = 0;
  try {
    for (const chain of await listChains(database.db)) {
      const result = await verifyChain(database.db, chain);
      if (result.ok) console.log(`ok      ${chain}: ${result.checked} events`);
      else {
        broken++;
        console.log(
          `BROKEN  ${chain}: after ${result.checked} good events, at ${result.firstBadEventId ?? 'the end'}: ${result.reason}`,
        );
      }
    }
  } finally {
    await database.close();
  }
  process.exit(broken > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
