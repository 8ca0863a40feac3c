/**
 * `npm run create-admin -w @formwork/server -- --email you@example.org --org "Name" [--name "Your name"]`
 * Creates the organisation (if new) with its form library and a provider-admin. The password comes from
 * FORMWORK_ADMIN_PASSWORD or stdin, never from the command line (it would sit in shell history).
 * Exit codes: 0 created, 1 failed (e.g. the email is taken), 2 the command was not given what it needs.
 */
import { eq } from 'drizzle-orm';
import { linkPending } from '../audit/link.js';
import { passwordProblem } from '../auth/password-policy.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { organisations } from '../db/schema.js';
import { createOrganisation, createUser } from '../seed/organisation.js';
import { importForms } from '../templates/import-forms.js';

const usage =
  'Usage: FORMWORK_ADMIN_PASSWORD=… npm run create-admin -w @formwork/server -- --email you@example.org --org "Organisation name" [--name "Your name"]';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  return value?.startsWith('--') ? undefined : value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.replace(/\r$/, '') ?? '';
}

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const email = arg('email')?.trim();
  const orgName = arg('org')?.trim();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email))
    refuse(`Give the administrator's email address with --email.\n${usage}`);
  if (!orgName) refuse(`Give the organisation's name with --org.\n${usage}`);
  let password = process.env.FORMWORK_ADMIN_PASSWORD;
  if (password === undefined) {
    // Never prompt on a terminal: the typed password would be echoed on screen.
    if (process.stdin.isTTY)
      refuse(`No password was given. Set FORMWORK_ADMIN_PASSWORD, or pipe it in.\n${usage}`);
    password = await readStdin();
  }
  const problem = passwordProblem(password, email);
  if (problem) refuse(problem);
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
      for (const skip of report.skipped) console.log(`  skipped ${skip.file}: ${skip.reason}`);
    }
    try {
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
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      console.error(`There is already an account for ${email}. Sign in with it, or choose another email.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Created provider admin ${email}. Sign in at the server's address.`);
  } finally {
    // Chain the new events now: no server may be running yet.
    await linkPending(database.db).catch(() => {});
    await database.close();
  }
}

main().catch((error) => {
  console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
