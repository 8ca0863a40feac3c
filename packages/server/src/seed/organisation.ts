/** Creating organisations, teams and users (demo data, tests and the create-admin command share this). */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/chain.js';
import { hashPassword } from '../auth/password.js';
import type { Db } from '../db/database.js';
import { organisations, teams, users } from '../db/schema.js';
import type { Role } from '../types.js';

export async function createOrganisation(db: Db, name: string, at: Date): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id, name, createdAt: at });
    await appendAudit(tx, {
      organisationId: id,
      actor: null,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      detail: { name },
      at,
    });
  });
  return id;
}

export async function createTeam(db: Db, organisationId: string, name: string): Promise<string> {
  const id = randomUUID();
  await db.insert(teams).values({ id, organisationId, name });
  return id;
}

export interface NewUser {
  organisationId: string;
  teamId: string | null;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creating a user is a permission change: audited in the same transaction. */
export async function createUser(
  db: Db,
  user: NewUser,
  at: Date,
  by: { id: string; name: string } | null = null,
) {
  const id = randomUUID();
  const passwordHash = await hashPassword(user.password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      organisationId: user.organisationId,
      teamId: user.teamId,
      email: user.email.trim().toLowerCase(),
      name: user.name,
      role: user.role,
      passwordHash,
      createdAt: at,
    });
    await appendAudit(tx, {
      organisationId: user.organisationId,
      actor: by,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      detail: { role: user.role, teamId: user.teamId },
      at,
    });
  });
  return id;
}
