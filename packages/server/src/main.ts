/** `npm start`: open the database (migrating it), seed an empty one, serve the API and the staff app. */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { AuditLinker } from './audit/linker.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed/demo.js';
import { seedIfEmpty } from './seed/first-start.js';

/**
 * postgres.js can throw from a timer when a connection's socket is already gone (database stopped mid-write).
 * That one is harmless (the query has already failed with a connection error and the pool reconnects), so it is
 * logged; anything else unexpected still stops the process, as it should.
 */
process.on('uncaughtException', (error) => {
  if (error instanceof Error && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')) {
    console.error(`database connection error (recovering): ${error.message}`);
    return;
  }
  console.error('Formwork stopped on an unexpected error:', error);
  process.exit(1);
});

async function main() {
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const where = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  const audit = new AuditLinker(database.db, {
    log: (message, error) => console.error(message, error ?? ''),
  }).start();
  if (config.demo) {
    const seeded = await seedIfEmpty(database.db, (db) => seedDemo(db, config.formsDir, new Date()));
    audit.poke();
    if (seeded) {
      const { logins, imports } = seeded;
      const imported = imports[0]?.imported ?? [];
      console.log(
        `Imported ${imported.length} form version(s) from ${config.formsDir}: ${imported.join(', ') || 'none'}`,
      );
      for (const skip of imports[0]?.skipped ?? []) console.log(`  skipped ${skip.file}: ${skip.reason}`);
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const l of logins) console.log(`  ${l.email.padEnd(32)} ${l.role.padEnd(18)} ${l.organisation}`);
    }
  } else if (await isEmpty(database.db)) {
    console.log('Empty database, production mode: no demo users. Create the first administrator with');
    console.log(
      '  npm run create-admin -w @formwork/server -- --email you@example.org --org "Your organisation"',
    );
  }
  const app = createApp(
    { db: database.db, now: () => new Date(), secureCookies: config.production, audit },
    { staffAppDir: config.staffAppDir },
  );
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' },
    (info) => {
      console.log(`Formwork is running at http://localhost:${info.port} (database: ${where})`);
    },
  );
  const stop = async () => {
    server.close();
    await audit.stop().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Formwork could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
