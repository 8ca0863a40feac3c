/**
 * `npm run create-admin -w @formwork/server -- --email you@example.org --org "Name" [--name "Your name"]`
 * Creates the organisation (if new) with its form library and a provider-admin. The password comes from
 * FORMWORK_ADMIN_PASSWORD or stdin, never from the command line (it would sit in shell history).
 */
import { eq } from 'drizzle-orm';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { organisations } from '../db/schema.js';
import { createOrganisation, createUser } from '../seed/organisation.js';
import { importForms } from '../templates/import-forms.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
}

async function main() {
  const email = arg('email');
  const orgName = arg('org');
  if (!email || !orgName || !email.includes('@')) {
    console.error(
      'Usage: npm run create-admin -w @formwork/server -- --email you@example.org --org "Organisation name"',
    );
    console.error('Give the password in FORMWORK_ADMIN_PASSWORD or on stdin.');
    process.exit(2);
  }
  const password = process.env.FORMWORK_ADMIN_PASSWORD ?? (await readStdin());
  if (password.length < 12) {
    console.error('The password must be at least 12 characters.');
    process.exit(2);
  }
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const at = new Date();
    const [existing] = await database.db.select().from(organisations).where(eq(organisations.name, orgName));
    let orgId = existing?.id;
    if (!orgId) {
      orgId = await createOrganisation(database.db, orgName, at);
      const report = await importForms(database.db, orgId, config.formsDir, at);
      console.log(`Created organisation "${orgName}" with ${report.imported.length} form version(s).`);
    }
    await createUser(
      database.db,
      {
        organisationId: orgId,
        teamId: null,
        email,
        name: arg('name') ?? email,
        role: 'provider-admin',
        password,
      },
      at,
    );
    console.log(`Created provider admin ${email}. Sign in at the server's address.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
