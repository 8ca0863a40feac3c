/**
 * First start with an empty database: import the form library and, unless in production without FORMWORK_DEMO=1,
 * create a demo organisation with one user per role (plus a second staff member in the same team) and a second
 * organisation, so that isolation can be seen.
 */
import { count } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { organisations } from '../db/schema.js';
import { importForms } from '../templates/import-forms.js';
import type { Role } from '../types.js';
import { createOrganisation, createTeam, createUser } from './organisation.js';

export const DEMO_PASSWORD = 'formwork-demo';

export interface DemoLogin {
  email: string;
  role: Role;
  organisation: string;
}

export async function isEmpty(db: Db | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, formsDir: string, at: Date) {
  const logins: DemoLogin[] = [];
  const orgs = [
    { name: 'Riverside Care', domain: 'riverside.example' },
    { name: 'Hillview Homes', domain: 'hillview.example' },
  ];
  const reports = [];
  for (const org of orgs) {
    const orgId = await createOrganisation(db, org.name, at);
    reports.push(await importForms(db, orgId, formsDir, at));
    const team = await createTeam(db, orgId, 'Day team');
    const people: [Role, string, string][] = [
      ['staff', 'staff', 'Sam Staff'],
      ['staff', 'staff2', 'Alex Staff'],
      ['manager', 'manager', 'Morgan Manager'],
      ['safeguarding-lead', 'safeguarding', 'Sasha Safeguarding'],
      ['quality-team', 'quality', 'Quinn Quality'],
      ['provider-admin', 'admin', 'Pat Admin'],
      ['auditor', 'auditor', 'Aubrey Auditor'],
    ];
    for (const [role, local, name] of people) {
      const email = `${local}@${org.domain}`;
      await createUser(
        db,
        { organisationId: orgId, teamId: team, email, name, role, password: DEMO_PASSWORD },
        at,
      );
      logins.push({ email, role, organisation: org.name });
    }
  }
  return { logins, imports: reports };
}
