/** What every request handler can reach: the database, the clock and the signed-in user. */
import type { AuditLinker } from '../audit/linker.js';
import type { Db } from '../db/database.js';
import type { FoundRecord } from '../records/session-and-record.js';
import type { Role } from '../types.js';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  teamId: string | null;
}

export interface Services {
  db: Db;
  /** The server clock (a test may fix it). */
  now: () => Date;
  /** Cookies get `Secure` (production, behind TLS). */
  secureCookies: boolean;
  /** Chains audit events after their transactions commit (see src/audit/chain.ts). */
  audit: AuditLinker;
}

export interface AppEnv {
  Variables: {
    services: Services;
    user: CurrentUser;
    sessionId: string;
    csrfToken: string;
    /** Set by `requireSessionAndRecord`: the route's record when the caller may see it, else null. */
    found: FoundRecord | null;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: handlers shared between routes with different paths.
export type Ctx = import('hono').Context<AppEnv, any>;
