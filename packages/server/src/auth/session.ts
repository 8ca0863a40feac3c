/**
 * Server-side sessions: the cookie holds a random token, the database only its SHA-256. A session ends after
 * 30 idle minutes or 12 hours, on logout, or when the user is disabled (checked on every request).
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.js';
import { organisations, sessions, users } from '../db/schema.js';
import type { AppEnv, CurrentUser } from '../http/env.js';
import { Problem } from '../http/problem.js';
import type { Role } from '../types.js';
import { ROLES } from '../types.js';

export const SESSION_COOKIE = 'fw_session';
export const CSRF_COOKIE = 'fw_csrf';
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Write `last_seen_at` at most this often: an autosave every few seconds must not be a session write too. */
const TOUCH_MS = 60 * 1000;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export function setSessionCookies(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  token: string,
  csrf: string,
  secure: boolean,
) {
  const base = { path: '/', sameSite: 'Strict', secure, maxAge: ABSOLUTE_MS / 1000 } as const;
  setCookie(c, SESSION_COOKIE, token, { ...base, httpOnly: true });
  // Readable by the staff app: it echoes this value in X-CSRF-Token (double submit).
  setCookie(c, CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(c: Parameters<MiddlewareHandler<AppEnv>>[0], secure: boolean) {
  const base = { path: '/', sameSite: 'Strict', secure, maxAge: 0 } as const;
  setCookie(c, SESSION_COOKIE, '', { ...base, httpOnly: true });
  setCookie(c, CSRF_COOKIE, '', { ...base, httpOnly: false });
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  userId: string,
): Promise<{ token: string; csrf: string }> {
  const { db, now } = c.var.services;
  const token = newToken();
  const csrf = newToken();
  const at = now();
  await db.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken: csrf,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(at.getTime() + ABSOLUTE_MS),
  });
  return { token, csrf };
}

export async function endSession(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<void> {
  await c.var.services.db.delete(sessions).where(eq(sessions.id, c.var.sessionId));
}

const unauthenticated = () =>
  new Problem(
    401,
    'not-signed-in',
    'You are not signed in, or your session has ended. Sign in again to continue.',
  );

/** Built once per database handle: every request reads its session this way. */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: Db) {
  return db
    .select({ session: sessions, user: users, organisationName: organisations.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('formwork_session');
}

/** What deciding on a session needs: the session's own columns and its user's. */
export interface SessionFacts {
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    id: string;
    name: string;
    email: string;
    role: string;
    organisationId: string;
    teamId: string | null;
    disabled: boolean;
  };
  organisationName: string;
}

export const sessionTokenId = (c: Parameters<MiddlewareHandler<AppEnv>>[0]): string => {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) throw unauthenticated();
  return tokenId(token);
};

/**
 * The one decision on a session read by `requireSession` or by a route's own combined read (the autosave): a
 * missing, expired, idle or disabled one is a 401 (and an ended one is deleted); sets `user`, `sessionId` and
 * `csrfToken`.
 */
export async function acceptSession(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  id: string,
  row: SessionFacts | undefined,
): Promise<void> {
  const { db, now } = c.var.services;
  const at = now();
  if (
    !row ||
    row.user.disabled ||
    !(ROLES as readonly string[]).includes(row.user.role) ||
    row.expiresAt.getTime() <= at.getTime() ||
    row.lastSeenAt.getTime() + IDLE_MS <= at.getTime()
  ) {
    if (row) await db.delete(sessions).where(eq(sessions.id, id));
    throw unauthenticated();
  }
  await touchSession(c, id, row.lastSeenAt, at);
  const user: CurrentUser = {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.user.role as Role,
    organisationId: row.user.organisationId,
    organisationName: row.organisationName,
    teamId: row.user.teamId,
  };
  c.set('user', user);
  c.set('sessionId', id);
  c.set('csrfToken', row.csrfToken);
}

/** Records that a live session was used at `at`, at most once a minute (idle sessions end after 30 minutes). */
export async function touchSession(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  id: string,
  lastSeenAt: Date,
  at: Date,
): Promise<void> {
  if (at.getTime() - lastSeenAt.getTime() > TOUCH_MS) {
    await c.var.services.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }
}

/** Requires a live session; sets `user`, `sessionId` and `csrfToken`. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = sessionTokenId(c);
  const { db } = c.var.services;
  let query = prepared.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ id });
  await acceptSession(
    c,
    id,
    row && {
      csrfToken: row.session.csrfToken,
      expiresAt: row.session.expiresAt,
      lastSeenAt: row.session.lastSeenAt,
      user: row.user,
      organisationName: row.organisationName,
    },
  );
  await next();
};

/** Double-submit CSRF check for state-changing requests, compared with the session's own token. */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
    const header = c.req.header('x-csrf-token');
    if (!header || header !== c.var.csrfToken) {
      throw new Problem(
        403,
        'csrf-token-missing',
        'This request is missing its security token. Reload the page and try again.',
      );
    }
  }
  await next();
};
