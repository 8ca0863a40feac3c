/** Sign in, who am I, sign out. Failed sign-ins are limited per account and per address, and audited. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { appendAudit } from '../audit/chain.js';
import { sha256Hex } from '../audit/hash.js';
import { burnPasswordTime, verifyPassword } from '../auth/password.js';
import { FailureLimiter } from '../auth/rate-limit.js';
import {
  clearSessionCookies,
  createSession,
  endSession,
  requireCsrf,
  requireSession,
  setSessionCookies,
} from '../auth/session.js';
import { organisations, users } from '../db/schema.js';
import type { AppEnv, Ctx } from '../http/env.js';
import { readJson } from '../http/json-body.js';
import { Problem } from '../http/problem.js';
import { shape } from '../http/shape.js';
import type { LoginRequest, SessionResponse } from '../types.js';

export function clientAddress(c: Ctx): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export function sessionRoutes(limits = { perAccount: 5, perAddress: 50, windowMs: 15 * 60 * 1000 }) {
  const byAccount = new FailureLimiter({ limit: limits.perAccount, windowMs: limits.windowMs });
  const byAddress = new FailureLimiter({ limit: limits.perAddress, windowMs: limits.windowMs });
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const body = shape<LoginRequest>(await readJson(c), {
      email: { kind: 'string', maxLength: 320 },
      password: { kind: 'string', maxLength: 1000 },
    });
    const { db, now } = c.var.services;
    const email = body.email.trim().toLowerCase();
    const address = clientAddress(c);
    const nowMs = now().getTime();
    const wait = Math.max(byAccount.retryAfter(email, nowMs), byAddress.retryAfter(address, nowMs));
    if (wait > 0) {
      throw new Problem(
        429,
        'too-many-attempts',
        `Too many sign-in attempts. Wait ${Math.ceil(wait / 60)} minute(s) and try again, or ask your administrator to reset your password.`,
        undefined,
        undefined,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    const [row] = await db
      .select({ user: users, organisationName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.email, email));
    const ok = row
      ? !row.user.disabled && (await verifyPassword(body.password, row.user.passwordHash))
      : false;
    if (!row) await burnPasswordTime(body.password);
    if (!row || !ok) {
      byAccount.fail(email, nowMs);
      byAddress.fail(address, nowMs);
      await db.transaction(async (tx) => {
        await appendAudit(tx, {
          organisationId: row?.user.organisationId ?? null,
          actor: null,
          action: 'login-failed',
          entityType: 'user',
          entityId: row?.user.id ?? null,
          // The attempted email is hashed: the trail shows repeated attempts without storing guesses.
          detail: { emailHash: sha256Hex(email), address },
          at: now(),
        });
      });
      throw new Problem(
        401,
        'invalid-credentials',
        'That email and password do not match an active account. Check them and try again.',
      );
    }
    byAccount.reset(email);
    const { token, csrf } = await createSession(c, row.user.id);
    await db.transaction(async (tx) => {
      await appendAudit(tx, {
        organisationId: row.user.organisationId,
        actor: { id: row.user.id, name: row.user.name },
        action: 'login',
        entityType: 'user',
        entityId: row.user.id,
        detail: { address },
        at: now(),
      });
    });
    setSessionCookies(c, token, csrf, c.var.services.secureCookies);
    const response: SessionResponse = {
      user: {
        id: row.user.id,
        name: row.user.name,
        email: row.user.email,
        role: row.user.role as SessionResponse['user']['role'],
        organisationId: row.user.organisationId,
        organisationName: row.organisationName,
        teamId: row.user.teamId,
      },
    };
    return c.json(response);
  });

  app.get('/', requireSession, (c) => c.json({ user: c.var.user } satisfies SessionResponse));

  app.delete('/', requireSession, requireCsrf, async (c) => {
    await endSession(c);
    clearSessionCookies(c, c.var.services.secureCookies);
    return c.body(null, 204);
  });

  return app;
}
